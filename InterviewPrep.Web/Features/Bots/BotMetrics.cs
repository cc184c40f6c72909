using System.Diagnostics;
using System.Diagnostics.Metrics;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>Bot runs for the metrics endpoint (meter <see cref="MeterName"/>): how many, how they ended, how long they took.</summary>
public static class BotMetrics
{
    public const string MeterName = "InterviewPrep.Bots";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "interviewprep.bot.runs", "{run}", "Bot runs finished, by bot and outcome (completed, failed).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "interviewprep.bot.run.duration", "s", "How long a bot run took.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] });

    public static void Record(string bot, BotRunStatus status, TimeSpan took)
    {
        var tags = new TagList { { "bot", bot }, { "outcome", status == BotRunStatus.Completed ? "completed" : "failed" } };
        Runs.Add(1, tags);
        Duration.Record(took.TotalSeconds, tags);
    }
}
