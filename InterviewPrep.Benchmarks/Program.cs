using InterviewPrep.Benchmarks;

// On-demand speed figures for BENCHMARKS.md; never part of `dotnet test`.
var benchmarks = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["pages"] = async () =>
    {
        await new PageBenchmarks().RenderAndSearch_Latency(1);
        await new PageBenchmarks().RenderAndSearch_Latency(4);
    },
    ["progress"] = () => new ProgressBenchmarks().SaveStep_AndDashboard_Latency(),
    ["dashboard-page"] = () => new ProgressBenchmarks().DashboardPage_Latency(),
    ["access-patterns"] = () => new AccessPatternBenchmarks().NinePatterns_AtTenTimesDesignVolumes(),
    ["admin-grid"] = () => new AdminGridBenchmarks().GridPages_At30000Questions(),
    ["exams"] = () => new ExamBenchmarks().DrawSaveAndScore_Latency(),
    ["paths"] = () => new PathBenchmarks().CatalogAndPathPage_Latency(),
    ["voice"] = () => new VoiceBenchmarks().Grading_Latency(),
    ["queue"] = () => new QueueBenchmarks().ClaimAndComplete_Throughput(),
    ["backup"] = () => new BackupBenchmarks().BackupAndRestore_At30000Questions(),
    ["replication"] = () => new ReplicationBenchmarks().StandbyLag_OfQuestionSaves(),
    ["monitoring"] = () => new MonitoringBenchmarks().MonitoringPage_At30000Questions(),
};

var chosen = args.Length == 0 || args.Contains("all", StringComparer.OrdinalIgnoreCase) ? benchmarks.Keys.ToArray() : args;
var unknown = chosen.Where(name => !benchmarks.ContainsKey(name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark: {string.Join(", ", unknown)}. Choose from: all, {string.Join(", ", benchmarks.Keys)}.");
    return 2;
}

foreach (var name in chosen)
{
    Console.WriteLine($"== {name}");
    await benchmarks[name]();
}

return 0;
