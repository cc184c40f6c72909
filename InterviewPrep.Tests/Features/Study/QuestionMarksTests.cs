using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.LearningPaths;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Study;

namespace InterviewPrep.Tests.Features.Study;

/// <summary>A learner's marks in question lists, and the progress filters built on them.</summary>
public sealed class QuestionMarksTests : IAsyncLifetime
{
    private const string Learner = "marks-learner";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private QuestionMarks Marks() => new(_db.Factory, _db.ReviewService(), _db.SettingsService(), _db.Clock);

    [Fact]
    public async Task EachQuestion_IsMarkedWithWhereTheLearnerStands()
    {
        var study = _db.StudyService();
        var reviews = _db.ReviewService();
        await study.RecordSeenAsync(Learner, "ip-db-001");
        await study.RecordStudiedAsync(Learner, "ip-db-002");
        await study.ToggleBookmarkAsync(Learner, "ip-db-003");
        await study.SaveNoteAsync(Learner, "ip-db-004", "Remember the WAL.");
        await reviews.AddAsync(Learner, "ip-db-005");
        await reviews.AddAsync(Learner, "ip-db-006");
        await reviews.GradeAsync(Learner, "ip-db-006", Grade.Easy, TimeSpan.FromSeconds(5));

        var ids = new[] { "ip-db-001", "ip-db-002", "ip-db-003", "ip-db-004", "ip-db-005", "ip-db-006", "ip-db-007" };
        var marks = await Marks().GetAsync(Learner, ids);

        Assert.Equal(QuestionProgress.Seen, marks["ip-db-001"].Progress);
        Assert.Equal(QuestionProgress.Studied, marks["ip-db-002"].Progress);
        Assert.True(marks["ip-db-003"].Bookmarked);
        Assert.True(marks["ip-db-004"].Noted);
        Assert.Equal(QuestionProgress.InReview, marks["ip-db-005"].Progress);
        Assert.Equal(marks["ip-db-005"].Today, marks["ip-db-005"].DueDay); // a new card is due at once
        Assert.Equal(QuestionProgress.Mastered, marks["ip-db-006"].Progress);
        Assert.Equal(QuestionMark.New(marks["ip-db-007"].Today), marks["ip-db-007"]);

        Assert.Equal(["ip-db-001", "ip-db-003", "ip-db-004", "ip-db-007"], (await Marks().KeepAsync(Learner, ids, ProgressFilter.OnlyNew)).Order());
        Assert.DoesNotContain("ip-db-006", await Marks().KeepAsync(Learner, ids, ProgressFilter.HideMastered));
        Assert.Equal(6, (await Marks().KeepAsync(Learner, ids, ProgressFilter.HideMastered)).Count);
    }

    [Fact]
    public async Task TheDueDay_IsTheLearnersDay_InTheirTimeZone()
    {
        // 20:00 UTC on 1 March is already 2 March in Kiritimati (UTC+14).
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(clock);
        await db.Initializer(seed: true).SeedAsync();
        var reviews = db.ReviewService();
        await reviews.AddAsync(Learner, "ip-db-001");
        var utc = (await new QuestionMarks(db.Factory, reviews, db.SettingsService(), clock).GetAsync(Learner, ["ip-db-001"]))["ip-db-001"];
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1)), (utc.Today, utc.DueDay!.Value));

        Assert.True(await db.SettingsService().NoteBrowserTimeZoneAsync(Learner, "Pacific/Kiritimati"));
        var east = (await new QuestionMarks(db.Factory, reviews, db.SettingsService(), clock).GetAsync(Learner, ["ip-db-001"]))["ip-db-001"];
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2)), (east.Today, east.DueDay!.Value));
    }
}
