using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.LearningPaths;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Editing and generating learning paths on real SQLite with the starter content.</summary>
public sealed class AdminPathsTests : IAsyncLifetime
{
    private static readonly ChangeSource Admin = new(HistoryEventSources.Admin, "admin@example.com");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private AdminPaths _paths = null!;
    private PathGenerator _generator = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _paths = new AdminPaths(_db.Factory, _clock);
        _generator = new PathGenerator(_db.Factory, _clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static PathForm Valid() => new()
    {
        Id = "sql-in-a-week", Title = "SQL in a week", Description = "Indexes, transactions and replication.", PathType = "skill",
        Difficulty = Difficulty.Intermediate, EstimatedHours = 6,
        Milestones =
        [
            new MilestoneForm { Title = "Reading data", QuestionIds = ["ip-db-001", "ip-db-002"] },
            new MilestoneForm { Title = "Keeping it safe", QuestionIds = ["ip-db-003"] },
        ],
        Tags = ["sql"],
    };

    [Fact]
    public void EveryRuleSpeaksAtItsField()
    {
        var form = Valid();
        form.Id = "Not An Id";
        form.Title = "";
        form.PathType = "career-ladder";
        form.EstimatedHours = 0;
        form.Status = "hidden";
        form.Milestones[0].Title = " ";
        form.Milestones[1].QuestionIds = ["ip-db-001"];
        form.Milestones.Add(new MilestoneForm { Title = "Empty" });

        var errors = AdminPaths.Validate(form);

        Assert.Contains(nameof(PathForm.Id), errors.Keys);
        Assert.Contains(nameof(PathForm.Title), errors.Keys);
        Assert.Contains(nameof(PathForm.PathType), errors.Keys);
        Assert.Contains(nameof(PathForm.EstimatedHours), errors.Keys);
        Assert.Contains(nameof(PathForm.Status), errors.Keys);
        Assert.Contains("Milestones[0].Title", errors.Keys);
        Assert.Contains("twice", errors["Milestones[1].Questions"]);
        Assert.Contains("no questions", errors["Milestones[2].Questions"]);

        var company = Valid();
        company.PathType = "company";
        Assert.Contains(nameof(PathForm.TargetCompany), AdminPaths.Validate(company).Keys);
        Assert.Empty(AdminPaths.Validate(Valid()));
    }

    [Fact]
    public void APrerequisiteCycle_IsFoundAndNamed()
    {
        var graph = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["b"], ["b"] = ["c"], ["c"] = [], ["d"] = ["a"] };

        Assert.Equal(["c", "a", "b", "c"], AdminPaths.PrerequisiteCycle("c", ["a"], graph));
        Assert.Null(AdminPaths.PrerequisiteCycle("c", ["d"], new Dictionary<string, IReadOnlyList<string>> { ["d"] = [] }));
        Assert.Null(AdminPaths.PrerequisiteCycle("e", ["a", "d"], graph));
    }

    [Fact]
    public async Task Saving_WritesThePathWithItsMilestonesAndHistory_AndRefusesACycle()
    {
        Assert.Empty(await _paths.SaveAsync(Valid(), isNew: true, Admin));
        Assert.Contains(nameof(PathForm.Id), (await _paths.SaveAsync(Valid(), isNew: true, Admin)).Keys);

        var saved = (await _paths.GetAsync("sql-in-a-week"))!;
        Assert.Equal(["Reading data", "Keeping it safe"], saved.Milestones.Select(m => m.Title));
        Assert.Equal(["ip-db-001", "ip-db-002", "ip-db-003"], saved.QuestionIds);
        var detail = (await new PathCatalog(_db.Factory).GetAsync("sql-in-a-week"))!;
        Assert.Equal([2, 1], detail.Milestones.Select(m => m.Questions.Count));

        // The backend path comes first; then the backend path cannot need this one.
        saved.Prerequisites = ["backend-engineer-career-path"];
        saved.Milestones[1].QuestionIds.Add("ip-db-004");
        Assert.Empty(await _paths.SaveAsync(saved, isNew: false, Admin));
        var backend = (await _paths.GetAsync("backend-engineer-career-path"))!;
        backend.Prerequisites = ["sql-in-a-week"];
        var errors = await _paths.SaveAsync(backend, isNew: false, Admin);
        Assert.Contains("cycle", errors[nameof(PathForm.Prerequisites)]);
        saved.Prerequisites = ["no-such-path"];
        Assert.Contains("no path", (await _paths.SaveAsync(saved, isNew: false, Admin))[nameof(PathForm.Prerequisites)]);

        var history = await new QuestionHistoryQuery(_db.Factory).PathTimelineAsync("sql-in-a-week");
        Assert.Equal([HistoryEventTypes.Updated, HistoryEventTypes.Created], history.Select(h => h.EventType));
        Assert.All(history, h => Assert.Equal((HistoryItemTypes.LearningPath, "admin@example.com"), (h.QuestionType, h.SourceName)));
        Assert.Contains("questionIds", history[0].ChangedFields!);
        Assert.Contains("prerequisites", history[0].ChangedFields!);
        // The site-wide history of questions does not list paths.
        Assert.DoesNotContain(await new QuestionHistoryQuery(_db.Factory).RecentAsync(null, 100), c => c.QuestionId == "sql-in-a-week");
    }

    [Fact]
    public async Task TheOverview_CountsQuestionIdsNotInTheCollection()
    {
        var form = Valid();
        form.Milestones[1].QuestionIds.Add("q-404");
        Assert.Empty(await _paths.SaveAsync(form, isNew: true, Admin));

        var row = (await _paths.OverviewAsync()).Single(r => r.Id == "sql-in-a-week");

        Assert.Equal((3, 1, 2), (row.Questions, row.Unresolved, row.Milestones));
        Assert.False(row.Generated);
    }

    [Fact]
    public async Task ACompanyPath_IsGeneratedByLevel_AgainReplacesIt_ButNotOnceAnAdminEditedIt()
    {
        var first = await _generator.GenerateAsync(new PathRequest("company", "google", 20), Admin);

        Assert.Equal((PathGeneration.Created, "company-google", 20), (first.Outcome, first.PathId, first.Questions));
        var path = (await _paths.GetAsync("company-google"))!;
        Assert.Equal("Google interview preparation", path.Title);
        await using (var db = _db.CreateContext())
        {
            var questions = await db.Questions.AsNoTracking().Where(q => path.QuestionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id);
            Assert.All(questions.Values, q => Assert.Contains("Google", q.Companies!));
            // Beginner to advanced: one milestone per level, in order.
            var levels = path.Milestones.Select(m => m.QuestionIds.Select(id => questions[id].Difficulty).Distinct().Single()).ToList();
            Assert.Equal(levels.Order(), levels);
            var row = await db.LearningPaths.AsNoTracking().SingleAsync(p => p.Id == "company-google");
            Assert.Equal(("Google", _clock.GetUtcNow().UtcDateTime), (row.TargetCompany, row.LastGenerated));
        }

        Assert.Equal(PathGeneration.Unchanged, (await _generator.GenerateAsync(new PathRequest("company", "Google", 20), Admin)).Outcome);
        Assert.Equal(PathGeneration.Replaced, (await _generator.GenerateAsync(new PathRequest("company", "Google", 25), Admin)).Outcome);

        _clock.Advance(TimeSpan.FromMinutes(5));
        path = (await _paths.GetAsync("company-google"))!;
        path.Title = "Google, by hand";
        Assert.Empty(await _paths.SaveAsync(path, isNew: false, Admin));
        _clock.Advance(TimeSpan.FromMinutes(5));
        var again = await _generator.GenerateAsync(new PathRequest("company", "Google", 10), Admin);
        Assert.Equal(PathGeneration.KeptEditedByHand, again.Outcome);
        Assert.Equal("Google, by hand", (await _paths.GetAsync("company-google"))!.Title);

        // Nothing to build from is said, and nothing is written.
        Assert.Equal(PathGeneration.NothingToBuildFrom, (await _generator.GenerateAsync(new PathRequest("company", "Nowhere Inc", 10), Admin)).Outcome);
    }

    [Fact]
    public async Task ACertificationPath_FollowsTheDomainsByWeight()
    {
        var generated = await _generator.GenerateAsync(new PathRequest("certification", "application-security-essentials", 20), Admin);

        Assert.Equal(PathGeneration.Created, generated.Outcome);
        var path = (await _paths.GetAsync("certification-application-security-essentials"))!;
        await using var db = _db.CreateContext();
        var certification = await db.Certifications.AsNoTracking().SingleAsync(c => c.Id == "application-security-essentials");
        var byWeight = certification.Domains!.OrderByDescending(d => d.Weight).ToList();
        var titles = path.Milestones.Select(m => m.Title).Where(t => t != PathGenerator.GeneralTitle).ToList();
        Assert.Equal(byWeight.Select(d => d.Name).Where(titles.Contains), titles);
        var mapped = await db.ChannelMappings.AsNoTracking().Where(m => m.ChannelId == "application-security-essentials")
            .ToDictionaryAsync(m => m.QuestionId, m => m.SubChannel);
        foreach (var milestone in path.Milestones.Where(m => m.Title != PathGenerator.GeneralTitle))
        {
            var domain = byWeight.Single(d => d.Name == milestone.Title);
            Assert.All(milestone.QuestionIds, id => Assert.Equal(domain.Id, mapped[id]));
        }

        Assert.Equal(Math.Min(20, mapped.Count), path.QuestionIds.Count());
    }

    [Fact]
    public void WithinAMilestone_APrerequisiteComesFirst_ThenEasierBeforeHarder()
    {
        var order = PathGenerator.Order(
            [("hard", Difficulty.Advanced, 50), ("easy", Difficulty.Beginner, 10), ("mid", Difficulty.Intermediate, 90), ("basis", Difficulty.Advanced, 10)],
            new Dictionary<string, List<string>> { ["mid"] = ["basis"] });

        Assert.Equal(["easy", "basis", "mid", "hard"], order);
    }
}
