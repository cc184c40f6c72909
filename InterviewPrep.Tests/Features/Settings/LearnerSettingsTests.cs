using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Settings;

/// <summary>A learner's own retention, new-card limit, maximum interval and time zone, and how review and the dashboard follow them.</summary>
public sealed class LearnerSettingsTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private LearnerSettingsService _settings = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _settings = _db.SettingsService();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ALearnerWithoutSettings_HasTheDefaults()
    {
        var settings = await _settings.GetAsync("l");

        Assert.Equal(StudySettings.Default, settings);
        Assert.Equal((0.9, 20, 36500), (settings.DesiredRetention, settings.DailyNewLimit, settings.MaximumIntervalDays));
        Assert.Same(TimeZoneInfo.Utc, settings.Calendar.Zone);
    }

    [Fact]
    public async Task Saving_StoresTheSettings_AndTheChosenZone()
    {
        await _settings.SaveAsync("l", new StudySettings(0.854, 5, 365, " Europe/Berlin ", false));

        var saved = await _settings.GetAsync("l");
        Assert.Equal(new StudySettings(0.85, 5, 365, "Europe/Berlin", true), saved);
        Assert.Equal(StudySettings.Default, await _settings.GetAsync("someone-else"));
    }

    [Theory]
    [InlineData(0.69, 20, 100, null, "DesiredRetention")]
    [InlineData(0.98, 20, 100, null, "DesiredRetention")]
    [InlineData(double.NaN, 20, 100, null, "DesiredRetention")]
    [InlineData(0.9, -1, 100, null, "DailyNewLimit")]
    [InlineData(0.9, 10000, 100, null, "DailyNewLimit")]
    [InlineData(0.9, 20, 0, null, "MaximumIntervalDays")]
    [InlineData(0.9, 20, 36501, null, "MaximumIntervalDays")]
    [InlineData(0.9, 20, 100, "Mars/Olympus_Mons", "TimeZoneId")]
    public async Task OutOfRangeValues_AreRefusedByField_AndNothingIsSaved(double retention, int daily, int maxDays, string? zone, string field)
    {
        var error = await Assert.ThrowsAsync<SettingsValidationException>(() => _settings.SaveAsync("l", new StudySettings(retention, daily, maxDays, zone, false)));

        Assert.Equal([field], error.Errors.Keys);
        await using var db = _db.CreateContext();
        Assert.False(await db.LearnerSettings.AnyAsync());
    }

    [Fact]
    public async Task TheDatabase_RejectsOutOfRangeValuesToo()
    {
        await using var db = _db.CreateContext();
        db.LearnerSettings.Add(new LearnerSettings { LearnerId = "l", DesiredRetention = 0.5, UpdatedAt = DateTime.UtcNow });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(TestProvider.IsCheckViolation(error.InnerException?.Message), error.InnerException?.Message);
    }

    [Fact]
    public async Task TheBrowsersZone_IsTaken_UntilTheLearnerChoosesOne()
    {
        Assert.True(await _settings.NoteBrowserTimeZoneAsync("l", "Asia/Tokyo"));
        Assert.False(await _settings.NoteBrowserTimeZoneAsync("l", "Asia/Tokyo"));
        Assert.False(await _settings.NoteBrowserTimeZoneAsync("l", "Not/A_Zone"));
        Assert.Equal(("Asia/Tokyo", false), ((await _settings.GetAsync("l")).TimeZoneId, (await _settings.GetAsync("l")).TimeZoneChosen));

        await _settings.SaveAsync("l", StudySettings.Default with { TimeZoneId = "Europe/Lisbon" });
        Assert.False(await _settings.NoteBrowserTimeZoneAsync("l", "America/Chicago"));
        Assert.Equal("Europe/Lisbon", (await _settings.GetAsync("l")).TimeZoneId);
    }

    [Fact]
    public async Task SavingOtherSettings_KeepsTheBrowsersZoneFollowingTheBrowser()
    {
        await _settings.NoteBrowserTimeZoneAsync("l", "Asia/Tokyo");

        var saved = await _settings.SaveAsync("l", (await _settings.GetAsync("l")) with { DailyNewLimit = 8 });

        Assert.Equal(("Asia/Tokyo", false), (saved.TimeZoneId, saved.TimeZoneChosen));
        Assert.True(await _settings.NoteBrowserTimeZoneAsync("l", "America/Chicago"));
        Assert.Equal(("America/Chicago", 8), ((await _settings.GetAsync("l")).TimeZoneId, (await _settings.GetAsync("l")).DailyNewLimit));
    }

    [Fact]
    public async Task TheDailyNewLimit_CapsNewCardsInTheQueue()
    {
        var reviews = _db.ReviewService();
        for (var i = 1; i <= 6; i++)
        {
            await reviews.AddAsync("l", $"ip-db-00{i}");
        }

        await _settings.SaveAsync("l", StudySettings.Default with { DailyNewLimit = 3 });
        Assert.Equal(3, (await reviews.GetQueueAsync("l")).Count);

        await reviews.GradeAsync("l", "ip-db-001", Grade.Easy, TimeSpan.Zero);
        Assert.Equal(2, (await reviews.GetQueueAsync("l")).Count);
        Assert.Equal(2, (await reviews.GetCountsAsync("l")).NewToday);

        await _settings.SaveAsync("l", StudySettings.Default with { DailyNewLimit = 0 });
        Assert.Empty(await reviews.GetQueueAsync("l"));
    }

    [Fact]
    public async Task DesiredRetention_AndTheMaximumInterval_ShapeTheSchedule()
    {
        var reviews = _db.ReviewService();
        async Task<TimeSpan> SecondIntervalAsync(string learner, StudySettings settings)
        {
            await _settings.SaveAsync(learner, settings);
            await reviews.AddAsync(learner, "ip-db-001");
            var first = await reviews.GradeAsync(learner, "ip-db-001", Grade.Easy, TimeSpan.Zero);
            _clock.Advance(first.Interval);
            var second = await reviews.GradeAsync(learner, "ip-db-001", Grade.Good, TimeSpan.Zero);
            _clock.Advance(-first.Interval);
            return second.Interval;
        }

        var relaxed = await SecondIntervalAsync("relaxed", StudySettings.Default with { DesiredRetention = 0.80 });
        var strict = await SecondIntervalAsync("strict", StudySettings.Default with { DesiredRetention = 0.97 });
        var capped = await SecondIntervalAsync("capped", StudySettings.Default with { MaximumIntervalDays = 3 });

        Assert.True(strict < relaxed / 3, $"0.97 gave {strict}, 0.80 gave {relaxed}");
        Assert.True(capped <= TimeSpan.FromDays(3), $"capped at 3 days, got {capped}");
    }

    [Fact]
    public async Task DueCounts_FollowTheLearnersDays()
    {
        // 22:00 UTC on 1 June is already 07:00 on 2 June in Tokyo.
        _clock.Now = new DateTimeOffset(2026, 6, 1, 22, 0, 0, TimeSpan.Zero);
        await using (var db = _db.CreateContext())
        {
            // Due at 23:00 Tokyo time on 2 June: later today for the learner, tomorrow in UTC.
            db.ReviewCards.Add(new ReviewCard
            {
                LearnerId = "l", QuestionId = "ip-db-001", State = CardState.Review, Stability = 5, Difficulty = 5,
                Due = new DateTime(2026, 6, 2, 14, 0, 0, DateTimeKind.Utc), LastReview = _clock.Now.UtcDateTime.AddDays(-5), CreatedAt = _clock.Now.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        var reviews = _db.ReviewService();
        var utc = await reviews.GetCountsAsync("l");
        Assert.Equal((0, 1), (utc.DueToday, utc.DueTomorrow));

        await _settings.NoteBrowserTimeZoneAsync("l", "Asia/Tokyo");
        var tokyo = await reviews.GetCountsAsync("l");
        Assert.Equal((1, 0), (tokyo.DueToday, tokyo.DueTomorrow));
        var forecast = await reviews.GetForecastAsync("l");
        Assert.Equal((new DateOnly(2026, 6, 2), 1), (forecast[0].Day, forecast[0].Count));
    }

    [Fact]
    public async Task TheDashboard_CountsActivityOnTheLearnersDay()
    {
        // 20:00 UTC on 9 August is 05:00 on 10 August in Tokyo.
        _clock.Now = new DateTimeOffset(2026, 8, 9, 20, 0, 0, TimeSpan.Zero);
        await _settings.NoteBrowserTimeZoneAsync("l", "Asia/Tokyo");
        await _db.StudyService().RecordStudiedAsync("l", "ip-db-001");
        await _db.StudyService().RecordStudiedAsync("l", "ip-db-001");

        var data = await _db.DashboardService().GetAsync("l");

        Assert.Equal(new DateOnly(2026, 8, 10), data.Activity[^1].Day);
        Assert.Equal(1, data.Activity[^1].Count);
        Assert.Equal(1, data.Streak);
    }

    [Fact]
    public void ADayWhoseMidnightIsSkipped_StartsAtItsFirstValidTime()
    {
        var havana = new LearnerCalendar(LearnerCalendar.FindZone("America/Havana")!);

        // Clocks jump from 00:00 to 01:00 on 8 March 2026: the day begins at 01:00 local, 05:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc), havana.StartOf(new DateOnly(2026, 3, 8)));
        Assert.Equal(new DateOnly(2026, 3, 7), havana.DateOf(new DateTime(2026, 3, 8, 4, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 3, 8), havana.DateOf(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc)));
        Assert.Null(LearnerCalendar.FindZone("Not/A_Zone"));
        Assert.Contains("Europe/Berlin", LearnerSettingsService.KnownZones);
    }
}
