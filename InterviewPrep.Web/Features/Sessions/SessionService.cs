using InterviewPrep.Data.Providers;
using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>What starting a study activity needs: who, which activity, and its items in order.</summary>
public sealed record SessionStart(
    string OwnerId, SessionType SessionType, string SessionKey, string Title, string? Subtitle, IReadOnlyList<string> ItemIds,
    string? ChannelId = null, string? CertificationId = null, DateTime? Deadline = null, ExamPart? Exam = null);

/// <summary>
/// A session as pages use it: where it stands and how to get back to it. After a step is saved,
/// <paramref name="StepItem"/> is everything recorded for the item of that step.
/// </summary>
public sealed record SessionView(
    string Id, SessionType SessionType, string SessionKey, string Title, string? Subtitle, int Position, string? CurrentItemId,
    int CompletedItems, int TotalItems, int Progress, DateTime LastAccessedAt, SessionStatus Status, ItemState? StepItem = null);

/// <summary>
/// The learner's study activities (the design's <c>userSessions</c>): starting an activity again
/// resumes its active session; every step is written as it happens, so nothing is lost to a reload,
/// a dropped connection or a restart. <c>sessionData</c> is a <see cref="SessionData"/>: the items in order,
/// the position, and a state per item recording what the learner did (revealed, recall text, grade, ...).
/// </summary>
public sealed class SessionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SessionView> StartOrResumeAsync(SessionStart start, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Two tabs (or two app instances) opening the same activity at once must find one session,
        // not each start their own: the check and the insert run under one lock per learner and activity.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockKeyAsync($"userSessions\n{start.OwnerId}\n{start.SessionKey}", ct);
        var existing = await db.UserSessions
            .Where(s => s.UserId == start.OwnerId && s.SessionKey == start.SessionKey && s.Status == SessionStatus.Active)
            .OrderByDescending(s => s.LastAccessedAt)
            .FirstOrDefaultAsync(ct);
        var now = clock.UtcNow();
        if (existing is not null)
        {
            existing.LastAccessedAt = now;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
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
            SessionData = SessionData.Start(start.ItemIds, start.Deadline, start.Exam),
            StartedAt = now,
            LastAccessedAt = now,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(session);
    }

    /// <summary>
    /// Records a step: the current position and, for one item, what the learner did. Item states only
    /// ever gain facts (a second tab cannot un-complete an item), so concurrent writers never lose one.
    /// </summary>
    public Task<SessionView?> SaveAsync(
        string sessionId, string ownerId, int position, string? itemId = null, ItemStep? step = null, CancellationToken ct = default) =>
        SaveAsync(sessionId, ownerId, position, itemId, step, null, ct);

    /// <summary>The same, with <paramref name="also"/> changing the session's own part in the same write (a voice answer's grade).</summary>
    public Task<SessionView?> SaveAsync(
        string sessionId, string ownerId, int position, string? itemId, ItemStep? step, Func<SessionData, SessionData>? also, CancellationToken ct = default) =>
        ChangeAsync(sessionId, ownerId, (session, now) =>
        {
            var current = session.SessionData ?? new SessionData();
            if (step is not null && current.Deadline is { } deadline && now >= deadline)
            {
                // Time is up: answers and flags sent after the deadline are not taken; marking still is.
                step = step with { Answer = null, Flagged = null };
            }

            var data = current.Apply(position, itemId, step);
            data = also?.Invoke(data) ?? data;
            session.SessionData = data;
            session.CompletedItems = data.CompletedCount;
            session.Progress = session.TotalItems == 0 ? 0 : (int)Math.Round(100.0 * session.CompletedItems / session.TotalItems);
            session.LastAccessedAt = now;
            if (session.TotalItems > 0 && session.CompletedItems >= session.TotalItems && session.Status == SessionStatus.Active)
            {
                Complete(session, now);
            }

            return ToView(session) with { StepItem = itemId is null ? null : data.States.GetValueOrDefault(itemId) };
        }, ct);

    /// <summary>
    /// Changes a session's data as a whole (an exam handed in, its part updated), under the same lock as
    /// <see cref="SaveAsync"/>; <paramref name="complete"/> also finishes it when active. Null when there is no such session.
    /// </summary>
    public Task<SessionView?> UpdateAsync(
        string sessionId, string ownerId, Func<SessionData, SessionData> change, bool complete = false, CancellationToken ct = default) =>
        ChangeAsync(sessionId, ownerId, (session, now) =>
        {
            session.SessionData = change(session.SessionData ?? new SessionData());
            session.LastAccessedAt = now;
            if (complete && session.Status == SessionStatus.Active)
            {
                Complete(session, now);
            }

            return ToView(session);
        }, ct);

    /// <summary>
    /// Runs <paramref name="change"/> on the learner's session with its row locked (two tabs, two app
    /// instances: one writer at a time), and saves it in the same transaction. Null when there is no such session.
    /// </summary>
    private async Task<SessionView?> ChangeAsync(string sessionId, string ownerId, Func<UserSession, DateTime, SessionView> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockForUpdateAsync($"SELECT id FROM userSessions WHERE id = {sessionId} FOR UPDATE", ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == ownerId, ct);
        if (session is null)
        {
            return null;
        }

        var view = change(session, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return view;
    }

    /// <summary>A session with everything it holds; null when the learner has no such session.</summary>
    public async Task<(SessionView View, SessionData Data, string? CertificationId, DateTime StartedAt)?> GetAsync(
        string sessionId, string ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == ownerId, ct);
        return session is null ? null : (ToView(session), session.SessionData ?? new SessionData(), session.CertificationId, session.StartedAt);
    }

    /// <summary>Finishes an active session before every item is done (an exam handed in, a path left at a milestone).</summary>
    public async Task<SessionView?> FinishAsync(string sessionId, string ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == ownerId, ct);
        if (session is null)
        {
            return null;
        }

        if (session.Status == SessionStatus.Active)
        {
            Complete(session, clock.UtcNow());
            await db.SaveChangesAsync(ct);
        }

        return ToView(session);
    }

    private static void Complete(UserSession session, DateTime now)
    {
        session.Status = SessionStatus.Completed;
        session.CompletedAt = now;
        session.LastAccessedAt = now;
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

    /// <summary>The learner's active session of one activity, if they have one.</summary>
    public async Task<SessionView?> FindActiveAsync(string ownerId, string sessionKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == ownerId && s.SessionKey == sessionKey && s.Status == SessionStatus.Active)
            .OrderByDescending(s => s.LastAccessedAt)
            .FirstOrDefaultAsync(ct);
        return session is null ? null : ToView(session);
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
        session.LastAccessedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Abandons a learner's active sessions of one type except the one with <paramref name="keepKey"/>:
    /// for activities that are one per day, such as the day's reviews. Returns how many it abandoned.
    /// </summary>
    public async Task<int> AbandonOthersAsync(string ownerId, SessionType sessionType, string keepKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow();
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

        return await StartOrResumeAsync(new SessionStart(
            ownerId, old.SessionType, old.SessionKey, old.Title, old.Subtitle, old.SessionData?.Items ?? [], old.ChannelId, old.CertificationId), ct);
    }

    /// <summary>The link that reopens a session at its current item.</summary>
    public static string ResumeUrl(SessionView session) =>
        session.CurrentItemId is null
            ? session.SessionKey
            : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(session.SessionKey, "question", session.CurrentItemId);

    /// <summary>What the learner recorded for one item of a session; null when nothing was.</summary>
    public async Task<ItemState?> GetItemStateAsync(string sessionId, string ownerId, string itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == ownerId)
            .Select(s => s.SessionData)
            .SingleOrDefaultAsync(ct);
        return data?.States.GetValueOrDefault(itemId);
    }

    private static SessionView ToView(UserSession s)
    {
        var data = s.SessionData ?? new SessionData();
        return new SessionView(s.Id, s.SessionType, s.SessionKey, s.Title, s.Subtitle, data.Position, data.CurrentItem,
            s.CompletedItems, s.TotalItems, s.Progress, s.LastAccessedAt, s.Status);
    }
}
