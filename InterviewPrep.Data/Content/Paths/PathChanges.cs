using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content.Paths;

/// <summary>
/// The history of learning paths: each admin edit and each generation writes a row of the design's
/// <c>questionHistory</c> with <c>questionType</c> = <see cref="HistoryItemTypes.LearningPath"/>, the
/// path's id, the fields that changed, and the whole path before and after, in the transaction that
/// changes it. The numbers learners make (popularity, completion, rating) are not content and stay out.
/// </summary>
public static class PathChanges
{
    private static readonly HashSet<string> Numbers = ["popularity", "completionRate", "averageRating", "lastUpdated", "createdAt", "lastGenerated"];

    /// <summary>The path as a history snapshot.</summary>
    public static JsonObject Snapshot(LearningPath path)
    {
        var node = JsonSerializer.SerializeToNode(path, JsonColumns.Options)!.AsObject();
        foreach (var name in Numbers)
        {
            node.Remove(name);
        }

        return node;
    }

    /// <summary>The fields whose values differ between two snapshots, in the order of the newer one.</summary>
    public static List<string> ChangedFields(JsonObject? before, JsonObject after) => ItemChanges.ChangedFields(before, after);

    /// <summary>
    /// Adds the history row for a path created (<paramref name="before"/> null) or changed; returns the
    /// fields that changed, empty (and no row) when nothing did.
    /// </summary>
    public static Task<List<string>> RecordAsync(
        AppDbContext db, JsonObject? before, LearningPath after, ChangeSource source, DateTime now, CancellationToken ct = default) =>
        ItemChanges.RecordAsync(db, HistoryItemTypes.LearningPath, after.Id, $"the learning path {after.Title}", before, Snapshot(after), source, now, ct);

    /// <summary>
    /// Whether a generator may replace this path: it was generated and nobody changed it by hand since
    /// (an admin's save moves <see cref="LearningPath.LastUpdated"/> past <see cref="LearningPath.LastGenerated"/>).
    /// </summary>
    public static bool IsGenerated(LearningPath path) => path.LastGenerated is { } generated && path.LastUpdated <= generated;
}
