using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Dashboard;
using InterviewPrep.Web.Features.Review;

namespace InterviewPrep.Tests.Features.Dashboard;

public sealed class DashboardServiceTests : IAsyncLifetime
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
    public async Task Streak_StudiedAndActivity_FollowWhatTheLearnerDid()
    {
        var study = _db.StudyService();
        // Three days in a row up to yesterday, then a gap before them.
        _clock.Now = new DateTimeOffset(2026, 8, 4, 9, 0, 0, TimeSpan.Zero);
        await study.RecordStudiedAsync("l", "ip-db-008");
        foreach (var (day, question) in new[] { (7, "ip-db-001"), (8, "ip-db-002"), (9, "ip-db-003") })
        {
            _clock.Now = new DateTimeOffset(2026, 8, day, 9, 0, 0, TimeSpan.Zero);
            await study.RecordStudiedAsync("l", question);
        }

        _clock.Now = new DateTimeOffset(2026, 8, 10, 9, 0, 0, TimeSpan.Zero);
        var dashboard = _db.DashboardService();

        var yesterdayStreak = await dashboard.GetAsync("l");
        Assert.Equal(3, yesterdayStreak.Streak);
        Assert.Equal(4, yesterdayStreak.StudiedThisWeek);
        Assert.Equal(30, yesterdayStreak.Activity.Count);
        Assert.Equal(new DateOnly(2026, 8, 10), yesterdayStreak.Activity[^1].Day);
        Assert.Equal(1, yesterdayStreak.Activity.Single(d => d.Day == new DateOnly(2026, 8, 9)).Count);

        await study.RecordStudiedAsync("l", "ip-db-004");
        Assert.Equal(4, (await dashboard.GetAsync("l")).Streak);
        Assert.Equal(0, (await dashboard.GetAsync("someone-else")).Streak);
    }

    [Fact]
    public async Task Mastered_CountsQuestionsReviewedToAStabilityOfThreeWeeks()
    {
        var reviews = _db.ReviewService();
        await reviews.AddAsync("l", "ip-db-001");
        await reviews.AddAsync("l", "ip-db-002");
        var easy = await reviews.GradeAsync("l", "ip-db-001", Grade.Easy, TimeSpan.Zero);
        _clock.Advance(easy.Interval);
        var second = await reviews.GradeAsync("l", "ip-db-001", Grade.Easy, TimeSpan.Zero);
        Assert.True(second.Card.Stability >= DashboardService.MasteredStabilityDays);
        await reviews.GradeAsync("l", "ip-db-002", Grade.Good, TimeSpan.Zero);

        var data = await _db.DashboardService().GetAsync("l");

        Assert.Equal(1, data.MasteredThisWeek);
    }
}
