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

        var catalog = app.Services.GetRequiredService<PathCatalog>();
        var progress = app.Services.GetRequiredService<PathProgress>();
        var followed = (await enrollments.ForLearnerAsync(learnerId)).Select(e => e.PathId).ToList();
        var details = await catalog.GetAsync(followed, texts: false);
        // A query the page ignores makes each request a cache miss: the render itself.
        var n = 0;
        (string Label, Func<Task<HttpResponseMessage?>> Request)[] lines =
        [
            ("catalog, visitor without cookies (GET /paths)", async () => await visitor.GetAsync("/paths")),
            ("catalog, a learner (GET /paths, their paths included)", async () => await learner.GetAsync("/paths")),
            ("catalog, visitor, rendered (output cache missed)", async () => await visitor.GetAsync($"/paths?n={n++}")),
            ("path page, 100 questions, visitor, rendered (output cache missed)", async () => await visitor.GetAsync($"/paths/{Path}?n={n++}")),
            ($"path page, 100 questions, visitor (GET /paths/{Path})", async () => await visitor.GetAsync($"/paths/{Path}")),
            ("path page, 100 questions, a learner (progress per question and milestone)", async () => await learner.GetAsync($"/paths/{Path}")),
            ("  of which: the followed paths (PathCatalog.GetAsync, 4 paths)", async () => { await catalog.GetAsync(followed, texts: false); return null; }),
            ("  of which: the learner's standing in them (PathProgress.GetAsync)", async () => { await progress.GetAsync(learnerId, details); return null; }),
            ("PathCatalog.GetAsync (107 cards)", async () => { await catalog.GetAsync(); return null; }),
        ];

        // One pass over every line first, so that no line pays for the server's warming up (tiered compilation) more than another.
        foreach (var (_, request) in lines)
        {
            await MeasureAsync(request);
        }

        foreach (var (label, request) in lines)
        {
            Console.Out.WriteLine(Percentiles.Line(label, await MeasureAsync(request)));
        }
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
