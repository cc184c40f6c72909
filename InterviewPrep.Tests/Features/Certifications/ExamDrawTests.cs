using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Features.Certifications;

public sealed class ExamDrawTests
{
    private static IReadOnlyDictionary<string, int> Apportion(int length, params (string Domain, int Weight, int Available)[] domains) =>
        ExamDraw.Apportion(domains.Select(d => new DomainShare(d.Domain, d.Weight, d.Available)).ToList(), length);

    [Fact]
    public void Seats_FollowTheWeights_AndSumToTheLength()
    {
        // AWS SAA's blueprint (30/26/24/20) for the real exam's 65 questions: quotas 19.5, 16.9, 15.6, 13.
        var seats = Apportion(65, ("secure", 30, 100), ("resilient", 26, 100), ("performant", 24, 100), ("cost", 20, 100));

        Assert.Equal(65, seats.Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["secure"] = 19, ["resilient"] = 17, ["performant"] = 16, ["cost"] = 13 }, seats);
    }

    [Fact]
    public void LeftoverSeats_GoToTheLargestRemainders()
    {
        // 10 × 33/33/34: quotas 3.3, 3.3, 3.4 → floors 3/3/3, the one seat left goes to the 0.4 remainder.
        var seats = Apportion(10, ("a", 33, 50), ("b", 33, 50), ("c", 34, 50));

        Assert.Equal(3, seats["a"]);
        Assert.Equal(3, seats["b"]);
        Assert.Equal(4, seats["c"]);
    }

    [Fact]
    public void EqualRemainders_GoToTheHeavierDomain_ThenTheEarlierOne()
    {
        // 3 seats over 25/25/50: quotas 0.75, 0.75, 1.5; the floors give c one seat, two are left.
        // Remainders 0.75, 0.75, 0.5: a and b get them.
        var tie = Apportion(3, ("a", 25, 9), ("b", 25, 9), ("c", 50, 9));
        Assert.Equal((1, 1, 1), (tie["a"], tie["b"], tie["c"]));

        // 1 seat over 50/50: both remainders 0.5, same weight: the earlier one.
        var first = Apportion(1, ("a", 50, 9), ("b", 50, 9));
        Assert.Equal((1, 0), (first["a"], first["b"]));

        // 1 seat over 40/60 with remainders 0.4 and 0.6: the larger remainder, which is also the heavier.
        var heavier = Apportion(1, ("a", 40, 9), ("b", 60, 9));
        Assert.Equal((0, 1), (heavier["a"], heavier["b"]));
    }

    [Fact]
    public void ATinyExam_StillSumsToItsLength()
    {
        var seats = Apportion(2, ("a", 10, 9), ("b", 20, 9), ("c", 30, 9), ("d", 40, 9));

        Assert.Equal(2, seats.Values.Sum());
        Assert.Equal(1, seats["d"]);
        Assert.Equal(1, seats["c"]);
    }

    [Fact]
    public void ADomainShortOfQuestions_GivesItsSeatsToTheOthers()
    {
        var seats = Apportion(20, ("big", 50, 100), ("short", 50, 3));

        Assert.Equal(3, seats["short"]);
        Assert.Equal(17, seats["big"]);
    }

    [Fact]
    public void QuestionsInNoDomain_OnlyFillWhatTheDomainsCannot()
    {
        var plenty = Apportion(10, ("a", 60, 20), ("b", 40, 20), ("general", 0, 50));
        Assert.Equal(0, plenty["general"]);

        var shortOfQuestions = Apportion(10, ("a", 60, 4), ("b", 40, 2), ("general", 0, 50));
        Assert.Equal((4, 2, 4), (shortOfQuestions["a"], shortOfQuestions["b"], shortOfQuestions["general"]));
    }

    [Fact]
    public void AnExamLongerThanTheQuestions_TakesThemAll()
    {
        var seats = Apportion(500, ("a", 70, 5), ("b", 30, 4));

        Assert.Equal((5, 4), (seats["a"], seats["b"]));
    }

    [Fact]
    public void NoWeights_ShareEqually()
    {
        var seats = Apportion(6, ("a", 0, 10), ("b", 0, 10), ("c", 0, 10));

        Assert.All(seats.Values, v => Assert.Equal(2, v));
    }

    [Fact]
    public void Drawing_RepeatsNoQuestion_PrefersUnmastered_AndRecordsEachDomain()
    {
        var pools = new[]
        {
            new DomainPool("a", 50, Enumerable.Range(0, 10).Select(i => new Candidate($"a{i}", Mastered: i < 7)).ToList()),
            // b3 also sits in a second pool; it can only be drawn once.
            new DomainPool("b", 50, Enumerable.Range(0, 10).Select(i => new Candidate($"b{i}", Mastered: i >= 2)).ToList()),
            new DomainPool("general", 0, [new Candidate("b3", false), new Candidate("g1", false)]),
        };

        for (var seed = 0; seed < 50; seed++)
        {
            var exam = ExamDraw.Draw(pools, 8, new Random(seed));

            Assert.Equal(8, exam.QuestionIds.Count);
            Assert.Equal(8, exam.QuestionIds.Distinct().Count());
            Assert.Equal(4, exam.QuestionIds.Count(id => exam.Domains[id] == "a"));
            // The three unmastered questions of a (a7, a8, a9) and the two of b (b0, b1) are always drawn.
            Assert.Subset(exam.QuestionIds.ToHashSet(), new HashSet<string> { "a7", "a8", "a9", "b0", "b1" });
            Assert.All(exam.QuestionIds, id => Assert.Equal(id[..1] == "g" ? "general" : id[..1], exam.Domains[id]));
        }
    }

    [Fact]
    public void Drawing_IsShuffled_SoDomainsInterleave()
    {
        var pools = new[]
        {
            new DomainPool("a", 50, Enumerable.Range(0, 20).Select(i => new Candidate($"a{i}", false)).ToList()),
            new DomainPool("b", 50, Enumerable.Range(0, 20).Select(i => new Candidate($"b{i}", false)).ToList()),
        };

        var orders = Enumerable.Range(0, 10).Select(seed => string.Join(",", ExamDraw.Draw(pools, 10, new Random(seed)).QuestionIds)).ToHashSet();

        Assert.True(orders.Count > 5);
        Assert.Contains(orders, o => !o.StartsWith("a0,a", StringComparison.Ordinal));
    }
}
