using System.Text;
using System.Text.Json;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Voice;
using InterviewPrep.Web.Features.Voice.Grading;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Voice;

/// <summary>
/// The grader against answers the team wrote and labelled by judgment of their content
/// (labelled-answers.json: spoken-style answers to real questions of the original dataset, complete,
/// partial, vague and wrong ones, keyword stuffing, answers to another question, negations and
/// speech-recognition errors). It must agree with the labels: the same verdict for at least 75%,
/// within one band for at least 95%, and never good or excellent for a poor answer.
/// </summary>
[Trait(TestProvider.Trait, "Sqlite")] // the grader is what is tested; one provider is enough
public sealed class VoiceGraderAgreementTests(VoiceGraderAgreementTests.Dataset dataset) : IClassFixture<VoiceGraderAgreementTests.Dataset>
{
    private static readonly string[] Bands = [VoiceGrade.Poor, VoiceGrade.NeedsWork, VoiceGrade.Good, VoiceGrade.Excellent];

    /// <summary>The original dataset imported once for the class (or nothing, when ../shared is absent).</summary>
    public sealed class Dataset : IAsyncLifetime
    {
        public TestDatabase Db { get; private set; } = null!;

        public bool Imported { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Db = await TestDatabase.CreateAsync();
            if (SharedFolder.Root is { } root && Directory.Exists(Path.Combine(root, "datasets", "open-interview")))
            {
                await Db.Importer.ImportAsync([Path.Combine(root, "datasets", "open-interview")]);
                Imported = true;
            }
        }

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private TestDatabase Db => dataset.Db;

    private void RequireDataset()
    {
        _ = SharedFolder.OpenInterview; // skips (or fails under REQUIRE_SHARED) with the reason when absent
        Assert.True(dataset.Imported);
    }

    private sealed record Labelled(string QuestionId, string Label, string Kind, string Transcript, string? Note);

    private sealed record Agreement(int Count, int Exact, int WithinOne, IReadOnlyList<string> PoorPassed, int Questions, string Report);

    private async Task<Agreement> GradeAllAsync(string fileName)
    {
        var grading = Db.VoiceGrading();
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Voice", fileName)));
        var answers = file.RootElement.GetProperty("answers").Deserialize<List<Labelled>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        var results = new List<(Labelled Answer, VoiceGrade Grade)>();
        foreach (var answer in answers)
        {
            var grade = await grading.GradeAsync(answer.QuestionId, answer.Transcript, ct: TestContext.Current.CancellationToken);
            Assert.True(grade is not null, $"{answer.QuestionId} is not in the dataset");
            results.Add((answer, grade));
        }

        var exact = results.Count(r => r.Grade.Verdict == r.Answer.Label);
        var withinOne = results.Count(r => Math.Abs(Array.IndexOf(Bands, r.Grade.Verdict) - Array.IndexOf(Bands, r.Answer.Label)) <= 1);
        var poorPassed = results.Where(r => r.Answer.Label == VoiceGrade.Poor && r.Grade.Verdict is VoiceGrade.Good or VoiceGrade.Excellent)
            .Select(p => $"{p.Answer.QuestionId} {p.Answer.Kind}: {p.Grade.Score}").ToList();

        var report = new StringBuilder();
        report.AppendLine($"{fileName}: {results.Count} answers to {results.Select(r => r.Answer.QuestionId).Distinct().Count()} questions; " +
            $"exact {exact} ({(double)exact / results.Count:P1}), within one band {withinOne} ({(double)withinOne / results.Count:P1}), poor graded good or better {poorPassed.Count}");
        report.AppendLine("| label \\ graded | " + string.Join(" | ", Bands) + " |");
        report.AppendLine("| --- |" + string.Concat(Bands.Select(_ => " ---: |")));
        foreach (var label in Bands)
        {
            report.AppendLine($"| {label} | " + string.Join(" | ", Bands.Select(g => results.Count(r => r.Answer.Label == label && r.Grade.Verdict == g))) + " |");
        }

        foreach (var kind in results.Select(r => r.Answer.Kind).Distinct().Order())
        {
            var ofKind = results.Where(r => r.Answer.Kind == kind).ToList();
            report.AppendLine($"{kind}: {ofKind.Count(r => r.Grade.Verdict == r.Answer.Label)} of {ofKind.Count} exact");
        }

        foreach (var (answer, grade) in results.Where(r => r.Grade.Verdict != r.Answer.Label))
        {
            report.AppendLine($"  {answer.QuestionId} {answer.Kind}: labelled {answer.Label}, graded {grade.Verdict} ({grade.Score}): " +
                string.Join("; ", grade.Reasons.Select(r => $"{r.Points:+0;-0;0} {r.Why}")));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"voice-grader-agreement-{Path.GetFileNameWithoutExtension(fileName)}.txt"), report.ToString(), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), $"voice-grader-measures-{Path.GetFileNameWithoutExtension(fileName)}.csv"),
            results.Select(r => r.Grade.Measures is { } m
                ? FormattableString.Invariant($"{r.Answer.QuestionId},{r.Answer.Kind},{r.Answer.Label},{r.Grade.Score},{m.Coverage:0.###},{m.Recall:0.###},{m.Relevance:0.###},{m.ContentWords},{m.ReasoningMarkers},{m.Negations},{(m.ListOfTerms ? 1 : 0)},{(m.Behavioural ? 1 : 0)},{m.StoryParts}")
                : ""), TestContext.Current.CancellationToken);
        return new Agreement(results.Count, exact, withinOne, poorPassed, results.Select(r => r.Answer.QuestionId).Distinct().Count(), report.ToString());
    }

    /// <summary>
    /// Both labelled sets: the first (84 answers), on which the weights were first chosen, and the
    /// held-out one (48), written after them. The first set and both together must reach the targets (75%
    /// exact, 95% within one band, no poor answer good or excellent); the held-out set alone must not fall
    /// below 65%. Later bounds (an answer's length for excellent, the floor of needs work) were chosen over
    /// both sets, so the held-out set is no longer unseen: BENCHMARKS.md gives the figure chosen on all
    /// questions but one and tested on that one, the estimate for new answers.
    /// </summary>
    [Fact]
    public async Task TheGrader_AgreesWithTheTeamsLabels()
    {
        RequireDataset();

        var first = await GradeAllAsync("labelled-answers.json");
        var heldOut = await GradeAllAsync("labelled-answers-held-out.json");
        var count = first.Count + heldOut.Count;
        var report = first.Report + heldOut.Report;

        Assert.True(first.Count >= 60 && first.Questions >= 12, "the first labelled set holds at least 60 answers to 12 questions");
        Assert.Empty(first.PoorPassed.Concat(heldOut.PoorPassed));
        Assert.True(first.Exact >= 0.75 * first.Count, report);
        Assert.True(first.Exact + heldOut.Exact >= 0.75 * count, report);
        Assert.True(heldOut.Exact >= 0.65 * heldOut.Count, report);
        Assert.True(first.WithinOne >= 0.95 * first.Count, report);
        Assert.True(first.WithinOne + heldOut.WithinOne >= 0.95 * count, report);
    }

    [Fact]
    public async Task EveryInterviewOfTheDataset_IsPlayableEndToEnd()
    {
        RequireDataset();
        var voice = Db.VoiceService();

        var catalog = await voice.CatalogAsync("dataset-learner", TestContext.Current.CancellationToken);
        Assert.Equal(14, catalog.Count);
        foreach (var card in catalog)
        {
            var attempt = await voice.StartAsync("dataset-learner", card.Id, ct: TestContext.Current.CancellationToken);
            Assert.True(attempt is not null, $"{card.Id} could not start");
            Assert.Equal(card.Questions, attempt.Questions.Count);
            foreach (var question in attempt.Questions)
            {
                var (grade, error) = await voice.AnswerAsync("dataset-learner", attempt.View.Id, question.Id,
                    "i would start from the requirements and explain the main trade-offs because each choice has a cost", TimeSpan.FromSeconds(30), spoken: true,
                    TestContext.Current.CancellationToken);
                Assert.True(grade is not null, $"{card.Id}/{question.Id}: {error}");
            }

            Assert.True((await voice.LoadAsync("dataset-learner", attempt.View.Id, TestContext.Current.CancellationToken))!.Finished, card.Id);
        }
    }

    [Fact]
    public async Task DerivedConcepts_FindMostOfTheKeywordsWritersGaveTheDatasetsVoiceQuestions()
    {
        RequireDataset();
        var ct = TestContext.Current.CancellationToken;
        var grading = Db.VoiceGrading();
        var (stats, synonyms) = (await grading.StatsAsync(ct), await grading.SynonymsAsync(ct));
        await using var db = Db.CreateContext();
        var questions = (await db.Questions.AsNoTracking().Where(q => q.VoiceSuitable).ToListAsync(ct)).Where(q => q.VoiceKeywords is { Count: > 0 }).ToList();

        var (recall, precision, fewerThanFive) = (0.0, 0.0, 0);
        foreach (var q in questions)
        {
            // What the voice keywords bot would propose had the question no keywords.
            var key = ConceptFinder.Prepare(new GradedQuestion(q.Id, q.Channel, q.Text, q.Answer, q.Tldr, q.Explanation, null), stats, synonyms);
            var derived = key.Concepts.Select(c => Stems(c.Name)).ToList();
            var written = q.VoiceKeywords!.Select(Stems).Where(k => k.Count > 0).ToList();
            recall += written.Count == 0 ? 1 : (double)written.Count(k => derived.Any(d => d.Overlaps(k))) / written.Count;
            precision += derived.Count == 0 ? 0 : (double)derived.Count(d => written.Any(k => k.Overlaps(d))) / derived.Count;
            fewerThanFive += derived.Count < Web.Features.Bots.VoiceKeywordsBot.Fewest ? 1 : 0;
        }

        (recall, precision) = (recall / questions.Count, precision / questions.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{questions.Count} voice questions with keywords: derived concepts cover {recall:P1} of the written keywords; {precision:P1} of the derived concepts " +
            $"are among them; {fewerThanFive} questions get fewer than five concepts");
        Assert.True(recall >= 0.4, $"derived concepts cover only {recall:P1} of the written keywords");
        Assert.True(precision >= 0.3, $"only {precision:P1} of the derived concepts are written keywords");

        static HashSet<string> Stems(string text) => Word.Split(text).Where(w => !w.IsFunction).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
    }
}
