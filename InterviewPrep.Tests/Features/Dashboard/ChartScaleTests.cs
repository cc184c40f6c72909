using InterviewPrep.Web.Components.Shared;
using InterviewPrep.Web.Features.Dashboard;

namespace InterviewPrep.Tests.Features.Dashboard;

/// <summary>How charts scale: round axis steps, and the heatmap's shades.</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(9, 5)]
    [InlineData(20, 5)]
    [InlineData(21, 10)]
    [InlineData(170, 50)]
    [InlineData(4000, 1000)]
    public void AxisSteps_AreRound_AndGiveAtMostFourLines(int highest, int step) =>
        Assert.Equal(step, DayChart.TickStep(highest));

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 20, 1)]
    [InlineData(5, 20, 1)]
    [InlineData(6, 20, 2)]
    [InlineData(20, 20, 4)]
    [InlineData(1, 1, 4)]
    public void HeatmapShades_LeaveNothingApart_AndSplitTheRestInFour(int count, int busiest, int level) =>
        Assert.Equal(level, ActivityHeatmap.Level(count, busiest));
}
