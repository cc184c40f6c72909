using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Dashboard;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Dashboard;

/// <summary>A learner's statistics over a real database: days in their time zone, retention, states and the hardest questions.</summary>
public sealed class StatisticsServiceTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 8, 10, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Retention_CountsReviewsOfLearnedCards_YoungAndMatureApart_OverTheMonthAndTheYear()
    {
        var now = _clock.Now.UtcDateTime;
        await AddLogsAsync("l",
            // Mature, this month: three of four remembered.
            (now.AddDays(-1), CardState.Review, 30, 3), (now.AddDays(-2), CardState.Review, 30, 3),
            (now.AddDays(-3), CardState.Review, 25, 1), (now.AddDays(-4), CardState.Review, 21, 2),
            // Young, this month: one of two.
            (now.AddDays(-1), CardState.Review, 5, 3), (now.AddDays(-2), CardState.Review, 20.9, 1),
            // Learning and relearning steps are not retention.
            (now.AddDays(-1), CardState.Learning, 0, 1), (now.AddDays(-1), CardState.Relearning, 0, 1),
            // Mature, earlier this year; and one older than a year, left out.
            (now.AddDays(-200), CardState.Review, 60, 4), (now.AddDays(-400), CardState.Review, 60, 1));
        await AddLogsAsync("someone-else", (now.AddDays(-1), CardState.Review, 30, 1));

        var retention = (await _db.StatisticsService().GetAsync("l")).Retention;

        Assert.Equal(new RetentionCount(4, 3), retention.MatureMonth);
        Assert.Equal(new RetentionCount(2, 1), retention.YoungMonth);
        Assert.Equal(new RetentionCount(5, 4), retention.MatureYear);
        Assert.Equal(0.75, retention.MatureMonth.Rate);
        Assert.Equal(StudySettings.Default.DesiredRetention, retention.Desired);
        Assert.Null((await _db.StatisticsService().GetAsync("nobody")).Retention.MatureMonth.Rate);
    }

    [Fact]
    public async Task GradesAndTheYear_AreCountedInTheLearnersDays()
    {
        // Auckland is twelve hours ahead in August: 13:00 UTC on the 9th is already the 10th there.
        await _db.SettingsService().SaveAsync("l", StudySettings.Default with { TimeZoneId = "Pacific/Auckland", TimeZoneChosen = true });
        await AddLogsAsync("l",
            (new DateTime(2026, 8, 9, 11, 0, 0, DateTimeKind.Utc), CardState.Review, 3, 1),
            (new DateTime(2026, 8, 9, 13, 0, 0, DateTimeKind.Utc), CardState.Review, 3, 4),
            (new DateTime(2026, 8, 9, 14, 0, 0, DateTimeKind.Utc), CardState.New, 0, 3));
        await _db.StudyService().RecordStudiedAsync("l", "ip-db-001");

        var statistics = await _db.StatisticsService().GetAsync("l");

        Assert.Equal(new DateOnly(2026, 8, 10), statistics.Today);
        Assert.Equal(StatisticsService.GradeDays, statistics.Grades.Count);
        Assert.Equal(new GradeDay(new DateOnly(2026, 8, 9), 1, 0, 0, 0), statistics.Grades[^2]);
        Assert.Equal(new GradeDay(new DateOnly(2026, 8, 10), 0, 0, 1, 1), statistics.Grades[^1]);
        Assert.Equal(365, statistics.Year.Count);
        Assert.Equal((new DateOnly(2026, 8, 10), 1), (statistics.Year[^1].Day, statistics.Year[^1].Count));
        Assert.Equal(new DateOnly(2025, 8, 11), statistics.Year[0].Day);
    }

    [Fact]
    public async Task States_AndTheHardestQuestions_FollowTheCards_OfPublishedQuestionsOnly()
    {
        var reviews = _db.ReviewService();
        foreach (var id in new[] { "ip-db-001", "ip-db-002", "ip-db-003", "ip-db-004", "ip-db-005" })
        {
            await reviews.AddAsync("l", id);
        }

        await reviews.GradeAsync("l", "ip-db-002", Grade.Again, TimeSpan.Zero);
        // Learned well, then forgotten twice: the hardest.
        await LearnAsync(reviews, "ip-db-003", forgotten: 2);
        await LearnAsync(reviews, "ip-db-004", forgotten: 1);
        await LearnAsync(reviews, "ip-db-005", forgotten: 0);

        var statistics = await _db.StatisticsService().GetAsync("l");
        var states = statistics.States.ToDictionary(s => s.State, s => s.Count);

        Assert.Equal(1, states["New"]);
        Assert.Equal(1, states["Learning"]);
        Assert.Equal(2, states["Relearning"]);
        Assert.Equal(1, states["Mastered"] + states["Review"]);
        Assert.Equal(["ip-db-003", "ip-db-004"], statistics.Hardest.Select(h => h.Id));
        Assert.Equal(2, statistics.Hardest[0].Lapses);

        await using (var db = _db.CreateContext())
        {
            await db.Questions.Where(q => q.Id == "ip-db-003").ExecuteUpdateAsync(u => u.SetProperty(q => q.Status, QuestionStatus.Deleted));
        }

        var after = await _db.StatisticsService().GetAsync("l");
        Assert.Equal(["ip-db-004"], after.Hardest.Select(h => h.Id));
        Assert.Equal(4, after.States.Sum(s => s.Count));
    }

    /// <summary>Easy until the interval is long, then Again <paramref name="forgotten"/> times (each relearned but the last).</summary>
    private async Task LearnAsync(ReviewService reviews, string id, int forgotten)
    {
        var outcome = await reviews.GradeAsync("l", id, Grade.Easy, TimeSpan.Zero);
        for (var lapse = 0; lapse < forgotten; lapse++)
        {
            _clock.Advance(outcome.Interval);
            outcome = await reviews.GradeAsync("l", id, Grade.Again, TimeSpan.Zero);
            if (lapse < forgotten - 1)
            {
                _clock.Advance(outcome.Interval);
                outcome = await reviews.GradeAsync("l", id, Grade.Easy, TimeSpan.Zero);
            }
        }
    }

    private async Task AddLogsAsync(string learner, params (DateTime At, CardState State, double Scheduled, int Grade)[] logs)
    {
        await using var db = _db.CreateContext();
        db.ReviewLogs.AddRange(logs.Select(l => new ReviewLog
        {
            LearnerId = learner, QuestionId = "ip-db-001", State = l.State, ReviewedAt = l.At, ScheduledDays = l.Scheduled, Grade = l.Grade,
        }));
        await db.SaveChangesAsync();
    }
}
