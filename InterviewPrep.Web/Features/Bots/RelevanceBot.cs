using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Relevance: gives every active question a <c>relevanceScore</c> (0–100) that anyone can check, with
/// <c>relevanceDetails</c> listing each component, its points, its most and why. Only questions whose
/// score or details change are written, so a second run over unchanged content writes nothing.
/// </summary>
public sealed partial class RelevanceBot(IDbContextFactory<AppDbContext> dbFactory, BotEdits edits, TimeProvider clock) : IBot
{
    public const string BotName = "relevance";

    public string Name => BotName;

    public string Description => "Scores each question's relevance 0–100 from its substance, the companies that ask it, learners' interest, completeness, freshness and open reports, with every component listed.";

    public string Schedule => "15 4 * * *";

    public bool EditsContent => true;

    public bool CanPropose => true;

    public BotMode DefaultMode => BotMode.Publish;

    /// <summary>One part of the score.</summary>
    public sealed record Component(string Name, int Points, int Most, string Why);

    /// <summary>What the score is made of, for one question.</summary>
    public sealed record Inputs(
        int Words, int Companies, int Learners, int MostLearners, bool Tldr, bool Eli5, bool Diagram, int Tags, DateTime LastEdited, int OpenReports);

    public static (int Score, IReadOnlyList<Component> Components) Score(Inputs q, DateTime now)
    {
        var ageDays = (now - q.LastEdited).TotalDays;
        var interest = q.Learners == 0 || q.MostLearners == 0 ? 0 : (int)Math.Round(20 * Math.Log(1 + q.Learners) / Math.Log(1 + q.MostLearners));
        var complete = (q.Tldr ? 4 : 0) + (q.Eli5 ? 4 : 0) + (q.Diagram ? 4 : 0) + (q.Tags >= 3 ? 3 : 0);
        var components = new List<Component>
        {
            new("substance", Math.Min(30, q.Words / 10), 30, $"{q.Words} words of answer and explanation (full marks at 300)"),
            new("companies", Math.Min(20, q.Companies * 4), 20, $"asked at {q.Companies} compan{(q.Companies == 1 ? "y" : "ies")} (4 each, up to 5)"),
            new("learnerInterest", interest, 20, $"studied by {q.Learners} learner{(q.Learners == 1 ? "" : "s")} (the most studied question: {q.MostLearners})"),
            new("completeness", complete, 15,
                $"TL;DR {(q.Tldr ? "yes" : "no")}, ELI5 {(q.Eli5 ? "yes" : "no")}, diagram {(q.Diagram ? "yes" : "no")}, {q.Tags} tags (3 or more count)"),
            new("freshness", ageDays <= 365 ? 15 : ageDays <= 730 ? 8 : 0, 15,
                $"content last changed {q.LastEdited.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (within a year 15, two years 8)"),
            new("openReports", -Math.Min(30, q.OpenReports * 10), 0, $"{q.OpenReports} open learner report{(q.OpenReports == 1 ? "" : "s")} (−10 each)"),
        };
        return (Math.Clamp(components.Sum(c => c.Points), 0, 100), components);
    }

    public static JsonObject Details(IReadOnlyList<Component> components) => new()
    {
        ["method"] = "sum of components, 0 to 100",
        ["components"] = new JsonArray([.. components.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["points"] = c.Points, ["most"] = c.Most, ["why"] = c.Why,
        })]),
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        List<Question> questions;
        Dictionary<string, int> learners, reports;
        Dictionary<string, DateTime> edited;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            questions = await db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Active).OrderBy(q => q.Id).ToListAsync(ct);
            learners = await db.LearnerQuestionStates.AsNoTracking().GroupBy(s => s.QuestionId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
            reports = await db.QuestionReports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).GroupBy(r => r.QuestionId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
            // Freshness is when a person or an import last changed the content: a bot's own edits do not make it fresher.
            edited = await db.QuestionHistory.AsNoTracking().Where(h => h.EventSource != HistoryEventSources.Bot).GroupBy(h => h.QuestionId)
                .Select(g => new { g.Key, Last = g.Max(h => h.CreatedAt) }).ToDictionaryAsync(g => g.Key, g => g.Last, StringComparer.Ordinal, ct);
        }

        var most = learners.Count == 0 ? 0 : learners.Values.Max();
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var histogram = new int[10];
        foreach (var q in questions)
        {
            ct.ThrowIfCancellationRequested();
            var inputs = new Inputs(
                WordPattern().Count(q.Answer) + WordPattern().Count(q.Explanation), q.Companies?.Count ?? 0, learners.GetValueOrDefault(q.Id), most,
                !string.IsNullOrWhiteSpace(q.Tldr), !string.IsNullOrWhiteSpace(q.Eli5), !string.IsNullOrWhiteSpace(q.Diagram), q.Tags?.Count ?? 0,
                edited.TryGetValue(q.Id, out var last) ? last : q.CreatedAt, reports.GetValueOrDefault(q.Id));
            var (score, components) = Score(inputs, now);
            histogram[Math.Min(9, score / 10)]++;
            var snapshot = QuestionData.FromEntity(q).ToSnapshot();
            var edit = QuestionEdit.Of(snapshot, new JsonObject { ["relevanceScore"] = score, ["relevanceDetails"] = Details(components) },
                $"relevance {score}: " + string.Join(", ", components.Where(c => c.Points != 0).Select(c => $"{c.Name} {c.Points:+0;-0}")));
            var outcome = edit is null ? "unchanged" : (await edits.SubmitAsync(new BotActor(Name, run.RunId, run.Mode), edit, ct)) switch
            {
                EditOutcome.Published => "published",
                EditOutcome.Proposed => "proposed",
                EditOutcome.AlreadyProposed => "already proposed",
                EditOutcome.Rejected => "rejected before",
                EditOutcome.Changed => "changed while read",
                _ => "unchanged",
            };
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        var summary = new JsonObject
        {
            ["questions"] = questions.Count,
            ["outcomes"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["scores"] = new JsonObject(histogram.Select((n, i) => KeyValuePair.Create($"{i * 10}-{(i == 9 ? 100 : i * 10 + 9)}", (JsonNode?)n))),
        };
        return new BotOutcome(questions.Count, counts.GetValueOrDefault("proposed"), counts.GetValueOrDefault("published"), 0, summary);
    }
}
