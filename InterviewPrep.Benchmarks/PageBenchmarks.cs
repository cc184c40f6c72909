using System.Diagnostics;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// Server render of the question and channel pages and search latency, on the real dataset and on
/// a fourfold copy of it (about 31,500 questions). Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- pages
/// </summary>
public sealed class PageBenchmarks
{
    private const int Warmup = 30;
    private const int Samples = 300;

    public async Task RenderAndSearch_Latency(int copies)
    {
        var folder = Directory.CreateTempSubdirectory("interviewprep-bench-").FullName;
        try
        {
            var files = WriteCopies(folder, copies);
            await using var app = new AppFactory("Production", new Dictionary<string, string?> { ["Content:SeedStarterContent"] = "false" });
            var clock = Stopwatch.StartNew();
            var report = await app.Services.GetRequiredService<ContentImporter>().ImportAsync(files);
            var importSeconds = clock.Elapsed.TotalSeconds;
            var output = Console.Out;
            output.WriteLine($"questions: {report.Created - 0} rows created ({report.Summary}) in {importSeconds:0.0} s");

            var client = app.CreateClient();
            var ids = JsonNode.Parse(File.ReadAllText(files[0]))!.AsArray().Select(q => q!["id"]!.GetValue<string>()).Take(Samples).ToList();
            var questionTimes = await MeasureAsync(async i => (HttpResponseMessage?)await client.GetAsync($"/questions/{ids[i % ids.Count]}"));
            string[] channels = ["algorithms", "aws", "backend", "database", "devops", "frontend", "kubernetes", "python", "sre", "system-design"];
            var channelTimes = await MeasureAsync(async i => (HttpResponseMessage?)await client.GetAsync($"/channels/{channels[i % channels.Length]}?page={1 + i % 5}"));
            var filteredTimes = await MeasureAsync(async i => (HttpResponseMessage?)await client.GetAsync($"/channels/{channels[i % channels.Length]}?difficulty=advanced&order=relevance"));
            var search = app.Services.GetRequiredService<QuestionSearch>();
            string[] queries = ["kubernetes pod", "load balancer", "index", "react hooks", "terraform state", "python generator", "tcp handshake", "cache invalidation", "docker", "sql join"];
            var searchTimes = await MeasureAsync(async i => { await search.SearchAsync(queries[i % queries.Length], countAll: false); return null; });
            var countedTimes = await MeasureAsync(async i => { await search.SearchAsync(queries[i % queries.Length]); return null; });
            var suggestTimes = await MeasureAsync(async i => { await search.SearchAsync(queries[i % queries.Length][..Math.Min(6, queries[i % queries.Length].Length)], limit: 8, countAll: false, asYouType: true); return null; });

            output.WriteLine(Percentiles.Line("question page (GET /questions/{id})", questionTimes));
            output.WriteLine(Percentiles.Line("channel page (GET /channels/{id}?page=n)", channelTimes));
            output.WriteLine(Percentiles.Line("channel page, filtered + relevance", filteredTimes));
            output.WriteLine(Percentiles.Line("search, top 20 (QuestionSearch.SearchAsync)", searchTimes));
            output.WriteLine(Percentiles.Line("search, top 20 + total count", countedTimes));
            output.WriteLine(Percentiles.Line("suggestions as you type (prefix, top 8)", suggestTimes));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<double>> MeasureAsync(Func<int, Task<HttpResponseMessage?>> request)
    {
        for (var i = 0; i < Warmup; i++)
        {
            (await request(i))?.EnsureSuccessStatusCode();
        }

        var times = new List<double>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await request(i);
            if (response is not null)
            {
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>The dataset's question files, and for copies > 1 the same questions again under new ids.</summary>
    private static List<string> WriteCopies(string folder, int copies)
    {
        var files = new List<string>();
        foreach (var source in Directory.GetFiles(SharedFolder.QuestionsFolder, "*.json"))
        {
            if (JsonNode.Parse(File.ReadAllText(source)) is not JsonArray rows || rows.Count < 100)
            {
                continue;
            }

            for (var copy = 1; copy <= copies; copy++)
            {
                var copied = new JsonArray();
                foreach (var row in rows.OfType<JsonObject>())
                {
                    var clone = row.DeepClone().AsObject();
                    if (copy > 1)
                    {
                        clone["id"] = $"{row["id"]}-copy{copy}";
                        clone["question"] = $"{row["question"]} (variant {copy})";
                    }

                    copied.Add(clone);
                }

                var path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(source)}-{copy}.json");
                File.WriteAllText(path, copied.ToJsonString());
                files.Add(path);
            }
        }

        return files;
    }
}
