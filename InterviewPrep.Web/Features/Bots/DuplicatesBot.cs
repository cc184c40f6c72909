using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Duplicates: finds questions that ask the same thing in the same channel (their question texts at least
/// <see cref="Threshold"/> alike, found through <see cref="SimilarityIndex"/>'s candidate filter) and
/// proposes to archive the weaker of each pair (the shorter answer; the newer on a tie), with both texts
/// side by side for the reviewer. A rejected proposal is not made again.
/// </summary>
public sealed class DuplicatesBot(IDbContextFactory<AppDbContext> dbFactory, BotEdits edits) : IBot
{
    public const string BotName = "duplicates";

    /// <summary>How alike two question texts must be (cosine of their TF-IDF vectors) to be taken for the same question.</summary>
    public const double Threshold = 0.85;

    public string Name => BotName;

    public string Description => "Finds near-duplicate questions in a channel and proposes archiving the weaker of each pair, with both side by side.";

    public string Schedule => "0 5 * * 0";

    public bool EditsContent => true;

    public bool CanPropose => true;

    public BotMode DefaultMode => BotMode.Propose;

    private sealed record Row(string Id, string Channel, string Text, string Answer, string Explanation, DateTime CreatedAt);

    /// <summary>The pairs of alike questions of one channel: (kept, archived, similarity), each pair once.</summary>
    public static IReadOnlyList<(string Keep, string Archive, double Similarity)> Pairs(
        IReadOnlyList<(string Id, string Channel, string Text, int Substance, DateTime CreatedAt)> questions)
    {
        var index = SimilarityIndex.Build(questions.Select(q => (q.Id, q.Text)));
        var byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var pairs = new List<(string, string, double)>();
        var archived = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in questions.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            foreach (var (other, score) in index.Nearest(q.Id, 3, Threshold))
            {
                var o = byId[other];
                if (o.Channel != q.Channel || string.CompareOrdinal(q.Id, other) > 0 || archived.Contains(q.Id) || archived.Contains(other))
                {
                    continue;
                }

                // Keep the one with more to it; on a tie the older, then the first by id.
                var keepQ = q.Substance != o.Substance ? q.Substance > o.Substance : q.CreatedAt != o.CreatedAt ? q.CreatedAt < o.CreatedAt : true;
                var (keep, drop) = keepQ ? (q.Id, other) : (other, q.Id);
                archived.Add(drop);
                pairs.Add((keep, drop, Math.Round(score, 3)));
            }
        }

        return pairs;
    }

    public async Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct)
    {
        List<Question> questions;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            questions = await db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Active).OrderBy(q => q.Id).ToListAsync(ct);
        }

        var byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var pairs = Pairs(questions.Select(q => (q.Id, q.Channel, q.Text, q.Answer.Length + q.Explanation.Length, q.CreatedAt)).ToList());
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keep, drop, similarity) in pairs)
        {
            ct.ThrowIfCancellationRequested();
            var (kept, dropped) = (byId[keep], byId[drop]);
            var context = new JsonObject
            {
                ["duplicateOf"] = keep,
                ["similarity"] = similarity,
                ["kept"] = Side(kept),
                ["archived"] = Side(dropped),
            };
            var edit = QuestionEdit.Of(QuestionData.FromEntity(dropped).ToSnapshot(), new JsonObject { ["status"] = "archived" },
                $"asks the same as {keep} ({similarity:P0} alike); {keep} has the fuller answer", context);
            var outcome = edit is null ? EditOutcome.Unchanged : await edits.SubmitAsync(new BotActor(Name, run.RunId, run.Mode), edit, ct);
            var key = outcome.ToString().ToLowerInvariant();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var summary = new JsonObject
        {
            ["questions"] = questions.Count,
            ["pairs"] = pairs.Count,
            ["outcomes"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["examples"] = new JsonArray([.. pairs.Take(5).Select(p => (JsonNode)$"{p.Archive} ~ {p.Keep} ({p.Similarity})")]),
        };
        return new BotOutcome(questions.Count, counts.GetValueOrDefault("proposed"), counts.GetValueOrDefault("published"), 0, summary);
    }

    private static JsonObject Side(Question q) => new()
    {
        ["id"] = q.Id,
        ["question"] = q.Text,
        ["answer"] = q.Answer.Length > 600 ? q.Answer[..600] + "…" : q.Answer,
        ["createdAt"] = q.CreatedAt.ToString("O"),
    };
}
