using System.Diagnostics;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InterviewPrep.Web.Features.Dashboard;
using InterviewPrep.Web.Features.Sessions;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// The cost of saving a study step, and of the dashboard (its numbers, and the whole page as the
/// server renders it) for a learner with 5,000 reviews. Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- progress
/// </summary>
public sealed class ProgressBenchmarks
{
    public async Task SaveStep_AndDashboard_Latency()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Initializer(seed: true).SeedAsync();
        var output = Console.Out;
        var sessions = new SessionService(db.Factory, TimeProvider.System);
        await using (var context = db.CreateContext())
        {
            var ids = context.Questions.Select(q => q.Id).ToList();
            var start = DateTime.UtcNow.AddDays(-200);
            for (var i = 0; i < 5000; i++)
            {
                context.ReviewLogs.Add(new ReviewLog
                {
                    LearnerId = "heavy", QuestionId = ids[i % ids.Count], Grade = 1 + i % 4, State = CardState.Review,
                    ReviewedAt = start.AddMinutes(i * 57), ElapsedDays = 3, ScheduledDays = 3, Stability = i % 40, Difficulty = 5,
                });
            }

            foreach (var id in ids)
            {
                context.LearnerQuestionStates.Add(new LearnerQuestionState { LearnerId = "heavy", QuestionId = id, SeenCount = 3, LastSeenAt = DateTime.UtcNow.AddDays(-(id.Length % 20)) });
            }

            AddActivityDays(context, "heavy");

            await context.SaveChangesAsync();
        }

        var items = Enumerable.Range(1, 300).Select(i => $"ip-db-00{1 + i % 8}").ToList();
        var session = await sessions.StartOrResumeAsync(new SessionStart("heavy", SessionType.Channel, "study/databases", "Databases", null, items));
        var saves = await Measure(300, i => sessions.SaveAsync(session.Id, "heavy", i, items[i], new ItemStep(Revealed: i % 2 == 0, Recall: "some text")));
        var study = db.StudyService();
        var steps = await Measure(300, async i =>
        {
            // What study mode writes when the learner moves to a question: the view, then the session's position.
            await study.RecordSeenAsync("heavy", items[i]);
            return await sessions.SaveAsync(session.Id, "heavy", i, items[i], new ItemStep(Seen: true));
        });
        var dashboard = db.DashboardService();
        var reads = await Measure(200, _ => dashboard.GetAsync("heavy"));

        output.WriteLine(Percentiles.Line("save one study step (SessionService.SaveAsync, 300-item session)", saves));
        output.WriteLine(Percentiles.Line("move to a question: record the view and save the step", steps));
        output.WriteLine(Percentiles.Line("dashboard numbers for 5,000 reviews (DashboardService.GetAsync)", reads));
    }

    public async Task DashboardPage_Latency()
    {
        await using var app = new AppFactory("Production");
        _ = app.CreateClient(); // starts the app: migrations and starter content

        // The learner's signed cookie, as a browser would carry it.
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var learner = app.Services.GetRequiredService<AnonymousLearner>().Ensure(http);
        var cookie = http.Response.Headers.SetCookie.ToString().Split(';')[0];

        var factory = app.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            var ids = await context.Questions.Select(q => q.Id).ToListAsync();
            var now = DateTime.UtcNow;
            for (var i = 0; i < 5000; i++)
            {
                context.ReviewLogs.Add(new ReviewLog
                {
                    LearnerId = learner, QuestionId = ids[i % ids.Count], Grade = 1 + i % 4, State = CardState.Review,
                    ReviewedAt = now.AddMinutes(-i * 57), ElapsedDays = 3, ScheduledDays = 3, Stability = i % 40, Difficulty = 5,
                });
            }

            foreach (var id in ids)
            {
                context.LearnerQuestionStates.Add(new LearnerQuestionState { LearnerId = learner, QuestionId = id, SeenCount = 3, LastSeenAt = now.AddDays(-(id.Length % 20)) });
                context.ReviewCards.Add(new ReviewCard { LearnerId = learner, QuestionId = id, State = CardState.Review, Stability = 10, Difficulty = 5, Due = now.AddDays(id.Length % 9 - 2), LastReview = now.AddDays(-3), Reps = 4, CreatedAt = now.AddDays(-90) });
            }

            AddActivityDays(context, learner);

            await context.SaveChangesAsync();
        }

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var first = await client.GetStringAsync("/dashboard");
        Assert.Contains("data-testid=\"streak\"", first); // the numbers are in the server's first response

        var output = Console.Out;
        var dash = app.Services.GetRequiredService<InterviewPrep.Web.Features.Dashboard.DashboardService>();
        output.WriteLine(Percentiles.Line("  of which: streak, week and chart (DashboardService.GetAsync)", await Measure(200, _ => dash.GetAsync(learner))));
        var rev = app.Services.GetRequiredService<InterviewPrep.Web.Features.Review.ReviewService>();
        output.WriteLine(Percentiles.Line("  of which: due counts (ReviewService.GetCountsAsync)", await Measure(200, _ => rev.GetCountsAsync(learner))));
        var cat = app.Services.GetRequiredService<InterviewPrep.Web.Features.Channels.ChannelCatalog>();
        output.WriteLine(Percentiles.Line("  of which: progress per channel (ChannelCatalog.GetSeenCountsAsync)", await Measure(200, _ => cat.GetSeenCountsAsync(learner))));
        var statistics = app.Services.GetRequiredService<InterviewPrep.Web.Features.Dashboard.StatisticsService>();
        output.WriteLine(Percentiles.Line("  of which: statistics (StatisticsService.GetAsync: year, forecast, grades, retention, states, hardest)", await Measure(200, _ => statistics.GetAsync(learner))));
        foreach (var (path, label) in new[]
        {
            ("/dashboard", "dashboard page (GET /dashboard, 5,000 reviews, 65 cards)"),
            ("/review", "review page (GET /review, same learner)"),
            ("/sessions", "for comparison: sessions page, no sessions (GET /sessions)"),
        })
        {
            var times = await Measure(300, async _ =>
            {
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync();
            });
            output.WriteLine(Percentiles.Line(label, times));
        }
    }

    /// <summary>The per-day activity rows the app writes as a learner studies and reviews, for the logs and views added directly.</summary>
    private static void AddActivityDays(InterviewPrep.Data.AppDbContext context, string learner)
    {
        var reviews = context.ChangeTracker.Entries<ReviewLog>().Select(e => e.Entity).Where(l => l.LearnerId == learner)
            .GroupBy(l => DateOnly.FromDateTime(l.ReviewedAt)).ToDictionary(g => g.Key, g => g.Count());
        var studied = context.ChangeTracker.Entries<LearnerQuestionState>().Select(e => e.Entity).Where(s => s.LearnerId == learner)
            .GroupBy(s => DateOnly.FromDateTime(s.LastSeenAt!.Value)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var day in reviews.Keys.Union(studied.Keys))
        {
            context.LearnerActivityDays.Add(new LearnerActivityDay
            {
                LearnerId = learner, Day = day, Reviews = reviews.GetValueOrDefault(day), QuestionsStudied = studied.GetValueOrDefault(day),
            });
        }
    }

    private static async Task<List<double>> Measure<T>(int samples, Func<int, Task<T>> action)
    {
        for (var i = 0; i < 20; i++)
        {
            await action(i);
        }

        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await action(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
