using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>Reads of the design's <c>questionHistory</c>: a question's timeline (access pattern 5) and recent changes everywhere.</summary>
public sealed class QuestionHistoryQuery(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>A question's changes, newest first.</summary>
    public async Task<IReadOnlyList<QuestionHistory>> TimelineAsync(string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuestionHistory.AsNoTracking()
            .Where(h => h.QuestionId == questionId && h.QuestionType != HistoryItemTypes.LearningPath
                && h.QuestionType != HistoryItemTypes.VoiceSession && h.QuestionType != HistoryItemTypes.VoiceSynonyms)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
            .ToListAsync(ct);
    }

    /// <summary>Changes across all content, newest first, optionally of one source (import, admin, bot).</summary>
    public async Task<IReadOnlyList<RecentChange>> RecentAsync(string? source, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Learning paths and voice sessions keep their history in the same table; their editors show it.
        var query = db.QuestionHistory.AsNoTracking().Where(h => h.QuestionType != HistoryItemTypes.LearningPath
            && h.QuestionType != HistoryItemTypes.VoiceSession && h.QuestionType != HistoryItemTypes.VoiceSynonyms);
        if (!string.IsNullOrEmpty(source))
        {
            query = query.Where(h => h.EventSource == source);
        }

        var rows = await query.OrderByDescending(h => h.Id).Take(Math.Clamp(take, 1, 500))
            .Select(h => new { h.Id, h.QuestionId, h.EventType, h.EventSource, h.SourceName, h.ChangesSummary, h.ChangedFields, h.CreatedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.QuestionId).Distinct().ToList();
        // A change can be reverted with one click only while it is the question's latest.
        var latest = await db.QuestionHistory.AsNoTracking()
            .Where(h => ids.Contains(h.QuestionId) && HistoryEventTypes.QuestionVersions.Contains(h.EventType))
            .GroupBy(h => h.QuestionId)
            .Select(g => new { QuestionId = g.Key, Id = g.Max(h => h.Id) })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Id, ct);
        var texts = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Text, ct);
        return rows.Select(r => new RecentChange(
                r.Id, r.QuestionId, texts.GetValueOrDefault(r.QuestionId), r.EventType, r.EventSource, r.SourceName, r.ChangesSummary,
                r.ChangedFields ?? [], r.CreatedAt,
                HistoryEventTypes.IsRelationship(r.EventType) || latest.GetValueOrDefault(r.QuestionId) == r.Id))
            .ToList();
    }

    /// <summary>A learning path's changes, newest first.</summary>
    public Task<IReadOnlyList<QuestionHistory>> PathTimelineAsync(string pathId, CancellationToken ct = default) =>
        ItemTimelineAsync(HistoryItemTypes.LearningPath, pathId, ct);

    /// <summary>The changes of an item other than a question (see <see cref="HistoryItemTypes"/>), newest first.</summary>
    public async Task<IReadOnlyList<QuestionHistory>> ItemTimelineAsync(string itemType, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuestionHistory.AsNoTracking()
            .Where(h => h.QuestionId == id && h.QuestionType == itemType)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
            .ToListAsync(ct);
    }

    public async Task<QuestionHistory?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuestionHistory.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct);
    }
}

public sealed record RecentChange(
    int Id, string QuestionId, string? QuestionText, string EventType, string EventSource, string? SourceName, string? Summary,
    IReadOnlyList<string> ChangedFields, DateTime CreatedAt, bool IsLatest);
