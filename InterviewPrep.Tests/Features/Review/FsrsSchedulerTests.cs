using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Review;

namespace InterviewPrep.Tests.Features.Review;

/// <summary>FSRS-6 against values computed from its published formulas and default weights.</summary>
public sealed class FsrsSchedulerTests
{
    private static readonly double[] W = [.. FsrsParameters.DefaultWeights];
    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly double F = Math.Pow(0.9, -1 / W[20]) - 1;

    private static FsrsScheduler Scheduler(double retention = 0.9, bool fuzz = false, Func<double>? random = null) =>
        new(new FsrsParameters { DesiredRetention = retention, EnableFuzz = fuzz }, random);

    [Theory]
    [InlineData(Grade.Again, 0.212)]
    [InlineData(Grade.Hard, 1.2931)]
    [InlineData(Grade.Good, 2.3065)]
    [InlineData(Grade.Easy, 8.2956)]
    public void FirstReview_SetsStabilityAndDifficultyFromTheGrade(Grade grade, double stability)
    {
        var outcome = Scheduler().Review(CardMemory.New(Start), grade, Start);

        Assert.Equal(stability, outcome.Card.Stability, 6);
        var expectedDifficulty = Math.Clamp(W[4] - Math.Exp(W[5] * ((int)grade - 1)) + 1, 1, 10);
        Assert.Equal(expectedDifficulty, outcome.Card.Difficulty, 6);
        Assert.Null(outcome.Retrievability);
    }

    [Fact]
    public void FirstReview_WalksTheLearningSteps_AndEasyGraduatesAtOnce()
    {
        var scheduler = Scheduler();
        var card = CardMemory.New(Start);

        Assert.Equal(TimeSpan.FromMinutes(1), scheduler.Review(card, Grade.Again, Start).Interval);
        Assert.Equal(TimeSpan.FromMinutes(5.5), scheduler.Review(card, Grade.Hard, Start).Interval);
        var good = scheduler.Review(card, Grade.Good, Start);
        Assert.Equal((CardState.Learning, TimeSpan.FromMinutes(10)), (good.Card.State, good.Interval));
        var easy = scheduler.Review(card, Grade.Easy, Start);
        Assert.Equal(CardState.Review, easy.Card.State);
        Assert.Equal(TimeSpan.FromDays(Math.Round(W[3])), easy.Interval);

        var graduated = scheduler.Review(good.Card, Grade.Good, Start.AddMinutes(10));
        Assert.Equal(CardState.Review, graduated.Card.State);
        Assert.True(graduated.Interval >= TimeSpan.FromDays(1));
    }

    [Fact]
    public void Retrievability_FollowsThePowerCurve_AndIsNinetyPercentAtStability()
    {
        var scheduler = Scheduler();
        Assert.Equal(0.9, scheduler.Retrievability(10, 10), 9);
        Assert.Equal(Math.Pow(1 + F * 25 / 10, -W[20]), scheduler.Retrievability(25, 10), 9);
        Assert.Equal(1.0, scheduler.Retrievability(0, 10), 9);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.8)]
    [InlineData(0.97)]
    public void Interval_IsTheTimeUntilRecallFallsToTheDesiredRetention(double retention)
    {
        var scheduler = Scheduler(retention);
        var days = scheduler.IntervalDays(20);
        Assert.Equal(retention, scheduler.Retrievability(days, 20), 9);
        Assert.Equal(20 / F * (Math.Pow(retention, -1 / W[20]) - 1), days, 9);
        if (retention == 0.9)
        {
            Assert.Equal(20, days, 9);
        }
    }

    [Fact]
    public void LowerRetention_GivesLongerIntervals() =>
        Assert.True(Scheduler(0.8).IntervalDays(10) > Scheduler(0.9).IntervalDays(10) && Scheduler(0.9).IntervalDays(10) > Scheduler(0.97).IntervalDays(10));

    [Fact]
    public void SuccessfulReview_UpdatesStabilityAndDifficultyByTheFormulas()
    {
        var scheduler = Scheduler();
        var card = new CardMemory(CardState.Review, 10, 5, 0, Start, Start.AddDays(10), 3, 0);
        var now = Start.AddDays(12);

        var outcome = scheduler.Review(card, Grade.Good, now);

        var r = Math.Pow(1 + F * 12 / 10, -W[20]);
        var expectedS = 10 * (1 + Math.Exp(W[8]) * (11 - 5) * Math.Pow(10, -W[9]) * (Math.Exp((1 - r) * W[10]) - 1));
        var d0Easy = W[4] - Math.Exp(W[5] * 3) + 1;
        var expectedD = W[7] * d0Easy + (1 - W[7]) * 5;
        Assert.Equal(r, outcome.Retrievability!.Value, 9);
        Assert.Equal(expectedS, outcome.Card.Stability, 6);
        Assert.Equal(expectedD, outcome.Card.Difficulty, 6);
        Assert.Equal(12, outcome.ElapsedDays, 6);
        Assert.Equal(10, outcome.ScheduledDays, 6);
        Assert.Equal(TimeSpan.FromDays(Math.Round(expectedS)), outcome.Interval);

        var hard = scheduler.Review(card, Grade.Hard, now).Card.Stability;
        var easy = scheduler.Review(card, Grade.Easy, now).Card.Stability;
        Assert.True(hard < expectedS && expectedS < easy);
    }

    [Fact]
    public void Lapse_ShrinksStability_CountsALapse_AndRelearns()
    {
        var scheduler = Scheduler();
        var card = new CardMemory(CardState.Review, 30, 6, 0, Start, Start.AddDays(30), 5, 0);
        var now = Start.AddDays(40);

        var outcome = scheduler.Review(card, Grade.Again, now);

        var r = Math.Pow(1 + F * 40 / 30, -W[20]);
        var expected = Math.Min(W[11] * Math.Pow(6, -W[12]) * (Math.Pow(31, W[13]) - 1) * Math.Exp((1 - r) * W[14]), 30 / Math.Exp(W[17] * W[18]));
        Assert.Equal(expected, outcome.Card.Stability, 6);
        Assert.Equal(1, outcome.Card.Lapses);
        Assert.Equal((CardState.Relearning, TimeSpan.FromMinutes(10)), (outcome.Card.State, outcome.Interval));

        var back = scheduler.Review(outcome.Card, Grade.Good, now.AddMinutes(10));
        Assert.Equal(CardState.Review, back.Card.State);
    }

    [Fact]
    public void SameDayReview_UsesTheShortTermFormula()
    {
        var scheduler = Scheduler();
        var first = scheduler.Review(CardMemory.New(Start), Grade.Good, Start);

        var again = scheduler.Review(first.Card, Grade.Good, Start.AddMinutes(10));

        var expected = W[2] * Math.Max(Math.Exp(W[17] * (0 + W[18])) * Math.Pow(W[2], -W[19]), 1);
        Assert.Equal(expected, again.Card.Stability, 6);
        var failed = scheduler.Review(first.Card, Grade.Again, Start.AddMinutes(10));
        Assert.Equal(W[2] * Math.Exp(W[17] * (-2 + W[18])) * Math.Pow(W[2], -W[19]), failed.Card.Stability, 6);
    }

    [Fact]
    public void Fuzz_StaysWithinItsRange_AndSpreadsIntervals()
    {
        var random = new Random(7);
        var scheduler = Scheduler(fuzz: true, random: random.NextDouble);
        var card = new CardMemory(CardState.Review, 30, 5, 0, Start, Start.AddDays(30), 3, 0);
        var unfuzzed = Scheduler().Review(card, Grade.Good, Start.AddDays(30)).Interval.TotalDays;
        var (min, max) = scheduler.FuzzRange(unfuzzed);

        var intervals = Enumerable.Range(0, 300).Select(_ => scheduler.Review(card, Grade.Good, Start.AddDays(30)).Interval.TotalDays).ToList();

        Assert.All(intervals, d => Assert.InRange(d, min, max));
        Assert.True(intervals.Distinct().Count() > 3);
        Assert.Equal((1, 1), scheduler.FuzzRange(1));
    }

    [Fact]
    public void MaximumInterval_CapsEveryInterval()
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { MaximumIntervalDays = 30, EnableFuzz = false });
        var card = new CardMemory(CardState.Review, 500, 2, 0, Start, Start.AddDays(500), 9, 0);
        Assert.Equal(TimeSpan.FromDays(30), scheduler.Review(card, Grade.Easy, Start.AddDays(500)).Interval);
    }

    [Fact]
    public void Preview_GivesEachGradesInterval_ForTheButtons()
    {
        var preview = Scheduler().Preview(CardMemory.New(Start), Start);
        Assert.Equal(["1m", "6m", "10m", "8d"], preview.OrderBy(p => p.Key).Select(p => FsrsScheduler.FormatInterval(p.Value)));
        Assert.Equal("2w", FsrsScheduler.FormatInterval(TimeSpan.FromDays(14)));
        Assert.Equal("3h", FsrsScheduler.FormatInterval(TimeSpan.FromHours(3)));
        Assert.Equal("1.5y", FsrsScheduler.FormatInterval(TimeSpan.FromDays(548)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Retention_OutsideItsRange_IsRefused(double retention) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler(retention));
}
