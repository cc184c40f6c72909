using System.Diagnostics;
using System.Text.Json;
using InterviewPrep.Data;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Voice;
using InterviewPrep.Web.Features.Voice.Grading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// Grading spoken answers on the server, on the dataset's collection: the team's 84 labelled answers
/// graded again and again (the question's concepts prepared already, as in an interview), a question
/// graded for the first time (its concepts derived then), and an answer submitted through the service
/// (graded, saved with the session and fed into review). Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- voice
/// </summary>
public sealed class VoiceBenchmarks
{
    private const int Rounds = 20;

    private sealed record Labelled(string QuestionId, string Label, string Transcript);

    public async Task Grading_Latency()
    {
        await using var app = new AppFactory("Production", new Dictionary<string, string?> { ["Content:SeedStarterContent"] = "false" });
        var report = await app.Services.GetRequiredService<ContentImporter>().ImportAsync([SharedFolder.OpenInterview]);
        Console.WriteLine($"imported: {report.ToText().Split('\n')[0]}");
        var grading = app.Services.GetRequiredService<VoiceGrading>();

        var clock = Stopwatch.StartNew();
        var stats = await grading.StatsAsync();
        Console.WriteLine($"collection statistics: {stats.Documents} questions counted in {clock.Elapsed.TotalSeconds:0.00} s (once, then refreshed in the background)");

        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(LabelledFile()));
        var answers = file.RootElement.GetProperty("answers").Deserialize<List<Labelled>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var synonyms = await grading.SynonymsAsync();
        var keys = new Dictionary<string, GradingKey>();
        foreach (var id in answers.Select(a => a.QuestionId).Distinct())
        {
            keys[id] = (await grading.KeyAsync(id))!;
        }

        Console.WriteLine($"{answers.Count} answers of {answers.Average(a => a.Transcript.Split(' ').Length):0} words on average, to {keys.Count} questions");
        foreach (var a in answers)
        {
            VoiceGrader.Grade(keys[a.QuestionId], a.Transcript, stats, synonyms);
        }

        var warm = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var a in answers)
            {
                var t = Stopwatch.GetTimestamp();
                VoiceGrader.Grade(keys[a.QuestionId], a.Transcript, stats, synonyms);
                warm.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        Console.WriteLine(Percentiles.Line("grade one answer, the question's concepts prepared (VoiceGrader.Grade)", warm));

        var service = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var a in answers)
            {
                var t = Stopwatch.GetTimestamp();
                await grading.GradeAsync(a.QuestionId, a.Transcript);
                service.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        Console.WriteLine(Percentiles.Line("grade one answer through the service (VoiceGrading.GradeAsync, cache hit)", service));

        // First grade of a question: its concepts are derived from its model answer then.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var others = await db.Questions.AsNoTracking().OrderBy(q => q.Id).Select(q => q.Id).Take(400).ToListAsync();
        var cold = new List<double>();
        foreach (var id in others.Where(id => !keys.ContainsKey(id)).Take(300))
        {
            var t = Stopwatch.GetTimestamp();
            await grading.GradeAsync(id, answers[cold.Count % answers.Count].Transcript);
            cold.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Console.WriteLine(Percentiles.Line("grade one answer to a question graded for the first time (concepts derived, read from the database)", cold));

        // Submitted in an interview: graded, saved with the session in one write, fed into review.
        var voice = app.Services.GetRequiredService<VoiceService>();
        var sessions = await db.VoiceSessions.AsNoTracking().Select(s => s.Id).ToListAsync();
        var submit = new List<double>();
        for (var learner = 0; learner < 40; learner++)
        {
            foreach (var sessionId in sessions.Take(3))
            {
                var attempt = (await voice.StartAsync($"bench-{learner}", sessionId))!;
                foreach (var q in attempt.Questions)
                {
                    var text = answers[(learner + submit.Count) % answers.Count].Transcript;
                    var t = Stopwatch.GetTimestamp();
                    await voice.AnswerAsync($"bench-{learner}", attempt.View.Id, q.Id, text, TimeSpan.FromSeconds(60), spoken: true);
                    submit.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }
        }

        Console.WriteLine(Percentiles.Line("submit one answer in an interview (graded, saved, fed into review: VoiceService.AnswerAsync)", submit.Skip(15).ToList()));
    }

    private static string LabelledFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "InterviewPrep.Tests", "Features", "Voice", "labelled-answers.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("InterviewPrep.Tests/Features/Voice/labelled-answers.json was not found above " + AppContext.BaseDirectory);
    }
}
