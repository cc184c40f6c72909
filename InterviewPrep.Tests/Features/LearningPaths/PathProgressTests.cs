using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.LearningPaths;
using InterviewPrep.Web.Features.Review;

namespace InterviewPrep.Tests.Features.LearningPaths;

/// <summary>Progress in a path that means mastery, on real SQLite with the starter content and a controlled clock.</summary>
public sealed class PathProgressTests : IAsyncLifetime
{
    private const string Path = "backend-engineer-career-path";
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void TheFirstMilestoneIsOpen_TheNextOpensWhenItIsComplete_AnEmptyOneHoldsNothingBack()
    {
        PathQuestion Q(string id) => new(id, id, InterviewPrep.Data.Entities.Difficulty.Beginner, "c");
        var milestones = new List<PathMilestone>
        {
            new(1, "One", [Q("a"), Q("b")], 0), new(2, "Empty", [], 5), new(3, "Three", [Q("c")], 0),
        };
        var states = new Dictionary<string, QuestionProgress> { ["a"] = QuestionProgress.Mastered, ["b"] = QuestionProgress.InReview };

        var halfway = PathProgress.Milestones(milestones, states);
        Assert.Equal((1, 2, false, true), (halfway[0].Mastered, halfway[0].Total, halfway[0].Complete, halfway[0].Open));
        Assert.Equal(["b"], halfway[0].Left.Select(q => q.Id));
        Assert.False(halfway[2].Open);

        states["b"] = QuestionProgress.Mastered;
        var done = PathProgress.Milestones(milestones, states);
        Assert.True(done[0].Complete);
        Assert.True(done[2].Open);
        Assert.Equal(QuestionProgress.InReview, PathProgress.StateOf(seen: true, studied: true, inReview: true, mastered: false));
        Assert.Equal(QuestionProgress.Seen, PathProgress.StateOf(seen: true, studied: false, inReview: false, mastered: false));
    }

    [Fact]
    public async Task GradingTheFirstMilestoneGood_MastersIt_AndOpensTheNext_UntilRecallFades()
    {
        var catalog = new PathCatalog(_db.Factory);
        var reviews = _db.ReviewService();
        var progress = new PathProgress(_db.Factory, reviews);
        var path = (await catalog.GetAsync(Path))!;
        var learner = "learner-1";

        var fresh = await progress.GetAsync(learner, path);
        Assert.Equal(0, fresh.Mastered);
        Assert.All(fresh.States.Values, s => Assert.Equal(QuestionProgress.New, s));
        Assert.Equal(1, fresh.Current?.Number);

        foreach (var q in path.Milestones[0].Questions)
        {
            await reviews.SelfGradeAsync(learner, q.Id, Grade.Good, TimeSpan.FromSeconds(20));
        }

        var after = await progress.GetAsync(learner, path);
        Assert.True(after.Milestones[0].Complete);
        Assert.True(after.Milestones[1].Open);
        Assert.Equal(2, after.Current?.Number);
        Assert.Equal(4, after.Mastered);

        // Months later, without review, recall has faded below the desired retention: not mastered any more.
        _clock.Advance(TimeSpan.FromDays(120));
        var later = await progress.GetAsync(learner, path);
        Assert.False(later.Milestones[0].Complete);
        Assert.All(path.Milestones[0].Questions, q => Assert.Equal(QuestionProgress.InReview, later.States[q.Id]));
    }
}
