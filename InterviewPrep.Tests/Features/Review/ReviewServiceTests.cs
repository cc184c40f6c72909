using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Review;

/// <summary>The review queue over a real database: adding, the due queue, grading with FSRS, the log, counts and forecast.</summary>
public sealed class ReviewServiceTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private ReviewService _reviews = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _reviews = _db.ReviewService();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Adding_IsIdempotent_AndNewCardsAreQueued()
    {
        Assert.True(await _reviews.AddAsync("l", "ip-db-001"));
        Assert.False(await _reviews.AddAsync("l", "ip-db-001"));
        await _reviews.AddAsync("l", "ip-db-002");

        var queue = await _reviews.GetQueueAsync("l");

        Assert.Equal(["ip-db-001", "ip-db-002"], queue.Select(c => c.QuestionId));
        Assert.Equal("10m", queue[0].Intervals[Grade.Good]);
        Assert.Empty(await _reviews.GetQueueAsync("someone-else"));
    }

    [Fact]
    public async Task Grading_SchedulesWithFsrs_AndLogsTheReview()
    {
        await _reviews.AddAsync("l", "ip-db-001");

        var outcome = await _reviews.GradeAsync("l", "ip-db-001", Grade.Easy, TimeSpan.FromSeconds(12));

        Assert.Equal(CardState.Review, outcome.Card.State);
        Assert.Empty(await _reviews.GetQueueAsync("l"));
        await using var db = _db.CreateContext();
        var log = await db.ReviewLogs.SingleAsync();
        Assert.Equal((4, CardState.New, 12000), (log.Grade, log.State, log.DurationMs));
        var card = await db.ReviewCards.SingleAsync();
        Assert.Equal(CardState.Review, card.State);
        Assert.Equal(_clock.Now.UtcDateTime + outcome.Interval, card.Due);

        _clock.Advance(outcome.Interval + TimeSpan.FromDays(2));
        var due = Assert.Single(await _reviews.GetQueueAsync("l"));
        Assert.Equal(CardState.Review, due.State);
        var second = await _reviews.GradeAsync("l", "ip-db-001", Grade.Good, TimeSpan.FromSeconds(5));
        Assert.True(second.Card.Stability > outcome.Card.Stability);
        Assert.Equal(outcome.Interval.TotalDays + 2, (await _db.CreateContext().ReviewLogs.OrderBy(l => l.Id).LastAsync()).ElapsedDays, 3);
    }

    [Fact]
    public async Task OverdueCardsComeFirst_AndNewCardsRespectTheDailyLimit()
    {
        for (var i = 1; i <= 8; i++)
        {
            await _reviews.AddAsync("l", $"ip-db-00{i}");
        }

        foreach (var id in new[] { "ip-db-001", "ip-db-002" })
        {
            await _reviews.GradeAsync("l", id, Grade.Easy, TimeSpan.Zero);
        }

        _clock.Advance(TimeSpan.FromDays(60));
        var queue = await _reviews.GetQueueAsync("l");

        Assert.Equal(8, queue.Count);
        Assert.All(queue.Take(2), c => Assert.Equal(CardState.Review, c.State));
        Assert.All(queue.Skip(2), c => Assert.Equal(CardState.New, c.State));
    }

    [Fact]
    public async Task CountsAndForecast_FollowTheDueDates()
    {
        await _reviews.AddAsync("l", "ip-db-001");
        await _reviews.AddAsync("l", "ip-db-002");
        var easy = await _reviews.GradeAsync("l", "ip-db-001", Grade.Easy, TimeSpan.Zero);

        var counts = await _reviews.GetCountsAsync("l");
        var forecast = await _reviews.GetForecastAsync("l");

        Assert.Equal(2, counts.Total);
        Assert.Equal(1, counts.NewToday);
        Assert.Equal(0, counts.DueNow);
        Assert.Equal(30, forecast.Count);
        var dueDay = DateOnly.FromDateTime((_clock.Now.UtcDateTime + easy.Interval).Date);
        Assert.Equal(1, forecast.Single(d => d.Day == dueDay).Count);
        Assert.Equal(1, forecast.Sum(d => d.Count));
    }

    [Fact]
    public async Task GetToday_CountsDueNowLaterTodayAndNewSeparately_AndTheQueueHoldsWhatIsReady()
    {
        await _reviews.AddAsync("l", "ip-db-001");
        await _reviews.AddAsync("l", "ip-db-002");
        await _reviews.AddAsync("l", "ip-db-003");
        await _reviews.GradeAsync("l", "ip-db-001", Grade.Again, TimeSpan.Zero); // due in a minute
        await _reviews.GradeAsync("l", "ip-db-002", Grade.Good, TimeSpan.Zero);  // due in ten minutes
        _clock.Advance(TimeSpan.FromMinutes(5));

        var today = await _reviews.GetTodayAsync("l");

        Assert.Equal((1, 1, 1), (today.Counts.DueNow, today.Counts.DueLaterToday, today.Counts.NewToday));
        Assert.Equal(2, today.Counts.ReadyNow);
        Assert.Equal(3, today.Counts.LeftToday);
        Assert.Equal(["ip-db-001", "ip-db-003"], today.Queue.Select(c => c.QuestionId));

        await _reviews.GradeAsync("l", "ip-db-001", Grade.Good, TimeSpan.Zero);
        var after = await _reviews.GetTodayAsync("l");

        Assert.Equal((0, 2, 1), (after.Counts.DueNow, after.Counts.DueLaterToday, after.Counts.NewToday));
        Assert.Equal(after.Counts.ReadyNow, after.Queue.Count);
        Assert.Equal(after.Counts, await _reviews.GetCountsAsync("l"));
    }
}
