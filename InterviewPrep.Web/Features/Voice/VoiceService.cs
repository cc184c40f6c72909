using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using InterviewPrep.Web.Features.Voice.Grading;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Voice;

/// <summary>A voice interview in the catalog, with the learner's best and last attempt.</summary>
public sealed record VoiceSessionCard(
    string Id, string Topic, string? Description, string Channel, Difficulty Difficulty, int Questions, int EstimatedMinutes,
    int? Best, int? LastScore, DateTime? LastAttempt, bool InProgress);

/// <summary>A question as the voice player shows it.</summary>
public sealed record VoiceQuestion(string Id, string Text, string Answer, string? Tldr, string Channel, bool VoiceSuitable);

/// <summary>A running or finished voice interview: the session, its questions in order, and what was answered.</summary>
public sealed record VoiceAttempt(SessionView View, SessionData Data, IReadOnlyList<VoiceQuestion> Questions)
{
    public VoicePart Part => Data.Voice ?? new VoicePart();

    public VoiceQuestion? Current => Questions.FirstOrDefault(q => q.Id == Data.CurrentItem) ?? Questions.FirstOrDefault();

    public bool Finished => View.Status == SessionStatus.Completed;
}

/// <summary>One finished attempt of an interview, for the history and its trend.</summary>
public sealed record VoiceHistoryEntry(string SessionId, DateTime At, int Score, int Answered);

/// <summary>
/// Voice mock interviews: the catalog, starting and resuming an interview (a <c>voice</c> session of the
/// session engine, keyed by its page), grading each answer as it is given and saving it in the same
/// write, feeding the verdicts into spaced repetition when the learner wants, and the history.
/// </summary>
public sealed class VoiceService(
    IDbContextFactory<AppDbContext> dbFactory, SessionService sessions, VoiceGrading grading, ReviewService reviews, TimeProvider clock)
{
    /// <summary>The longest transcript taken: about twenty minutes of speech.</summary>
    public const int MaxTranscript = 20_000;

    public static string SessionKey(string voiceSessionId) => $"/voice/{Uri.EscapeDataString(voiceSessionId)}";

    public static string QuestionKey(string questionId) => $"/voice/question/{Uri.EscapeDataString(questionId)}";

    public static string RetryKey(string voiceSessionId) => $"/voice/{Uri.EscapeDataString(voiceSessionId)}/retry";

    /// <summary>A verdict as a spaced-repetition grade: excellent is Easy, good Good, needs work Hard, poor Again.</summary>
    public static Grade GradeOf(string verdict) => verdict switch
    {
        VoiceGrade.Excellent => Grade.Easy,
        VoiceGrade.Good => Grade.Good,
        VoiceGrade.NeedsWork => Grade.Hard,
        _ => Grade.Again,
    };

    public async Task<IReadOnlyList<VoiceSessionCard>> CatalogAsync(string? learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.VoiceSessions.AsNoTracking()
            .OrderBy(s => s.Channel).ThenBy(s => s.Difficulty).ThenBy(s => s.Topic)
            .Select(s => new { s.Id, s.Topic, s.Description, s.Channel, s.Difficulty, s.QuestionIds, s.EstimatedMinutes })
            .ToListAsync(ct);
        var attempts = learnerId is null ? [] : await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == learnerId && s.SessionType == SessionType.Voice)
            .Select(s => new { s.SessionKey, s.Status, s.LastAccessedAt, s.SessionData })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var key = SessionKey(r.Id);
            var mine = attempts.Where(a => a.SessionKey == key || a.SessionKey == key + "/retry").ToList();
            var scored = mine.Where(a => a.SessionData?.Voice?.Score is not null).OrderByDescending(a => a.LastAccessedAt).ToList();
            return new VoiceSessionCard(r.Id, r.Topic, r.Description, r.Channel, r.Difficulty, r.QuestionIds.Count, r.EstimatedMinutes,
                scored.Where(a => a.Status == SessionStatus.Completed && a.SessionKey == key).Max(a => a.SessionData!.Voice!.Score),
                scored.FirstOrDefault()?.SessionData!.Voice!.Score, scored.FirstOrDefault()?.LastAccessedAt,
                mine.Any(a => a.Status == SessionStatus.Active && a.SessionKey == key));
        }).ToList();
    }

    /// <summary>The interview's page facts; null when there is no such interview.</summary>
    public async Task<VoiceSession?> GetSessionAsync(string voiceSessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VoiceSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == voiceSessionId, ct);
    }

    /// <summary>Whether a question can be practised: it is in the collection and active.</summary>
    public async Task<bool> CanPractiseAsync(string questionId, CancellationToken ct = default) =>
        (await PresentAsync([questionId], ct)).Count > 0;

    /// <summary>The learner's running attempt of a session key, if any.</summary>
    public async Task<VoiceAttempt?> FindActiveAsync(string learnerId, string key, CancellationToken ct = default) =>
        await sessions.FindActiveAsync(learnerId, key, ct) is { } view ? await LoadAsync(learnerId, view.Id, ct) : null;

    /// <summary>Starts the interview, or resumes the running attempt; null when there is no such interview or it has no questions here.</summary>
    public async Task<VoiceAttempt?> StartAsync(string learnerId, string voiceSessionId, bool intoReview = true, CancellationToken ct = default)
    {
        var session = await GetSessionAsync(voiceSessionId, ct);
        if (session is null)
        {
            return null;
        }

        var present = await PresentAsync(session.QuestionIds, ct);
        return present.Count == 0 ? null : await StartAsync(learnerId, SessionKey(voiceSessionId), session.Topic, present, intoReview, ct);
    }

    /// <summary>One question practised alone; null when there is no such question.</summary>
    public async Task<VoiceAttempt?> StartQuestionAsync(string learnerId, string questionId, bool intoReview = true, CancellationToken ct = default)
    {
        var present = await PresentAsync([questionId], ct);
        return present.Count == 0 ? null : await StartAsync(learnerId, QuestionKey(questionId), "Practise one question by voice", present, intoReview, ct);
    }

    /// <summary>
    /// A new attempt of the questions a finished attempt scored below good on; null when it is not the
    /// learner's, not finished, or every answer was good.
    /// </summary>
    public async Task<VoiceAttempt?> StartRetryAsync(string learnerId, string attemptId, string voiceSessionId, CancellationToken ct = default)
    {
        var finished = await LoadAsync(learnerId, attemptId, ct);
        if (finished is null || !finished.Finished)
        {
            return null;
        }

        var weak = finished.Data.Items.Where(id => finished.Part.Answers.GetValueOrDefault(id) is not { Score: >= 60 }).ToList();
        if (weak.Count == 0)
        {
            return null;
        }

        var key = RetryKey(voiceSessionId);
        if (await sessions.FindActiveAsync(learnerId, key, ct) is { } running)
        {
            await sessions.AbandonAsync(running.Id, learnerId, ct);
        }

        return await StartAsync(learnerId, key, "The ones to practise again", weak, finished.Part.IntoReview, ct);
    }

    private async Task<VoiceAttempt?> StartAsync(string learnerId, string key, string title, IReadOnlyList<string> items, bool intoReview, CancellationToken ct)
    {
        var view = await sessions.StartOrResumeAsync(new SessionStart(learnerId, SessionType.Voice, key, title, "Voice interview", items), ct);
        if (view.Status == SessionStatus.Active && (await sessions.GetAsync(view.Id, learnerId, ct))?.Data.Voice is null)
        {
            await sessions.UpdateAsync(view.Id, learnerId, d => d with { Voice = new VoicePart { IntoReview = intoReview } }, ct: ct);
        }

        return await LoadAsync(learnerId, view.Id, ct);
    }

    /// <summary>An attempt of the learner's, with its questions; null when it is not theirs or not a voice session.</summary>
    public async Task<VoiceAttempt?> LoadAsync(string learnerId, string attemptId, CancellationToken ct = default)
    {
        var found = await sessions.GetAsync(attemptId, learnerId, ct);
        if (found is not { } f || f.View.SessionType != SessionType.Voice)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = f.Data.Items.ToList();
        var questions = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.Id))
            .Select(q => new VoiceQuestion(q.Id, q.Text, q.Answer, q.Tldr, q.Channel, q.VoiceSuitable))
            .ToListAsync(ct);
        var byId = questions.ToDictionary(q => q.Id);
        return new VoiceAttempt(f.View, f.Data, ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList());
    }

    /// <summary>
    /// Grades an answer and records it (transcript, grade, time) in one write; the first answer to a
    /// question feeds review when the attempt does. Returns the grade, or an error to show.
    /// </summary>
    public async Task<(VoiceGrade? Grade, string? Error)> AnswerAsync(
        string learnerId, string attemptId, string questionId, string transcript, TimeSpan duration, bool spoken, CancellationToken ct = default)
    {
        transcript = (transcript ?? "").Trim();
        if (transcript.Length == 0)
        {
            return (null, "Say or type an answer first.");
        }

        if (transcript.Length > MaxTranscript)
        {
            return (null, $"That answer is longer than {MaxTranscript:N0} characters; shorten it to submit it.");
        }

        var attempt = await LoadAsync(learnerId, attemptId, ct);
        if (attempt is null || !attempt.Data.Items.Contains(questionId))
        {
            return (null, "This interview is not yours, or does not hold this question; start it again from the voice page.");
        }

        duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration > TimeSpan.FromMinutes(30) ? TimeSpan.FromMinutes(30) : duration;
        var grade = await grading.GradeAsync(questionId, transcript, duration > TimeSpan.Zero ? duration : null, ct);
        if (grade is null)
        {
            return (null, "This question is no longer in the collection.");
        }

        var before = attempt.Part.Answers.GetValueOrDefault(questionId);
        var now = clock.GetUtcNow().UtcDateTime;
        var position = Math.Max(0, attempt.Data.Items.ToList().IndexOf(questionId));
        await sessions.SaveAsync(attemptId, learnerId, position, questionId,
            new ItemStep(Seen: true, Revealed: true, Answer: transcript, TimeSpent: duration),
            data => data with
            {
                Voice = (data.Voice ?? new VoicePart()) is var part ? part with
                {
                    Answers = new Dictionary<string, VoiceAnswer>(part.Answers)
                    {
                        [questionId] = new(grade.Score, grade.Verdict, (long)duration.TotalMilliseconds, spoken, now, (before?.Tries ?? 0) + 1),
                    },
                } : null,
            }, ct);
        if (before is null && attempt.Part.IntoReview)
        {
            await reviews.SelfGradeAsync(learnerId, questionId, GradeOf(grade.Verdict), duration, ct);
        }

        return (grade, null);
    }

    /// <summary>The grade of an answer already given, recomputed from its transcript (the grader is deterministic).</summary>
    public async Task<VoiceGrade?> RegradeAsync(VoiceAttempt attempt, string questionId, CancellationToken ct = default) =>
        attempt.Data.StateOf(questionId).Answer is { Length: > 0 } transcript
            ? await grading.GradeAsync(questionId, transcript,
                attempt.Part.Answers.GetValueOrDefault(questionId) is { DurationMs: > 0 } a ? TimeSpan.FromMilliseconds(a.DurationMs) : null, ct)
            : null;

    /// <summary>Keeps what is in the answer box before it is submitted, so a reload finds it there.</summary>
    public Task<SessionView?> SaveDraftAsync(string learnerId, string attemptId, int position, string questionId, string draft, CancellationToken ct = default) =>
        sessions.SaveAsync(attemptId, learnerId, position, questionId,
            new ItemStep(Seen: true, Recall: draft.Length > MaxTranscript ? draft[..MaxTranscript] : draft), ct);

    /// <summary>Moves to another question of the attempt.</summary>
    public Task<SessionView?> MoveAsync(string learnerId, string attemptId, int position, CancellationToken ct = default) =>
        sessions.SaveAsync(attemptId, learnerId, position, ct: ct);

    /// <summary>Ends the attempt with what was answered.</summary>
    public Task<SessionView?> FinishAsync(string learnerId, string attemptId, CancellationToken ct = default) =>
        sessions.FinishAsync(attemptId, learnerId, ct);

    /// <summary>Whether verdicts feed review from now on.</summary>
    public Task<SessionView?> SetIntoReviewAsync(string learnerId, string attemptId, bool intoReview, CancellationToken ct = default) =>
        sessions.UpdateAsync(attemptId, learnerId, d => d with { Voice = (d.Voice ?? new VoicePart()) with { IntoReview = intoReview } }, ct: ct);

    /// <summary>The learner's finished attempts of a key, oldest first.</summary>
    public async Task<IReadOnlyList<VoiceHistoryEntry>> HistoryAsync(string learnerId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == learnerId && s.SessionType == SessionType.Voice && s.SessionKey == key && s.Status == SessionStatus.Completed)
            .OrderBy(s => s.LastAccessedAt)
            .Select(s => new { s.Id, s.LastAccessedAt, s.SessionData })
            .ToListAsync(ct);
        return rows.Where(r => r.SessionData?.Voice?.Score is not null)
            .Select(r => new VoiceHistoryEntry(r.Id, r.LastAccessedAt, r.SessionData!.Voice!.Score!.Value, r.SessionData.Voice.Answers.Count))
            .ToList();
    }

    private async Task<List<string>> PresentAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = ids.ToList();
        var present = await db.Questions.AsNoTracking()
            .Where(q => wanted.Contains(q.Id) && q.Status == QuestionStatus.Active)
            .Select(q => q.Id)
            .ToListAsync(ct);
        return ids.Where(present.Contains).Distinct().ToList();
    }
}
