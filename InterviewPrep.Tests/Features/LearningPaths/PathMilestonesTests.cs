using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.LearningPaths;

namespace InterviewPrep.Tests.Features.LearningPaths;

public sealed class PathMilestonesTests
{
    private static readonly string[] Ids = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"];

    [Fact]
    public void Counts_SplitThePathsQuestionsInOrder_AndWhatIsLeftMakesALastMilestone()
    {
        var plans = PathMilestones.Split(Ids, [new("Foundation", 2, null), new("Core", 3, null)]);

        Assert.Equal(["Foundation", "Core", PathMilestones.LeftOverTitle], plans.Select(p => p.Title));
        Assert.Equal(["q1", "q2"], plans[0].QuestionIds);
        Assert.Equal(["q3", "q4", "q5"], plans[1].QuestionIds);
        Assert.Equal(["q6", "q7"], plans[2].QuestionIds);
    }

    [Fact]
    public void AMilestoneWithItsOwnIds_TakesThose_AndTheOthersSkipThem()
    {
        var plans = PathMilestones.Split(Ids, [new("Basics", 2, null), new("Picked", 2, ["q2", "q6"]), new("Rest", 10, null)]);

        Assert.Equal(["q1", "q3"], plans[0].QuestionIds);
        Assert.Equal(["q2", "q6"], plans[1].QuestionIds);
        Assert.Equal(["q4", "q5", "q7"], plans[2].QuestionIds);
        Assert.Equal(3, plans.Count);
    }

    [Fact]
    public void CountsBeyondTheQuestions_LeaveLaterMilestonesEmpty_AndNoMilestonesIsOne()
    {
        var plans = PathMilestones.Split(["q1", "q1", "q2"], [new("Big", 25, null), new("Empty", 10, null)]);
        Assert.Equal(["q1", "q2"], plans[0].QuestionIds);
        Assert.Empty(plans[1].QuestionIds);

        var single = Assert.Single(PathMilestones.Split(Ids, null));
        Assert.Equal(PathMilestones.AllTitle, single.Title);
        Assert.Equal(7, single.QuestionIds.Count);
        Assert.Empty(PathMilestones.Split([], null));
    }
}
