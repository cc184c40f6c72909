using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Quality analysis: reads every active question and queues work for what is wrong with it, most
/// urgent first. It changes no content, so it writes no ledger entries; its run records how many
/// questions had each problem.
/// </summary>
public sealed class QualityBot(IDbContextFactory<AppDbContext> dbFactory, WorkQueue queue) : IBot
{
    public const string BotName = "quality-analysis";

    /// <summary>A channel "needs" diagrams when at least half of its active questions have one.</summary>
    public const double DiagramChannelShare = 0.5;

    public string Name => BotName;

    public string Description => "Finds missing or short answers, truncated text, TODOs, missing question marks, few tags, no companies, missing or broken diagrams, and missing ELI5, TL;DR and voice keywords; queues the work.";

    public string Schedule => "0 3 * * *";

    public bool EditsContent => false;

    public bool CanPropose => false;

    public BotMode DefaultMode => BotMode.Publish;

    /// <summary>One problem: its name, the work it asks for and how urgent it is (lower first).</summary>
    public sealed record Problem(string Name, string Action, int Priority);

    public static readonly Problem MissingAnswer = new("missing or short answer", "write-answer", 1);
    public static readonly Problem Truncated = new("truncated text", "complete-text", 1);
    public static readonly Problem BrokenDiagram = new("diagram that cannot be drawn", "repair-diagram", 2);
    public static readonly Problem Placeholder = new("TODO or TBD left in", "complete-text", 2);
    public static readonly Problem MissingTldr = new("no TL;DR", "write-tldr", 3);
    public static readonly Problem MissingEli5 = new("no ELI5", "write-eli5", 4);
    public static readonly Problem MissingDiagram = new("no diagram where its channel has them", "add-diagram", 4);
    public static readonly Problem MissingVoiceKeywords = new("voice-suitable without voice keywords", "add-voice-keywords", 4);
    public static readonly Problem NoQuestionMark = new("no question mark", "review-wording", 5);
    public static readonly Problem FewTags = new("fewer than three tags", "add-tags", 5);
    public static readonly Problem NoCompanies = new("no companies", "add-companies", 6);

    private sealed record Row(
        string Id, string Channel, string Text, string Answer, string Explanation, string? Tldr, string? Eli5, string? Diagram,
        List<string>? Tags, List<string>? Companies, bool VoiceSuitable, List<string>? VoiceKeywords);

    /// <summary>What is wrong with a question; <paramref name="diagramChannel"/> says whether its channel has diagrams.</summary>
    public static IReadOnlyList<(Problem Problem, string Detail)> Check(
        string text, string answer, string explanation, string? tldr, string? eli5, string? diagram,
        IReadOnlyCollection<string>? tags, IReadOnlyCollection<string>? companies, bool voiceSuitable, IReadOnlyCollection<string>? voiceKeywords,
        bool diagramChannel)
    {
        var found = new List<(Problem, string)>();
        if (answer.Trim().Length < 40)
        {
            found.Add((MissingAnswer, $"the answer has {answer.Trim().Length} characters"));
        }

        if (new[] { answer, explanation }.FirstOrDefault(LooksTruncated) is { } cut)
        {
            found.Add((Truncated, $"ends with \"{Tail(cut)}\""));
        }

        if (new[] { text, answer, explanation }.Any(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\b(TODO|TBD|FIXME)\b")))
        {
            found.Add((Placeholder, "TODO, TBD or FIXME in the text"));
        }

        if (!string.IsNullOrWhiteSpace(diagram) && MermaidCheck.Problems(diagram) is { Count: > 0 } problems)
        {
            found.Add((BrokenDiagram, problems[0]));
        }

        if (string.IsNullOrWhiteSpace(diagram) && diagramChannel)
        {
            found.Add((MissingDiagram, "most questions of its channel have one"));
        }

        if (string.IsNullOrWhiteSpace(tldr))
        {
            found.Add((MissingTldr, "no TL;DR"));
        }

        if (string.IsNullOrWhiteSpace(eli5))
        {
            found.Add((MissingEli5, "no ELI5"));
        }

        if (voiceSuitable && (voiceKeywords?.Count ?? 0) == 0)
        {
            found.Add((MissingVoiceKeywords, "its voice concepts are derived"));
        }

        if (!text.Contains('?'))
        {
            found.Add((NoQuestionMark, "no question mark"));
        }

        if ((tags?.Count ?? 0) < 3)
        {
            found.Add((FewTags, $"{tags?.Count ?? 0} tags"));
        }

        if ((companies?.Count ?? 0) == 0)
        {
            found.Add((NoCompanies, "no companies"));
        }

        return found;
    }

    /// <summary>Text that stops mid-way: an ellipsis at the end, an unclosed code fence, or a last word with no full stop after a long text.</summary>
    public static bool LooksTruncated(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0)
        {
            return false;
        }

        if (t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith('…'))
        {
            return true;
        }

        return System.Text.RegularExpressions.Regex.Matches(t, "^```", System.Text.RegularExpressions.RegexOptions.Multiline).Count % 2 == 1;
    }

    private static string Tail(string text)
    {
        var t = text.TrimEnd();
        return t.Length <= 30 ? t : "…" + t[^30..];
    }

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var perChannel = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active)
            .GroupBy(q => q.Channel)
            .Select(g => new { Channel = g.Key, All = g.Count(), WithDiagram = g.Count(q => q.Diagram != null && q.Diagram != "") })
            .ToListAsync(ct);
        var diagramChannels = perChannel.Where(c => c.WithDiagram >= DiagramChannelShare * c.All).Select(c => c.Channel).ToHashSet(StringComparer.Ordinal);

        // A diagram the repair bot handed to a person is not queued for the repair bot again while that waits.
        var open = new[] { WorkQueueStatus.Pending, WorkQueueStatus.Processing, WorkQueueStatus.Retrying };
        var withPeople = (await db.WorkQueue.AsNoTracking()
                .Where(w => w.Action == DiagramRepairBot.ByHand && open.Contains(w.Status))
                .Select(w => w.ItemId)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var requests = new List<WorkRequest>();
        var processed = 0;
        var rows = db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active)
            .OrderBy(q => q.Id)
            .Select(q => new Row(q.Id, q.Channel, q.Text, q.Answer, q.Explanation, q.Tldr, q.Eli5, q.Diagram, q.Tags, q.Companies, q.VoiceSuitable, q.VoiceKeywords))
            .AsAsyncEnumerable();
        await foreach (var q in rows.WithCancellation(ct))
        {
            processed++;
            foreach (var (problem, detail) in Check(q.Text, q.Answer, q.Explanation, q.Tldr, q.Eli5, q.Diagram, q.Tags, q.Companies, q.VoiceSuitable, q.VoiceKeywords,
                         diagramChannels.Contains(q.Channel)))
            {
                counts[problem.Name] = counts.GetValueOrDefault(problem.Name) + 1;
                if (problem == BrokenDiagram && withPeople.Contains(q.Id))
                {
                    continue;
                }

                requests.Add(new WorkRequest("question", q.Id, problem.Action, problem.Priority, $"{problem.Name}: {detail}"));
            }
        }

        var queued = 0;
        foreach (var chunk in requests.Chunk(500))
        {
            queued += await queue.EnqueueAsync(chunk, BotName, ct);
        }

        var summary = new JsonObject
        {
            ["questions"] = processed,
            ["queued"] = queued,
            ["alreadyQueued"] = requests.Count - queued,
            ["diagramChannels"] = new JsonArray([.. diagramChannels.Order().Select(c => (JsonNode)c)]),
            ["problems"] = new JsonObject(counts.OrderByDescending(c => c.Value).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        };
        return new BotOutcome(processed, queued, 0, 0, summary);
    }
}
