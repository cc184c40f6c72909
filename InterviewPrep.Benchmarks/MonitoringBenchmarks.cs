using System.Diagnostics;
using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Data.Operations;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// What the monitoring page reads from a database of 30,000 questions (the admin grid's generated set) on the
/// running provider, and what timing a query costs. Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- monitoring
/// </summary>
public sealed class MonitoringBenchmarks
{
    public async Task MonitoringPage_At30000Questions()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new AdminGridBenchmarks().LoadAsync(db);
        var figures = new DatabaseFigures(db.Factory, TimeProvider.System);
        var overview = new AdminOverview(db.Factory);
        foreach (var (name, read) in new (string, Func<Task>)[]
        {
            ("rows per table", () => overview.TableCountsAsync()),
            ("weekly growth, 12 weeks", () => figures.WeeklyGrowthAsync(12)),
            ("database and log size", () => figures.SizeAsync()),
            ("JSON column sizes", () => figures.JsonColumnSizesAsync()),
        })
        {
            await read();
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await read();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{db.Provider}, {name}: median {times[2]:N1} ms, slowest {times[^1]:N1} ms of 5");
        }

        var queries = new QueryTimes(TimeProvider.System);
        const int Records = 5_000_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Records; i++)
        {
            queries.Record(TimeSpan.FromTicks(1_000 + i % 50_000));
        }

        Console.WriteLine($"recording a query time: {clock.Elapsed.TotalMilliseconds * 1e6 / Records:N0} ns each over {Records:N0}; " +
            $"a day's summary: {Time(() => queries.Summarize(TimeSpan.FromDays(1))):N2} ms");
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
