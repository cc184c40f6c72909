namespace InterviewPrep.Web.Features.Certifications;

/// <summary>A domain's share of an exam: its blueprint weight and how many questions it has to draw from.</summary>
public sealed record DomainShare(string Domain, int Weight, int Available);

/// <summary>A question an exam may draw, and whether the learner has already mastered it.</summary>
public sealed record Candidate(string QuestionId, bool Mastered);

/// <summary>One domain's questions to draw from.</summary>
public sealed record DomainPool(string Domain, int Weight, IReadOnlyList<Candidate> Candidates);

/// <summary>The drawn questions in the order they are asked, with the domain each was drawn for.</summary>
public sealed record DrawnExam(IReadOnlyList<string> QuestionIds, IReadOnlyDictionary<string, string> Domains);

/// <summary>
/// How an exam is drawn from a certification's blueprint: seats per domain by largest-remainder
/// apportionment of the weights, then within each domain the questions the learner has not mastered
/// first, in random order; no question twice; the whole exam shuffled so domains interleave.
/// </summary>
public static class ExamDraw
{
    /// <summary>
    /// Seats per domain for an exam of <paramref name="length"/> questions (Hamilton's method): each domain
    /// gets the whole part of its quota, and the seats left go to the largest remainders (ties: the heavier
    /// domain, then the earlier one). A domain never gets more seats than it has questions; seats it cannot
    /// fill are apportioned again among the others, and domains of weight 0 (questions in no domain) only
    /// get seats the weighted domains cannot fill. The total is the length, or every question there is.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Apportion(IReadOnlyList<DomainShare> domains, int length)
    {
        var seats = domains.ToDictionary(d => d.Domain, _ => 0, StringComparer.Ordinal);
        var total = Math.Min(Math.Max(0, length), domains.Sum(d => Math.Max(0, d.Available)));
        while (seats.Values.Sum() < total)
        {
            var open = domains.Where(d => seats[d.Domain] < d.Available).ToList();
            if (open.Any(d => d.Weight > 0))
            {
                open = open.Where(d => d.Weight > 0).ToList();
            }

            var left = total - seats.Values.Sum();
            var weights = open.Sum(d => Math.Max(0, d.Weight));
            var quotas = open
                .Select((d, i) => (Domain: d, Index: i, Quota: weights == 0 ? (double)left / open.Count : (double)left * Math.Max(0, d.Weight) / weights))
                .ToList();
            foreach (var q in quotas)
            {
                seats[q.Domain.Domain] += Math.Min((int)Math.Floor(q.Quota), q.Domain.Available - seats[q.Domain.Domain]);
            }

            left = total - seats.Values.Sum();
            foreach (var q in quotas.OrderByDescending(q => q.Quota - Math.Floor(q.Quota)).ThenByDescending(q => q.Domain.Weight).ThenBy(q => q.Index))
            {
                if (left == 0)
                {
                    break;
                }

                if (seats[q.Domain.Domain] < q.Domain.Available)
                {
                    seats[q.Domain.Domain]++;
                    left--;
                }
            }
        }

        return seats;
    }

    /// <summary>Draws an exam of <paramref name="length"/> questions (fewer when the pools hold fewer) from the pools.</summary>
    public static DrawnExam Draw(IReadOnlyList<DomainPool> pools, int length, Random random)
    {
        // A question listed in two pools is drawn from the first only.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var distinct = pools
            .Select(p => p with { Candidates = p.Candidates.Where(c => taken.Add(c.QuestionId)).ToList() })
            .ToList();
        var seats = Apportion(distinct.Select(p => new DomainShare(p.Domain, p.Weight, p.Candidates.Count)).ToList(), length);
        var drawn = new List<(string Id, string Domain)>();
        foreach (var pool in distinct)
        {
            var order = Shuffle(pool.Candidates.ToList(), random);
            drawn.AddRange(order
                .OrderBy(c => c.Mastered) // stable: the shuffle decides among equals
                .Take(seats[pool.Domain])
                .Select(c => (c.QuestionId, pool.Domain)));
        }

        var asked = Shuffle(drawn, random);
        return new DrawnExam(asked.Select(d => d.Id).ToList(), asked.ToDictionary(d => d.Id, d => d.Domain, StringComparer.Ordinal));
    }

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
