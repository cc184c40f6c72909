using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>What starting a study activity needs: who, which activity, and its items in order.</summary>
public sealed record SessionStart(
    string OwnerId, string SessionType, string SessionKey, string Title, string? Subtitle, IReadOnlyList<string> ItemIds,
    string? ChannelId = null, string? CertificationId = null);

/// <summary>A session as pages use it: where it stands and how to get back to it.</summary>
public sealed record SessionView(
    string Id, string SessionType, string SessionKey, string Title, string? Subtitle, int Position, string? CurrentItemId,
    int CompletedItems, int TotalItems, int Progress, DateTime LastAccessedAt, SessionStatus Status);

/// <summary>
/// The learner's study activities (the design's <c>userSessions</c>): starting an activity again
/// resumes its active session; every step is written as it happens, so nothing is lost to a reload,
/// a dropped connection or a restart. <c>sessionData</c> holds <c>{items, position, states}</c>, where a
/// state per item records what the learner did (revealed, recall text, grade).
/// </summary>
public sealed class SessionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SessionView> StartOrResumeAsync(SessionStart start, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.UserSessions
            .Where(s => s.UserId == start.OwnerId && s.SessionKey == start.SessionKey && s.Status == SessionStatus.Active)
            .OrderByDescending(s => s.LastAccessedAt)
            .FirstOrDefaultAsync(ct);
        var now = Now();
        if (existing is not null)
        {
            existing.LastAccessedAt = now;
            await db.SaveChangesAsync(ct);
            return ToView(existing);
        }

        var session = new UserSession
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = start.OwnerId,
            SessionType = start.SessionType,
            SessionKey = start.SessionKey,
            Title = start.Title,
            Subtitle = start.Subtitle,
            ChannelId = start.ChannelId,
            CertificationId = start.CertificationId,
            TotalItems = start.ItemIds.Count,
            SessionData = new JsonObject
            {
                ["items"] = new JsonArray(start.ItemIds.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
                ["position"] = 0,
                ["states"] = new JsonObject(),
            },
            StartedAt = now,
            LastAccessedAt = now,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return ToView(session);
    }

    /// <summary>
    /// Records a step: the current position and, for one item, what the learner did. Item states only
    /// ever gain facts (a second tab cannot un-complete an item), so concurrent writers never lose one.
    /// </summary>
    public async Task<SessionView?> SaveAsync(
        string sessionId, string ownerId, int position, string? itemId = null, JsonObject? itemState = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == ownerId, ct);
        if (session is null)
        {
            return null;
        }

        var data = session.SessionData?.AsObject() ?? new JsonObject();
        var items = data["items"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];
        data["position"] = Math.Clamp(position, 0, Math.Max(0, items.Count - 1));
        var states = data["states"] as JsonObject ?? new JsonObject();
        data["states"] = states;
        if (itemId is not null && itemState is not null && items.Contains(itemId))
        {
            var state = states[itemId] as JsonObject ?? new JsonObject();
            foreach (var (key, value) in itemState)
            {
                if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False && state[key] is not null)
                {
                    continue; // a fact once recorded stays
                }

                state[key] = value?.DeepClone();
            }

            states[itemId] = state;
        }

        var now = Now();
        session.SessionData = data.DeepClone();
        session.CompletedItems = states.Count(s => s.Value is JsonObject o && o["revealed"] is JsonValue r && r.GetValue<bool>());
        session.Progress = session.TotalItems == 0 ? 0 : (int)Math.Round(100.0 * session.CompletedItems / session.TotalItems);
        session.LastAccessedAt = now;
        if (session.TotalItems > 0 && session.CompletedItems >= session.TotalItems && session.Status == SessionStatus.Active)
        {
            session.Status = SessionStatus.Completed;
            session.CompletedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(session);
    }

    /// <summary>The design's "Get Active User Sessions", for one learner, most recent first.</summary>
    public async Task<IReadOnlyList<SessionView>> GetActiveAsync(string ownerId, int limit = 6, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == ownerId && s.Status == SessionStatus.Active)
            .OrderByDescending(s => s.LastAccessedAt)
            .Take(limit)
            .ToListAsync(ct);
        return sessions.Select(ToView).ToList();
    }

    /// <summary>A learner's sessions: active ones first (most recent first), then finished ones.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(string ownerId, int limit = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == ownerId)
            .OrderByDescending(s => s.LastAccessedAt)
            .Take(limit)
            .ToListAsync(ct);
        return sessions.OrderBy(s => s.Status == SessionStatus.Active ? 0 : 1).Select(ToView).ToList();
    }

    /// <summary>Stops an active session; it stays in the list as abandoned.</summary>
    public async Task<bool> AbandonAsync(string sessionId, string ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == ownerId, ct);
        if (session is null || session.Status != SessionStatus.Active)
        {
            return false;
        }

        session.Status = SessionStatus.Abandoned;
        session.LastAccessedAt = Now();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Abandons a learner's active sessions of one type except the one with <paramref name="keepKey"/>:
    /// for activities that are one per day, such as the day's reviews. Returns how many it abandoned.
    /// </summary>
    public async Task<int> AbandonOthersAsync(string ownerId, string sessionType, string keepKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now();
        return await db.UserSessions
            .Where(s => s.UserId == ownerId && s.SessionType == sessionType && s.SessionKey != keepKey && s.Status == SessionStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Abandoned).SetProperty(s => s.LastAccessedAt, now), ct);
    }

    /// <summary>Starts the same activity afresh, from its first item; an active session of it is abandoned.</summary>
    public async Task<SessionView?> RestartAsync(string sessionId, string ownerId, CancellationToken ct = default)
    {
        UserSession? old;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            old = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == ownerId, ct);
            if (old is null)
            {
                return null;
            }

            if (old.Status == SessionStatus.Active)
            {
                old.Status = SessionStatus.Abandoned;
                await db.SaveChangesAsync(ct);
            }
        }

        var items = old.SessionData?["items"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];
        return await StartOrResumeAsync(new SessionStart(
            ownerId, old.SessionType, old.SessionKey, old.Title, old.Subtitle, items, old.ChannelId, old.CertificationId), ct);
    }

    /// <summary>The link that reopens a session at its current item.</summary>
    public static string ResumeUrl(SessionView session) =>
        session.CurrentItemId is null
            ? session.SessionKey
            : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(session.SessionKey, "question", session.CurrentItemId);

    /// <summary>What the learner recorded for one item of a session (revealed, recall).</summary>
    public async Task<JsonObject?> GetItemStateAsync(string sessionId, string ownerId, string itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == ownerId)
            .Select(s => s.SessionData)
            .SingleOrDefaultAsync(ct);
        return data?["states"]?[itemId]?.DeepClone() as JsonObject;
    }

    private static SessionView ToView(UserSession s)
    {
        var items = s.SessionData?["items"] as JsonArray;
        var position = s.SessionData?["position"]?.GetValue<int>() ?? 0;
        var current = items is not null && position < items.Count ? items[position]?.GetValue<string>() : null;
        return new SessionView(s.Id, s.SessionType, s.SessionKey, s.Title, s.Subtitle, position, current,
            s.CompletedItems, s.TotalItems, s.Progress, s.LastAccessedAt, s.Status);
    }

    private DateTime Now() => UtcIso.Truncate(clock.GetUtcNow().UtcDateTime);
}
