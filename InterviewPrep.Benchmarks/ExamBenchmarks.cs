using System.Diagnostics;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Certifications;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// Certification exams on the original system's data: drawing a 65-question exam from a certification
/// of about 330 questions (the learner's recall read for each, to prefer unmastered ones), saving an
/// answer while it runs, and scoring the results. Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- exams
/// </summary>
public sealed class ExamBenchmarks
{
    private const string Certification = "aws-saa";
    private const string Learner = "candidate";

    public async Task DrawSaveAndScore_Latency()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Initializer(seed: false).SeedAsync();
        var report = await db.Importer.ImportAsync([SharedFolder.OpenInterview]);
        Console.WriteLine($"imported: {report.ToText().Split('\n')[0]}");
        var sessions = new SessionService(db.Factory, TimeProvider.System);
        var reviews = db.ReviewService();
        var exams = new ExamService(db.Factory, sessions, reviews, TimeProvider.System);

        // The candidate has reviewed half of the certification's questions.
        await using (var context = db.CreateContext())
        {
            var ids = await context.ChannelMappings.Where(m => m.ChannelId == Certification).Select(m => m.QuestionId).ToListAsync();
            Console.WriteLine($"{Certification}: {ids.Count} questions");
            var now = DateTime.UtcNow;
            foreach (var (id, i) in ids.Where((_, i) => i % 2 == 0).Select((id, i) => (id, i)))
            {
                context.ReviewCards.Add(new ReviewCard
                {
                    LearnerId = Learner, QuestionId = id, State = CardState.Review, Stability = 1 + i % 30, Difficulty = 5,
                    Due = now.AddDays(i % 10), LastReview = now.AddDays(-(i % 20)), Reps = 3, CreatedAt = now.AddDays(-30),
                });
            }

            await context.SaveChangesAsync();
        }

        // Drawing: start an exam (blueprint, recall, draw, the session row), then hand it in so the next one draws afresh.
        var starts = new List<double>();
        var draws = new List<double>();
        ExamAttempt? last = null;
        for (var i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await exams.StartAsync(new ExamRequest(Learner, Certification, ExamModes.Exam, 65));
            starts.Add(watch.Elapsed.TotalMilliseconds);
            await exams.SubmitAsync(Learner, last!.SessionId);
        }

        // The draw alone, in memory, from the same 330 candidates.
        await using (var context = db.CreateContext())
        {
            var certification = await context.Certifications.AsNoTracking().SingleAsync(c => c.Id == Certification);
            var mapped = await context.ChannelMappings.Where(m => m.ChannelId == Certification).Select(m => new { m.QuestionId, m.SubChannel }).ToListAsync();
            var poolList = certification.Domains!.Select(d => new DomainPool(d.Id, d.Weight,
                mapped.Where(m => m.SubChannel == d.Id).Select((m, k) => new Candidate(m.QuestionId, k % 3 == 0)).ToList())).ToList();
            for (var i = 0; i < 200; i++)
            {
                var watch = Stopwatch.StartNew();
                ExamDraw.Draw(poolList, 65, new Random(i));
                draws.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        // Saving answers while an exam runs.
        var attempt = (await exams.StartAsync(new ExamRequest(Learner, Certification, ExamModes.Exam, 65)))!;
        var saves = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var id = attempt.Items[i % attempt.Items.Count];
            var watch = Stopwatch.StartNew();
            await sessions.SaveAsync(attempt.SessionId, Learner, i % attempt.Items.Count, id,
                new ItemStep(Answer: $"An answer written for the {i}th time, with a few key terms: subnet, route table, NAT gateway."));
            saves.Add(watch.Elapsed.TotalMilliseconds);
        }

        await exams.SubmitAsync(Learner, attempt.SessionId);
        var results = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            await exams.ResultAsync(Learner, attempt.SessionId);
            results.Add(watch.Elapsed.TotalMilliseconds);
        }

        var readiness = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            await exams.ReadinessAsync(Learner, Certification);
            readiness.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(Percentiles.Line("draw 65 of 330 by the blueprint (ExamDraw.Draw, in memory)", draws));
        Console.WriteLine(Percentiles.Line("start a 65-question exam (ExamService.StartAsync: blueprint, recall, draw, session row)", starts));
        Console.WriteLine(Percentiles.Line("save an answer while the exam runs (SessionService.SaveAsync)", saves));
        Console.WriteLine(Percentiles.Line("results of a handed-in 65-question exam (ExamService.ResultAsync)", results));
        Console.WriteLine(Percentiles.Line("readiness per domain (ExamService.ReadinessAsync)", readiness));
    }
}
