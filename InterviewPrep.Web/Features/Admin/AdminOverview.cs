using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

public sealed record TableCount(string Table, int Rows);

public sealed record OverviewFigures(
    IReadOnlyList<TableCount> Tables, IReadOnlyDictionary<QuestionStatus, int> QuestionsByStatus, IReadOnlyList<QuestionHistory> RecentChanges,
    int OpenReports);

/// <summary>The admin home page's figures: rows in each of the design's tables, questions by status, the latest changes.</summary>
public sealed class AdminOverview(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<OverviewFigures> GetAsync(CancellationToken ct = default)
    {
        var tables = await TableCountsAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.Questions.GroupBy(q => q.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var recent = await db.QuestionHistory.AsNoTracking().OrderByDescending(h => h.Id).Take(10).ToListAsync(ct);
        return new OverviewFigures(
            tables,
            Enum.GetValues<QuestionStatus>().ToDictionary(s => s, s => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0),
            recent,
            await db.QuestionReports.CountAsync(r => r.Status == ReportStatus.Open, ct));
    }

    /// <summary>Rows in each of the design's twelve tables.</summary>
    public async Task<IReadOnlyList<TableCount>> TableCountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new List<TableCount>
        {
            new("users", await db.Users.CountAsync(ct)),
            new("questions", await db.Questions.CountAsync(ct)),
            new("channelMappings", await db.ChannelMappings.CountAsync(ct)),
            new("workQueue", await db.WorkQueue.CountAsync(ct)),
            new("botLedger", await db.BotLedger.CountAsync(ct)),
            new("botRuns", await db.BotRuns.CountAsync(ct)),
            new("questionRelationships", await db.QuestionRelationships.CountAsync(ct)),
            new("voiceSessions", await db.VoiceSessions.CountAsync(ct)),
            new("certifications", await db.Certifications.CountAsync(ct)),
            new("questionHistory", await db.QuestionHistory.CountAsync(ct)),
            new("userSessions", await db.UserSessions.CountAsync(ct)),
            new("learningPaths", await db.LearningPaths.CountAsync(ct)),
        };
    }
}
