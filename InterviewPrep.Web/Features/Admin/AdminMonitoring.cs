using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Operations;
using InterviewPrep.Web.Features.Operations;
using InterviewPrep.Web.Features.Settings;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>The design's monitoring targets: table growth a week, and query times in milliseconds.</summary>
public static class DesignTargets
{
    /// <summary>Rows a week the design expects, for the tables it names.</summary>
    public static readonly IReadOnlyDictionary<string, int> WeeklyGrowth = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["questions"] = 50,
        ["questionHistory"] = 500,
        ["botLedger"] = 1000,
    };

    public const double AverageQueryMs = 50;
    public const double P95QueryMs = 200;
    public const double P99QueryMs = 500;
}

/// <summary>All the bots' runs of the last 30 days: per day, and in total.</summary>
public sealed record BotActivity(IReadOnlyList<BotDay> Days, int Runs, int Failed, TimeSpan? AverageDuration)
{
    public double? SuccessRate => Runs == 0 ? null : (double)(Runs - Failed) / Runs;
}

/// <summary>The database's size now and its growth per month from the daily samples (null with fewer than two days of them).</summary>
public sealed record StorageFigures(DatabaseSize Size, IReadOnlyList<StorageSample> Samples, double? GrowthPerMonthBytes, DateOnly? GrowthSince);

/// <summary>Everything the monitoring page shows but the JSON column sizes, which take a scan of each table.</summary>
public sealed record MonitoringFigures(
    IReadOnlyList<TableCount> Tables, IReadOnlyList<WeeklyGrowth> Growth, StorageFigures Storage,
    QueryTimeSummary LastHour, QueryTimeSummary LastDay, IReadOnlyList<QueryTimeSummary> Hourly,
    BotActivity Bots, BackupReport Backup, TimeSpan MaxBackupAge, DateTime Now);

/// <summary>The figures of <c>/admin/monitoring</c>, each against the design's target.</summary>
public sealed class AdminMonitoring(
    AdminOverview overview, DatabaseFigures database, DatabaseMetrics metrics, AdminBots bots, BackupState backups,
    IOptions<MonitoringOptions> options, TimeProvider clock)
{
    public async Task<MonitoringFigures> GetAsync(LearnerCalendar calendar, CancellationToken ct = default)
    {
        await database.SampleAsync(ct);
        var samples = await database.SamplesAsync(90, ct);
        var size = await database.SizeAsync(ct);
        return new MonitoringFigures(
            await overview.TableCountsAsync(ct),
            await database.WeeklyGrowthAsync(12, ct),
            new StorageFigures(size, samples, GrowthPerMonth(samples), samples.Count >= 2 ? samples[0].Day : null),
            metrics.Queries.Summarize(TimeSpan.FromHours(1)),
            metrics.Queries.Summarize(TimeSpan.FromDays(1)),
            metrics.Queries.Hourly(24),
            BotActivityOf(await bots.OverviewAsync(calendar, ct)),
            await backups.ReadAsync(ct),
            TimeSpan.FromHours(options.Value.MaxBackupAgeHours),
            clock.GetUtcNow().UtcDateTime);
    }

    public Task<IReadOnlyList<JsonColumnSize>> JsonColumnSizesAsync(CancellationToken ct = default) => database.JsonColumnSizesAsync(ct);

    /// <summary>
    /// Bytes a month: the change from the sample 30 days ago to the newest, or, with a shorter history, the
    /// change since the oldest sample scaled to 30 days.
    /// </summary>
    public static double? GrowthPerMonth(IReadOnlyList<StorageSample> samples)
    {
        if (samples.Count < 2)
        {
            return null;
        }

        var newest = samples[^1];
        var from = samples.LastOrDefault(s => s.Day <= newest.Day.AddDays(-30)) ?? samples[0];
        var days = newest.Day.DayNumber - from.Day.DayNumber;
        return days == 0 ? null : (newest.DatabaseBytes - from.DatabaseBytes) * 30.0 / days;
    }

    /// <summary>The bots' days added up, with the average duration weighted by each bot's runs.</summary>
    public static BotActivity BotActivityOf(IReadOnlyList<BotRow> rows)
    {
        var days = rows.SelectMany(r => r.Days).GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g =>
        {
            var runs = g.Sum(d => d.Completed + d.Failed);
            return new BotDay(g.Key, g.Sum(d => d.Completed), g.Sum(d => d.Failed),
                runs == 0 ? 0 : g.Sum(d => d.AverageSeconds * (d.Completed + d.Failed)) / runs);
        }).ToList();
        var total = rows.Sum(r => r.Runs);
        var timed = rows.Where(r => r.AverageDuration is not null).ToList();
        var runsTimed = timed.Sum(r => r.Runs);
        TimeSpan? average = runsTimed == 0 ? null : TimeSpan.FromSeconds(timed.Sum(r => r.AverageDuration!.Value.TotalSeconds * r.Runs) / runsTimed);
        return new BotActivity(days, total, rows.Sum(r => r.Failed), average);
    }
}
