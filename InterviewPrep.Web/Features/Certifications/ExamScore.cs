using InterviewPrep.Data.Content.Certifications;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>How a learner marked an answer; the values are the review grades they feed (Again, Hard, Good).</summary>
public enum ExamMark { Wrong = 1, Partly = 2, Correct = 3 }

/// <summary>One asked question as scoring sees it: its domain and its mark (null while not marked: it scores nothing).</summary>
public sealed record ScoredItem(string QuestionId, string Domain, ExamMark? Mark);

/// <summary>A domain of the blueprint: its id, name and weight in percent.</summary>
public sealed record BlueprintDomain(string Id, string Name, int Weight);

/// <summary>A domain's result: questions asked, credit earned (correct 1, partly ½), and the score in percent.</summary>
public sealed record DomainScore(string Domain, string Name, int Weight, int Questions, double Credit, int Correct, int Partly, int Wrong, int Unmarked)
{
    public double Percent => Questions == 0 ? 0 : 100.0 * Credit / Questions;
}

/// <summary>An attempt's score against the passing score, and per domain.</summary>
public sealed record ExamScoreCard(double Percent, int PassingScore, IReadOnlyList<DomainScore> Domains)
{
    public bool Passed => Math.Round(Percent, 1) >= PassingScore;

    public int Questions => Domains.Sum(d => d.Questions);

    public int Unmarked => Domains.Sum(d => d.Unmarked);
}

/// <summary>
/// Scores an attempt as the blueprint weighs it: each domain's score is the share of credit over its
/// questions (correct 1, partly ½, wrong or unmarked 0), and the overall score is the domains' scores
/// weighted by their blueprint weights, so a short domain counts for its weight, not its question count.
/// Questions in no domain (drawn only when the domains ran short) count as much as an average question
/// of the domains asked.
/// </summary>
public static class ExamScoring
{
    public static double Credit(ExamMark? mark) => mark switch
    {
        ExamMark.Correct => 1,
        ExamMark.Partly => 0.5,
        _ => 0,
    };

    public static ExamScoreCard Score(IReadOnlyList<ScoredItem> items, IReadOnlyList<BlueprintDomain> blueprint, int passingScore)
    {
        var known = blueprint.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var groups = items
            .GroupBy(i => known.ContainsKey(i.Domain) ? i.Domain : DomainAssigner.General)
            .Select(g =>
            {
                var d = known.GetValueOrDefault(g.Key);
                return new DomainScore(
                    g.Key, d?.Name ?? "General", d?.Weight ?? 0, g.Count(), g.Sum(i => Credit(i.Mark)),
                    g.Count(i => i.Mark == ExamMark.Correct), g.Count(i => i.Mark == ExamMark.Partly),
                    g.Count(i => i.Mark == ExamMark.Wrong), g.Count(i => i.Mark is null));
            })
            .OrderBy(d => d.Domain == DomainAssigner.General ? int.MaxValue : blueprint.ToList().FindIndex(b => b.Id == d.Domain))
            .ToList();

        var weighted = groups.Where(g => g.Domain != DomainAssigner.General).ToList();
        var weightedQuestions = weighted.Sum(g => g.Questions);
        double WeightOf(DomainScore g) => g.Domain != DomainAssigner.General
            ? g.Weight
            : weightedQuestions == 0 ? 1 : (double)g.Questions * weighted.Sum(w => w.Weight) / weightedQuestions;

        var total = groups.Sum(WeightOf);
        var percent = total <= 0
            ? (items.Count == 0 ? 0 : 100.0 * items.Sum(i => Credit(i.Mark)) / items.Count)
            : groups.Sum(g => WeightOf(g) * g.Percent) / total;
        return new ExamScoreCard(percent, passingScore, groups);
    }
}
