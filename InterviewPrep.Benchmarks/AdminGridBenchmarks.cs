using System.Diagnostics;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// The admin question grid's server side (a count and a page) at 30,000 questions, on a SQLite
/// database made by the real migrations, for the filters and sorts an admin uses. Prints figures;
/// asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- admin-grid
/// </summary>
public sealed class AdminGridBenchmarks
{
    private const int Questions = 30_000;
    private const int Warmup = 10;
    private const int Samples = 200;
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Channels =
    [
        "system-design", "algorithms", "kubernetes", "behavioral", "aws", "backend", "frontend", "database", "devops",
        "python", "sre", "security", "networking", "linux", "machine-learning", "generative-ai", "data-structures",
        "testing", "terraform-associate", "aws-saa", "azure-fundamentals", "cka", "docker-dca", "javascript",
    ];

    private static readonly string[] Words =
    [
        "cache", "latency", "throughput", "replica", "partition", "consistency", "queue", "index", "request", "service",
        "cluster", "node", "pod", "deploy", "rollback", "shard", "lock", "thread", "memory", "heap", "tree", "graph",
        "hash", "token", "schema", "query", "join", "transaction", "isolation", "retry", "backoff", "timeout", "load",
        "the", "a", "of", "to", "and", "when", "why", "how", "with", "design", "explain", "compare", "trade-off",
    ];

    private static readonly string[] Companies = ["Google", "Amazon", "Meta", "Microsoft", "Apple", "Netflix", "Stripe", "Uber"];

    private readonly Random _random = new(20261128);

    public async Task GridPages_At30000Questions()
    {
        await using var db = await TestDatabase.CreateAsync();
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            Console.WriteLine("skipped: the admin-grid benchmark is about SQLite (unset TEST_DATABASE_PROVIDER)");
            return;
        }

        var load = Stopwatch.StartNew();
        await LoadAsync(db);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {Questions:N0} questions loaded in {load.Elapsed.TotalSeconds:0.0} s");

        var query = new AdminQuestionQuery(db.Factory);
        var cases = new (string Name, QuestionFilter Filter, QuestionSort Sort, bool Descending, int Page)[]
        {
            ("first page, newest changes first (the default)", new(), QuestionSort.LastUpdated, true, 0),
            ("page 500 of the default order (rows 12,501-12,525)", new(), QuestionSort.LastUpdated, true, 500),
            ("by question text, A-Z", new(), QuestionSort.Text, false, 0),
            ("one channel, by difficulty", new() { Channel = "kubernetes" }, QuestionSort.Difficulty, false, 0),
            ("channel and sub-channel", new() { Channel = "database", SubChannel = "topic-3" }, QuestionSort.LastUpdated, true, 0),
            ("text contains a word", new() { Text = "rollback" }, QuestionSort.LastUpdated, true, 0),
            ("flagged with a diagram", new() { Status = QuestionStatus.Flagged, HasDiagram = true }, QuestionSort.LastUpdated, true, 0),
            ("a tag (JSON list)", new() { Tag = "shard" }, QuestionSort.LastUpdated, true, 0),
            ("a company (JSON list)", new() { Company = "Stripe" }, QuestionSort.Id, false, 0),
            ("missing ELI5 and TL;DR, expert", new() { HasEli5 = false, HasTldr = false, Difficulty = Difficulty.Expert }, QuestionSort.Created, false, 0),
            ("voice keywords present", new() { HasVoiceKeywords = true }, QuestionSort.LastUpdated, true, 0),
        };

        foreach (var (name, filter, sort, descending, page) in cases)
        {
            var times = new List<double>(Samples);
            var rows = 0;
            for (var i = 0; i < Warmup + Samples; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = await query.PageAsync(filter, sort, descending, page, 25);
                watch.Stop();
                rows = result.Total;
                if (i >= Warmup)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine(Percentiles.Line($"{name} ({rows:N0} match)", times));
        }
    }

    /// <summary>Loads the 30,000 generated questions into <paramref name="db"/>.</summary>
    internal async Task LoadAsync(TestDatabase db)
    {
        const int batch = 2_000;
        for (var offset = 0; offset < Questions; offset += batch)
        {
            await using var context = db.CreateContext();
            for (var i = offset; i < offset + batch; i++)
            {
                var channel = Channels[i % Channels.Length];
                var created = Start.AddMinutes(i * 17);
                var roll = _random.NextDouble();
                context.Questions.Add(new Question
                {
                    Id = $"q-{i:D6}",
                    Text = Sentence(12, 30) + "?",
                    Answer = Sentence(30, 80) + ".",
                    Explanation = Sentence(80, 300) + ".",
                    Channel = channel,
                    SubChannel = $"topic-{_random.Next(12)}",
                    Difficulty = (Difficulty)_random.Next(4),
                    Status = roll < 0.90 ? QuestionStatus.Active : roll < 0.94 ? QuestionStatus.Flagged : roll < 0.97 ? QuestionStatus.Archived : QuestionStatus.Deleted,
                    Tags = [.. Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Words[_random.Next(33)]).Distinct()],
                    Companies = _random.NextDouble() < 0.4 ? [Companies[_random.Next(Companies.Length)]] : null,
                    Diagram = _random.NextDouble() < 0.3 ? "graph TD; A-->B; B-->C" : null,
                    Eli5 = _random.NextDouble() < 0.5 ? Sentence(20, 60) : null,
                    Tldr = _random.NextDouble() < 0.7 ? Sentence(10, 25) : null,
                    VoiceKeywords = _random.NextDouble() < 0.07 ? ["cache", "latency"] : null,
                    CreatedAt = created,
                    LastUpdated = created.AddDays(_random.Next(300)),
                });
            }

            await context.SaveChangesAsync();
        }
    }

    private string Sentence(int min, int max) =>
        string.Join(' ', Enumerable.Range(0, _random.Next(min, max)).Select(_ => Words[_random.Next(Words.Length)]));
}
