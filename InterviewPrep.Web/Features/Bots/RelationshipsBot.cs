using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Relationships: links each question to the questions most like it (<see cref="SimilarityIndex"/> over its
/// text, answer and tags), typed by topic and level: a much easier question of the same channel is a
/// prerequisite, a much harder one a deeper dive, one a level up a follow-up, the rest related; strength is
/// the similarity out of 100. Incremental: only the questions changed since its last run (and those linking
/// to them) are looked at again, and only the links it made itself are changed or removed; an admin's links
/// are never touched. Each change goes through the relationship change path with its history row, and its
/// ledger entry is written in the same transaction.
/// </summary>
public sealed class RelationshipsBot(IDbContextFactory<AppDbContext> dbFactory, RelationshipChangeService relationships, TimeProvider clock) : IBot
{
    public const string BotName = "relationships";
    public const int PerQuestion = 5;

    /// <summary>The fields a link is computed from: a change to any other leaves the links as they are.</summary>
    public static readonly IReadOnlySet<string> Inputs = new HashSet<string>(StringComparer.Ordinal)
    {
        "question", "answer", "tags", "channel", "difficulty", "status",
    };

    /// <summary>Questions less alike than this are not linked.</summary>
    public const double Least = 0.25;

    public string Name => BotName;

    public string Description => "Links each question to the questions most like it, typed as prerequisite, follow-up, deeper dive or related, with a strength; only changed questions are looked at again.";

    public string Schedule => "30 4 * * *";

    public bool EditsContent => true;

    public bool CanPropose => false;

    public BotMode DefaultMode => BotMode.Publish;

    /// <summary>What a link from <paramref name="source"/> to <paramref name="target"/> is, and how strong.</summary>
    public static (string Type, int Strength) Classify(
        (string Channel, Difficulty Difficulty) source, (string Channel, Difficulty Difficulty) target, double similarity)
    {
        var strength = Math.Clamp((int)Math.Round(similarity * 100), 1, 100);
        if (source.Channel != target.Channel)
        {
            return (RelationshipTypes.Related, strength);
        }

        var step = (int)target.Difficulty - (int)source.Difficulty;
        return (step switch
        {
            <= -2 => RelationshipTypes.Prerequisite,
            >= 2 => RelationshipTypes.DeeperDive,
            1 => RelationshipTypes.FollowUp,
            _ => RelationshipTypes.Related,
        }, strength);
    }

    private sealed record Row(string Id, string Channel, Difficulty Difficulty, QuestionStatus Status, string Text, string Answer, List<string>? Tags);

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        List<Row> questions;
        List<QuestionRelationship> links;
        HashSet<int> mine;
        HashSet<string>? changed;
        int historyMark;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            historyMark = await db.QuestionHistory.MaxAsync(h => (int?)h.Id, ct) ?? 0;
            var last = await db.BotRuns.AsNoTracking()
                .Where(r => r.BotName == BotName && r.Status == BotRunStatus.Completed)
                .OrderByDescending(r => r.StartedAt)
                .Select(r => r.Summary)
                .FirstOrDefaultAsync(ct);
            var since = last?["historyMark"]?.GetValue<int>();
            // Changes to what similarity and type are made of; a bot's relevance score, say, changes nothing here.
            changed = since is null
                ? null
                : (await db.QuestionHistory.AsNoTracking()
                    .Where(h => h.Id > since && h.Id <= historyMark && h.QuestionType == HistoryItemTypes.Question && HistoryEventTypes.QuestionVersions.Contains(h.EventType))
                    .Select(h => new { h.QuestionId, h.EventType, h.ChangedFields })
                    .ToListAsync(ct))
                .Where(h => h.EventType != HistoryEventTypes.Updated || h.ChangedFields?.Any(Inputs.Contains) != false)
                .Select(h => h.QuestionId)
                .ToHashSet(StringComparer.Ordinal);
            questions = await db.Questions.AsNoTracking().OrderBy(q => q.Id)
                .Select(q => new Row(q.Id, q.Channel, q.Difficulty, q.Status, q.Text, q.Answer, q.Tags))
                .ToListAsync(ct);
            links = await db.QuestionRelationships.AsNoTracking().ToListAsync(ct);
            var madeByMe = await db.QuestionHistory.AsNoTracking()
                .Where(h => h.EventType == HistoryEventTypes.RelationshipAdded && h.EventSource == HistoryEventSources.Bot && h.SourceName == BotName)
                .Select(h => h.AfterSnapshot)
                .ToListAsync(ct);
            mine = madeByMe.Select(a => a?["id"]?.GetValue<int>() ?? 0).ToHashSet();
        }

        var active = questions.Where(q => q.Status == QuestionStatus.Active).ToDictionary(q => q.Id, StringComparer.Ordinal);
        // Nothing changed since the last run: nothing to look at.
        if (changed is { Count: 0 })
        {
            return new BotOutcome(0, 0, 0, 0, new JsonObject { ["changedQuestions"] = 0, ["historyMark"] = historyMark });
        }

        var index = SimilarityIndex.Build(active.Values.Select(q => (q.Id, $"{q.Text}\n{q.Text}\n{q.Answer}\n{string.Join(' ', q.Tags ?? [])}")));
        var sources = changed is null
            ? active.Keys.ToList()
            : changed.Where(active.ContainsKey)
                .Union(links.Where(l => mine.Contains(l.Id) && changed.Contains(l.TargetQuestionId)).Select(l => l.SourceQuestionId).Where(active.ContainsKey))
                .Order(StringComparer.Ordinal)
                .ToList();
        var bySource = links.GroupBy(l => l.SourceQuestionId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var (added, updated, removed) = (0, 0, 0);
        var source = new ChangeSource(HistoryEventSources.Bot, BotName, "content similarity", new JsonObject { ["run"] = run.RunId });

        foreach (var id in sources)
        {
            ct.ThrowIfCancellationRequested();
            var q = active[id];
            var desired = index.Nearest(id, PerQuestion, Least)
                .ToDictionary(n => n.Id, n => Classify((q.Channel, q.Difficulty), (active[n.Id].Channel, active[n.Id].Difficulty), n.Score), StringComparer.Ordinal);
            var existing = bySource.GetValueOrDefault(id) ?? [];
            foreach (var (target, (type, strength)) in desired)
            {
                var link = existing.FirstOrDefault(l => l.TargetQuestionId == target);
                if (link is null)
                {
                    added += Count(await relationships.AddAsync(id, target, type, strength, source, ct, Ledger(run, "link-added", $"{id}>{target}")));
                }
                else if (mine.Contains(link.Id) && (link.RelationshipType != type || Math.Abs(link.Strength - strength) >= 5))
                {
                    updated += Count(await relationships.UpdateAsync(link.Id, type, strength, source, ct, Ledger(run, "link-changed", $"{id}>{target}")));
                }
            }

            foreach (var stale in existing.Where(l => mine.Contains(l.Id) && !desired.ContainsKey(l.TargetQuestionId)))
            {
                removed += Count(await relationships.RemoveAsync(stale.Id, source, ct, Ledger(run, "link-removed", $"{id}>{stale.TargetQuestionId}")));
            }
        }

        // Links this bot made to or from questions that are no longer active go.
        foreach (var gone in links.Where(l => mine.Contains(l.Id) && (!active.ContainsKey(l.SourceQuestionId) || !active.ContainsKey(l.TargetQuestionId))))
        {
            removed += Count(await relationships.RemoveAsync(gone.Id, source, ct, Ledger(run, "link-removed", $"{gone.SourceQuestionId}>{gone.TargetQuestionId}")));
        }

        var summary = new JsonObject
        {
            ["changedQuestions"] = changed?.Count ?? active.Count,
            ["lookedAt"] = sources.Count,
            ["added"] = added,
            ["updated"] = updated,
            ["removed"] = removed,
            ["historyMark"] = historyMark,
        };
        return new BotOutcome(sources.Count, added, updated, removed, summary);
    }

    private static int Count(RelationshipOutcome outcome) => outcome.Succeeded ? 1 : 0;

    private Func<AppDbContext, JsonObject?, JsonObject?, CancellationToken, Task> Ledger(BotRunContext run, string action, string itemId) =>
        async (db, before, after, ct) => await LedgerChain.AppendAsync(db, new BotLedgerEntry
        {
            BotName = BotName, Action = action, ItemType = "relationship", ItemId = itemId, RunId = run.RunId,
            BeforeState = before?.DeepClone(), AfterState = after?.DeepClone(), Reason = "content similarity", CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, ct);
}
