using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.LearningPaths;
using InterviewPrep.Web.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewPrep.Tests.Features.LearningPaths;

/// <summary>Enrolments, ratings and the numbers they make, on real SQLite with the real migrations and the starter content.</summary>
public sealed class PathEnrollmentsTests : IAsyncLifetime
{
    private const string Path = "web-security-skill-path";
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private PathEnrollments _enrollments = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _enrollments = new PathEnrollments(_db.Factory, _clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<LearningPath> PathRowAsync(string id = Path)
    {
        await using var db = _db.CreateContext();
        return await db.LearningPaths.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task PopularityCountsEnrolments_EnrollingTwiceCountsOnce_AnUnknownPathEnrolsNobody()
    {
        Assert.True(await _enrollments.EnrollAsync("learner-1", Path));
        Assert.True(await _enrollments.EnrollAsync("learner-1", Path));
        Assert.True(await _enrollments.EnrollAsync("learner-2", Path));
        Assert.False(await _enrollments.EnrollAsync("learner-1", "no-such-path"));

        var path = await PathRowAsync();
        Assert.Equal((2, 0, 0), (path.Popularity, path.CompletionRate, path.AverageRating));
        Assert.True((await _enrollments.GetAsync("learner-1", Path)).Enrolled);
        Assert.False((await _enrollments.GetAsync("learner-3", Path)).Enrolled);
    }

    [Fact]
    public async Task TheAverageRating_IsRecomputedFromRatings_ARatingCanBeChanged_OutOfRangeIsRefused()
    {
        Assert.Null(await _enrollments.RateAsync("learner-1", Path, 5));
        Assert.Null(await _enrollments.RateAsync("learner-2", Path, 4));
        Assert.Null(await _enrollments.RateAsync("learner-3", Path, 4));
        Assert.Equal(new PathRatings(13 / 3.0, 3), await _enrollments.RatingsAsync(Path));
        Assert.Equal(4, (await PathRowAsync()).AverageRating);

        Assert.Null(await _enrollments.RateAsync("learner-2", Path, 5));
        Assert.Null(await _enrollments.RateAsync("learner-3", Path, 5));
        Assert.Equal(new PathRatings(5, 3), await _enrollments.RatingsAsync(Path));
        Assert.Equal(5, (await PathRowAsync()).AverageRating);
        Assert.Equal(5, (await _enrollments.GetAsync("learner-2", Path)).Rating);

        Assert.NotNull(await _enrollments.RateAsync("learner-1", Path, 0));
        Assert.NotNull(await _enrollments.RateAsync("learner-1", Path, 6));
        Assert.NotNull(await _enrollments.RateAsync("learner-1", "no-such-path", 3));
        Assert.Equal(3, (await _enrollments.RatingsAsync(Path)).Count);

        // Half a star rounds up: 4.5 is stored as 5.
        Assert.Null(await _enrollments.RateAsync("learner-1", Path, 4));
        Assert.Null(await _enrollments.RateAsync("learner-4", Path, 4));
        Assert.Equal(5, (await PathRowAsync()).AverageRating);
    }

    [Fact]
    public void TheDatabaseRefusesARatingOutOfRange()
    {
        using var db = _db.CreateContext();
        db.PathRatings.Add(new PathRating { LearnerId = "l", PathId = Path, Rating = 9, RatedAt = _clock.GetUtcNow().UtcDateTime });
        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task TheCompletionRate_IsTheShareOfEnrolledLearnersWhoMasteredEveryMilestone_AndCompletedStaysCompleted()
    {
        var reviews = _db.ReviewService();
        var detail = (await new PathCatalog(_db.Factory).GetAsync(Path))!;
        var progress = new PathProgress(_db.Factory, reviews);
        foreach (var learner in new[] { "learner-1", "learner-2", "learner-3" })
        {
            await _enrollments.EnrollAsync(learner, Path);
        }

        foreach (var q in detail.Milestones.SelectMany(m => m.Questions))
        {
            await reviews.SelfGradeAsync("learner-1", q.Id, Grade.Good, TimeSpan.FromSeconds(10));
        }

        // Half mastered is not completed.
        foreach (var q in detail.Milestones[0].Questions)
        {
            await reviews.SelfGradeAsync("learner-2", q.Id, Grade.Good, TimeSpan.FromSeconds(10));
        }

        Assert.True(await _enrollments.RecordStandingAsync("learner-1", Path, await progress.GetAsync("learner-1", detail)));
        Assert.False(await _enrollments.RecordStandingAsync("learner-2", Path, await progress.GetAsync("learner-2", detail)));
        // A learner who mastered it all without enrolling is not counted.
        foreach (var q in detail.Milestones.SelectMany(m => m.Questions))
        {
            await reviews.SelfGradeAsync("learner-9", q.Id, Grade.Good, TimeSpan.FromSeconds(10));
        }

        Assert.False(await _enrollments.RecordStandingAsync("learner-9", Path, await progress.GetAsync("learner-9", detail)));
        var path = await PathRowAsync();
        Assert.Equal((3, 33), (path.Popularity, path.CompletionRate));

        // Months later recall has faded; the path was completed all the same.
        _clock.Advance(TimeSpan.FromDays(200));
        Assert.NotNull((await _enrollments.GetAsync("learner-1", Path)).CompletedAt);
        Assert.False(await _enrollments.RecordStandingAsync("learner-1", Path, await progress.GetAsync("learner-1", detail)));
        Assert.Equal(33, (await PathRowAsync()).CompletionRate);
    }

    [Fact]
    public async Task SigningIn_MovesTheVisitorsEnrolmentsAndRatings_TheAccountsRatingWins_AndThePathsCountOnce()
    {
        const string anon = "anon-path-1";
        const string user = "user-path-1";
        await _enrollments.EnrollAsync(anon, Path);
        await _enrollments.EnrollAsync(user, Path);
        await _enrollments.EnrollAsync(anon, "backend-engineer-career-path");
        await _enrollments.RateAsync(anon, Path, 1);
        await _enrollments.RateAsync(user, Path, 5);
        await _enrollments.RateAsync(anon, "backend-engineer-career-path", 4);
        Assert.Equal(2, (await PathRowAsync()).Popularity);

        Assert.True(await new LearnerMerge(_db.Factory, _clock, NullLogger<LearnerMerge>.Instance).MergeAsync(anon, user));

        Assert.Equal((1, 5), ((await PathRowAsync()).Popularity, (await PathRowAsync()).AverageRating));
        Assert.Equal(5, (await _enrollments.GetAsync(user, Path)).Rating);
        Assert.Equal(4, (await _enrollments.GetAsync(user, "backend-engineer-career-path")).Rating);
        Assert.Equal(2, (await _enrollments.ForLearnerAsync(user)).Count);
        Assert.Empty(await _enrollments.ForLearnerAsync(anon));
    }

    [Fact]
    public async Task ImportingAPathAgain_KeepsTheNumbersOfItsLearners_NotThoseOfTheFile()
    {
        await _enrollments.EnrollAsync("learner-1", Path);
        await _enrollments.RateAsync("learner-1", Path, 4);
        using var folder = new TempFolder();
        folder.Write("learning-paths.json", """
            [{ "id": "web-security-skill-path", "title": "Web security, renamed", "pathType": "skill", "difficulty": "intermediate",
               "questionIds": ["ip-sec-001", "ip-sec-002"], "popularity": 9000, "completionRate": 99, "averageRating": 1 },
             { "id": "imported-path", "title": "Imported", "pathType": "skill", "difficulty": "beginner",
               "questionIds": ["ip-sec-001"], "popularity": 500, "averageRating": 5 }]
            """);

        var report = await _db.Importer.ImportAsync([folder.Path]);

        Assert.True(report.Files.All(f => f.Error is null), string.Join("; ", report.Files.Select(f => f.Error)));
        var path = await PathRowAsync();
        Assert.Equal(("Web security, renamed", 1, 0, 4), (path.Title, path.Popularity, path.CompletionRate, path.AverageRating));
        var imported = await PathRowAsync("imported-path");
        Assert.Equal((0, 0), (imported.Popularity, imported.AverageRating));
    }
}
