using System.Diagnostics;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.LearningPaths;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// The learning paths catalog (the dataset's 107 paths) and a path page with 100 questions, rendered on
/// the server: for a visitor without cookies (the output cache may answer) and for a learner who follows
/// the path and has studied part of it (rendered every time: the learner's parts are theirs). Prints
/// figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- paths
/// </summary>
public sealed class PathBenchmarks
{
    private const int Warmup = 30;
    private const int Samples = 300;
    private const string Path = "certification-aws-saa";

    public async Task CatalogAndPathPage_Latency()
    {
        await using var app = new AppFactory("Production", new Dictionary<string, string?> { ["Content:SeedStarterContent"] = "false" });
        var report = await app.Services.GetRequiredService<ContentImporter>().ImportAsync([SharedFolder.OpenInterview]);
        Console.WriteLine($"imported: {report.ToText().Split('\n')[0]}");
        var rebuilt = await app.Services.GetRequiredService<PathGenerator>().RebuildEmptyAsync(new ChangeSource("system", "benchmark"));
        Console.WriteLine($"rebuilt {rebuilt.Count} generated paths from this collection");
        var detail = (await app.Services.GetRequiredService<PathCatalog>().GetAsync(Path))!;
        Console.WriteLine($"{Path}: {detail.Questions} questions in {detail.Milestones.Count} milestones");

        // A learner who follows the path, in three other paths too, and graded its first twenty questions; their signed cookie, as a browser carries it.
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
        var learnerId = app.Services.GetRequiredService<InterviewPrep.Web.Features.Accounts.AnonymousLearner>().Ensure(http);
        var cookie = http.Response.Headers.SetCookie.ToString().Split(';')[0];
        var enrollments = app.Services.GetRequiredService<PathEnrollments>();
        foreach (var id in new[] { Path, "company-google", "career-devops-engineer", "certification-cka" })
        {
            await enrollments.EnrollAsync(learnerId, id);
        }

        var reviews = app.Services.GetRequiredService<InterviewPrep.Web.Features.Review.ReviewService>();
        foreach (var q in detail.Milestones.SelectMany(m => m.Questions).Take(20))
        {
            await reviews.SelfGradeAsync(learnerId, q.Id, InterviewPrep.Web.Features.Review.Grade.Good, TimeSpan.FromSeconds(20));
        }

        var learner = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        learner.DefaultRequestHeaders.Add("Cookie", cookie);
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var page = await learner.GetStringAsync($"/paths/{Path}");
        Console.WriteLine(page.Contains("20 of 100 questions mastered") ? "the learner's page shows 20 of 100 mastered" : "the learner's page does not show their progress");

        var output = Console.Out;
        var catalog = app.Services.GetRequiredService<PathCatalog>();
        // A query the page ignores makes each request a cache miss: the render itself.
        var n = 0;
        output.WriteLine(Percentiles.Line("catalog, visitor without cookies (GET /paths)", await MeasureAsync(async () => (HttpResponseMessage?)await visitor.GetAsync("/paths"))));
        output.WriteLine(Percentiles.Line("catalog, a learner (GET /paths, their paths included)", await MeasureAsync(async () => (HttpResponseMessage?)await learner.GetAsync("/paths"))));
        output.WriteLine(Percentiles.Line("catalog, visitor, rendered (output cache missed)", await MeasureAsync(async () => (HttpResponseMessage?)await visitor.GetAsync($"/paths?n={n++}"))));
        output.WriteLine(Percentiles.Line("path page, 100 questions, visitor, rendered (output cache missed)", await MeasureAsync(async () => (HttpResponseMessage?)await visitor.GetAsync($"/paths/{Path}?n={n++}"))));
        output.WriteLine(Percentiles.Line($"path page, 100 questions, visitor (GET /paths/{Path})", await MeasureAsync(async () => (HttpResponseMessage?)await visitor.GetAsync($"/paths/{Path}"))));
        output.WriteLine(Percentiles.Line("path page, 100 questions, a learner (progress per question and milestone)", await MeasureAsync(async () => (HttpResponseMessage?)await learner.GetAsync($"/paths/{Path}"))));
        var progress = app.Services.GetRequiredService<PathProgress>();
        var followed = (await enrollments.ForLearnerAsync(learnerId)).Select(e => e.PathId).ToList();
        var details = await catalog.GetAsync(followed, texts: false);
        output.WriteLine(Percentiles.Line("  of which: the followed paths (PathCatalog.GetAsync, 4 paths)", await MeasureAsync(async () => { await catalog.GetAsync(followed, texts: false); return null; })));
        output.WriteLine(Percentiles.Line("  of which: the learner's standing in them (PathProgress.GetAsync)", await MeasureAsync(async () => { await progress.GetAsync(learnerId, details); return null; })));
        output.WriteLine(Percentiles.Line("PathCatalog.GetAsync (107 cards)", await MeasureAsync(async () => { await catalog.GetAsync(); return null; })));
    }

    private static async Task<List<double>> MeasureAsync(Func<Task<HttpResponseMessage?>> request)
    {
        for (var i = 0; i < Warmup; i++)
        {
            (await request())?.EnsureSuccessStatusCode();
        }

        var times = new List<double>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await request();
            if (response is not null)
            {
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
