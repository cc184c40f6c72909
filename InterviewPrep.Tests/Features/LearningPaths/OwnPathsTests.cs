using InterviewPrep.Data.Content.Export;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Learners;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.LearningPaths;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewPrep.Tests.Features.LearningPaths;

/// <summary>Paths learners build for themselves, on real SQLite with the real migrations and the starter content.</summary>
public sealed class OwnPathsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private OwnPaths _own = null!;
    private PathEnrollments _enrollments = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
        _enrollments = new PathEnrollments(_db.Factory, _db.Clock);
        _own = new OwnPaths(_db.Factory, _enrollments, _db.Clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static OwnPathForm Form(params string[][] milestones) => new()
    {
        Title = "My database week",
        Milestones = milestones.Select((ids, i) => new MilestoneForm { Title = $"Step {i + 1}", QuestionIds = ids.ToList() }).ToList(),
    };

    [Fact]
    public async Task AnOwnPath_IsItsLearnersAlone_StudiedAndFollowedLikeAnyPath()
    {
        var (errors, id) = await _own.SaveAsync("learner-1", null, Form(["ip-db-001", "ip-db-002"], ["ip-sd-001"]));

        Assert.Empty(errors);
        Assert.StartsWith("my-my-database-week-", id);
        var detail = (await new PathCatalog(_db.Factory).GetAsync(id!))!;
        Assert.Equal([2, 1], detail.Milestones.Select(m => m.Questions.Count));
        Assert.Equal(("learner-1", LearningPath.PrivateStatus), (detail.Path.OwnerId, detail.Path.Status));
        Assert.True((await _enrollments.GetAsync("learner-1", id!)).Enrolled);

        // Its learner studies it; nobody else can, enrol in it or rate it.
        var study = _db.StudyService();
        Assert.Equal(3, (await study.PathDeckAsync(id!, "learner-1"))!.QuestionIds.Count);
        Assert.Null(await study.PathDeckAsync(id!, "learner-2"));
        Assert.Null(await study.PathDeckAsync(id!));
        Assert.False(await _enrollments.EnrollAsync("learner-2", id!));
        Assert.NotNull(await _enrollments.RateAsync("learner-1", id!, 5));
        Assert.Null(await _own.GetAsync("learner-2", id!));

        // It is not content: not in the catalog, the admin list, the generator's reach or an export.
        Assert.DoesNotContain(await new PathCatalog(_db.Factory).GetAsync(), c => c.Id == id);
        Assert.DoesNotContain(await new AdminPaths(_db.Factory, _db.Clock).OverviewAsync(), r => r.Id == id);
        using var folder = new TempFolder();
        await new ContentExporter(_db.Factory).ExportToFolderAsync(folder.Path);
        Assert.DoesNotContain(id!, await File.ReadAllTextAsync(Path.Combine(folder.Path, "learning-paths.json")));
    }

    [Fact]
    public async Task SavingChecksEveryMilestone_AndQuestionsThatDoNotExist()
    {
        var (errors, id) = await _own.SaveAsync("learner-1", null, Form(["ip-db-001", "no-such-question"], []));

        Assert.Null(id);
        Assert.Contains("no-such-question", errors["Milestones[0].Questions"]);
        Assert.Contains("no questions", errors["Milestones[1].Questions"]);
        var untitled = Form(["ip-db-001"]);
        untitled.Title = " ";
        Assert.Contains("Title", (await _own.SaveAsync("learner-1", null, untitled)).Errors.Keys);
    }

    [Fact]
    public async Task EditingRenamesAndReorders_DeletingRemovesItAndItsEnrolment()
    {
        var (_, id) = await _own.SaveAsync("learner-1", null, Form(["ip-db-001", "ip-db-002"]));
        var form = (await _own.GetAsync("learner-1", id!))!;
        form.Title = "Renamed";
        form.Milestones[0].QuestionIds.Reverse();
        form.Milestones.Add(new MilestoneForm { Title = "More", QuestionIds = ["ip-db-003"] });

        Assert.Empty((await _own.SaveAsync("learner-1", id, form)).Errors);
        Assert.NotEmpty((await _own.SaveAsync("learner-2", id, form)).Errors);
        var saved = (await _own.GetAsync("learner-1", id!))!;
        Assert.Equal("Renamed", saved.Title);
        Assert.Equal(["ip-db-002", "ip-db-001", "ip-db-003"], saved.Milestones.SelectMany(m => m.QuestionIds));

        Assert.False(await _own.DeleteAsync("learner-2", id!));
        Assert.True(await _own.DeleteAsync("learner-1", id!));
        Assert.Null(await _own.GetAsync("learner-1", id!));
        Assert.Empty(await _enrollments.ForLearnerAsync("learner-1"));
    }

    [Fact]
    public async Task OwnPaths_GoWithTheLearner_IntoTheirAccount_AndAreDeletedWithIt_WithoutMovingTheContentVersion()
    {
        async Task<long> VersionAsync()
        {
            await using var context = _db.CreateContext();
            return await context.Set<ContentVersionStamp>().Select(v => v.Version).SingleAsync();
        }

        var before = await VersionAsync();
        var (_, id) = await _own.SaveAsync("anon-own-1", null, Form(["ip-db-001"]));
        Assert.Equal(before, await VersionAsync());

        Assert.True(await new LearnerMerge(_db.Factory, _db.Clock, NullLogger<LearnerMerge>.Instance).MergeAsync("anon-own-1", "user-own-1"));
        Assert.NotNull(await _own.GetAsync("user-own-1", id!));
        Assert.True((await _enrollments.GetAsync("user-own-1", id!)).Enrolled);

        await using var db = _db.CreateContext();
        Assert.Contains(LearnerData.Tables(db.Model), t => t.ClrType == typeof(LearningPath));
        await LearnerData.DeleteAsync(db, ["user-own-1"]);
        Assert.False(await db.LearningPaths.AnyAsync(p => p.Id == id));
        Assert.True(await db.LearningPaths.AnyAsync(p => p.Id == "web-security-skill-path"));
    }
}
