using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>A question on the graph; <paramref name="Depth"/> is its distance from the centre.</summary>
public sealed record GraphNode(string Id, string Text, string Channel, QuestionStatus Status, int Depth);

/// <summary>A relationship on the graph, from <paramref name="SourceId"/> to <paramref name="TargetId"/>.</summary>
public sealed record GraphEdge(int Id, string SourceId, string TargetId, string Type, int Strength);

/// <summary>
/// A question's neighbourhood: the questions within <c>depth</c> links of it, either direction, and
/// every relationship among them. <paramref name="Truncated"/> when there were more than fit.
/// </summary>
public sealed record Neighbourhood(GraphNode Centre, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);

/// <summary>A question offered by a search box.</summary>
public sealed record QuestionPick(string Id, string Text);

/// <summary>Reads of the design's <c>questionRelationships</c> for the admin graph.</summary>
public sealed class RelationshipGraph(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>More nodes than this make a hairball, not a picture.</summary>
    public const int MaxNodes = 60;

    public async Task<Neighbourhood?> NeighbourhoodAsync(string centreId, int depth, CancellationToken ct = default)
    {
        depth = Math.Clamp(depth, 1, 2);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal) { [centreId] = 0 };
        var frontier = new List<string> { centreId };
        var truncated = false;
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            // Outgoing strongest first (access pattern 6), then incoming.
            var outgoing = await db.QuestionRelationships.AsNoTracking()
                .Where(r => frontier.Contains(r.SourceQuestionId))
                .OrderByDescending(r => r.Strength)
                .Select(r => r.TargetQuestionId)
                .Take(MaxNodes * 4)
                .ToListAsync(ct);
            var incoming = await db.QuestionRelationships.AsNoTracking()
                .Where(r => frontier.Contains(r.TargetQuestionId))
                .OrderByDescending(r => r.Strength)
                .Select(r => r.SourceQuestionId)
                .Take(MaxNodes * 4)
                .ToListAsync(ct);
            var next = new List<string>();
            foreach (var id in outgoing.Concat(incoming).Where(id => !depths.ContainsKey(id)).Distinct())
            {
                if (depths.Count >= MaxNodes)
                {
                    truncated = true;
                    break;
                }

                depths[id] = level;
                next.Add(id);
            }

            frontier = next;
        }

        var ids = depths.Keys.ToList();
        var questions = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.Text, q.Channel, q.Status })
            .ToListAsync(ct);
        var centre = questions.FirstOrDefault(q => q.Id == centreId);
        if (centre is null)
        {
            return null;
        }

        var nodes = questions
            .Select(q => new GraphNode(q.Id, q.Text, q.Channel, q.Status, depths[q.Id]))
            .OrderBy(n => n.Depth).ThenBy(n => n.Channel, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        var edges = await db.QuestionRelationships.AsNoTracking()
            .Where(r => ids.Contains(r.SourceQuestionId) && ids.Contains(r.TargetQuestionId))
            .OrderBy(r => r.SourceQuestionId).ThenBy(r => r.TargetQuestionId).ThenBy(r => r.Id)
            .Select(r => new GraphEdge(r.Id, r.SourceQuestionId, r.TargetQuestionId, r.RelationshipType, r.Strength))
            .ToListAsync(ct);
        return new Neighbourhood(nodes[0], nodes, edges, truncated);
    }
}
