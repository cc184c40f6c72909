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

    private QuestionMarks Marks() => new(_db.Factory, _db.ReviewService());

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
        Assert.NotNull(marks["ip-db-005"].Due);
        Assert.Equal(QuestionProgress.Mastered, marks["ip-db-006"].Progress);
        Assert.Equal(QuestionMark.New with { }, marks["ip-db-007"]);

        Assert.Equal(["ip-db-001", "ip-db-003", "ip-db-004", "ip-db-007"], (await Marks().KeepAsync(Learner, ids, ProgressFilter.OnlyNew)).Order());
        Assert.DoesNotContain("ip-db-006", await Marks().KeepAsync(Learner, ids, ProgressFilter.HideMastered));
        Assert.Equal(6, (await Marks().KeepAsync(Learner, ids, ProgressFilter.HideMastered)).Count);
    }
}
