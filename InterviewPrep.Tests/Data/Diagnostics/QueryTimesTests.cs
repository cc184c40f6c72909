using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Tests.Data.Diagnostics;

/// <summary>The monitoring page's query times: exact counts and averages, percentiles within a bucket (10%), a 24-hour memory.</summary>
public sealed class QueryTimesTests
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Percentiles_AreWithinTenPercent_AndTheAverageIsExact()
    {
        var times = new QueryTimes(_clock);
        // 1..1000 ms once each: p95 is 950 ms, p99 990 ms, the average 500.5 ms.
        foreach (var ms in Enumerable.Range(1, 1000))
        {
            times.Record(TimeSpan.FromMilliseconds(ms));
        }

        var summary = times.Summarize(TimeSpan.FromHours(1));
        Assert.Equal(1000, summary.Count);
        Assert.Equal(500.5, summary.AverageMs, 6);
        Assert.InRange(summary.P95Ms, 950, 950 * 1.1);
        Assert.InRange(summary.P99Ms, 990, 1000);
        Assert.Equal(1000, summary.MaxMs, 6);
    }

    [Fact]
    public void SlowQueriesOfOneHour_ShowInThatHourOnly_AndAreForgottenAfterADay()
    {
        var times = new QueryTimes(_clock);
        times.Record(TimeSpan.FromMilliseconds(800));
        _clock.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 99; i++)
        {
            times.Record(TimeSpan.FromMilliseconds(2));
        }

        Assert.Equal(99, times.Summarize(TimeSpan.FromHours(1)).Count);
        Assert.InRange(times.Summarize(TimeSpan.FromHours(1)).P99Ms, 2, 2.2);
        var day = times.Summarize(TimeSpan.FromDays(1));
        Assert.Equal(100, day.Count);
        Assert.Equal(800, day.MaxMs, 6);
        var hourly = times.Hourly(24);
        Assert.Equal(24, hourly.Count);
        Assert.Equal(1, hourly[^3].Count);
        Assert.Equal(99, hourly[^1].Count);

        _clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, times.Summarize(TimeSpan.FromDays(1)).Count);
    }

    [Fact]
    public void NoQueries_ReadAsZero()
    {
        var summary = new QueryTimes(_clock).Summarize(TimeSpan.FromHours(1));
        Assert.Equal((0L, 0.0, 0.0), (summary.Count, summary.AverageMs, summary.P95Ms));
    }
}
