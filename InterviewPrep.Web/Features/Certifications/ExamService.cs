using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>The three ways to practise a certification; each is its own resumable activity.</summary>
public static class ExamModes
{
    /// <summary>Timed, questions drawn by the blueprint, no feedback until it is handed in.</summary>
    public const string Exam = "exam";

    /// <summary>The same drawing, untimed, with the answer after each question.</summary>
    public const string Practice = "practice";

    /// <summary>One domain's questions, untimed, with the answer after each.</summary>
    public const string Drill = "drill";

    /// <summary>Practising what a handed-in attempt missed (kept as practice).</summary>
    public const string Retry = "retry";

    /// <summary>The activity's identity, which is also its address: starting it again resumes it.</summary>
    public static string SessionKey(string certificationId, string mode, string? domain = null) => mode == Drill
        ? $"certifications/{Uri.EscapeDataString(certificationId)}/drill/{Uri.EscapeDataString(domain ?? "")}"
        : $"certifications/{Uri.EscapeDataString(certificationId)}/{mode}";

    /// <summary>Practising the questions an attempt missed.</summary>
    public static string RetryKey(string certificationId, string attemptId) =>
        $"certifications/{Uri.EscapeDataString(certificationId)}/retry/{Uri.EscapeDataString(attemptId)}";

    /// <summary>Where an attempt's results are.</summary>
    public static string ResultsUrl(string certificationId, string attemptId) =>
        $"certifications/{Uri.EscapeDataString(certificationId)}/attempts/{Uri.EscapeDataString(attemptId)}";
}

/// <summary>A length the learner may choose, with the minutes it allows.</summary>
public sealed record ExamLength(int Questions, int Minutes, bool Full);

/// <summary>What the learner asks for: which certification, how, how long, and whether marks feed review.</summary>
public sealed record ExamRequest(string LearnerId, string CertificationId, string Mode, int Length, string? Domain = null, bool IntoReview = true);

/// <summary>An attempt in progress or handed in: its items, the domain of each, its deadline, and the part the exam keeps.</summary>
public sealed record ExamAttempt(
    string SessionId, string SessionKey, string CertificationId, string Title, SessionStatus Status, IReadOnlyList<string> Items,
    ExamPart Exam, DateTime StartedAt, DateTime? Deadline, SessionData Data)
{
    public bool Timed => Deadline is not null;
}

/// <summary>A question of a handed-in attempt as the results show it.</summary>
public sealed record ResultItem(
    int Number, string QuestionId, string Text, string ModelAnswer, string Domain, string DomainName, string? Answer, bool Flagged,
    ExamMark? Mark, ExamMark? Suggested, Coverage Coverage, TimeSpan Time, IReadOnlyList<QuestionOption>? Options = null)
{
    /// <summary>A multiple-choice question: marked automatically from the option chosen.</summary>
    public bool Choice => Options is { Count: > 0 };

    /// <summary>What the item scores as: the learner's mark, else the suggestion, else wrong.</summary>
    public ExamMark Effective => Mark ?? Suggested ?? ExamMark.Wrong;
}

/// <summary>A handed-in attempt's results.</summary>
public sealed record ExamResult(ExamAttempt Attempt, string CertificationName, ExamScoreCard Score, IReadOnlyList<ResultItem> Items, TimeSpan TimeUsed)
{
    public int Unmarked => Items.Count(i => i.Mark is null);

    public int Answered => Items.Count(i => !string.IsNullOrWhiteSpace(i.Answer) || i.Mark is not null);
}

/// <summary>One finished attempt in a learner's history.</summary>
public sealed record AttemptSummary(
    string SessionId, string Mode, string? Domain, DateTime StartedAt, DateTime? SubmittedAt, int Questions, double Score, bool Passed,
    double? Predicted, bool ByTime);

/// <summary>How well readiness predicted the scores of timed exams: mean absolute and mean signed difference, in points.</summary>
public sealed record Calibration(int Exams, double MeanAbsolute, double MeanSigned)
{
    public static Calibration? From(IEnumerable<AttemptSummary> attempts)
    {
        var pairs = attempts.Where(a => a.Mode == ExamModes.Exam && a.Predicted is not null)
            .Select(a => a.Score - 100 * a.Predicted!.Value)
            .ToList();
        return pairs.Count == 0 ? null : new Calibration(pairs.Count, pairs.Average(Math.Abs), pairs.Average());
    }
}

/// <summary>A learner's standing in one certification: readiness, attempts, and the attempts still running.</summary>
public sealed record CertificationProgress(
    ReadinessReport Readiness, IReadOnlyList<AttemptSummary> Attempts, IReadOnlyList<ExamAttempt> Running, Calibration? Calibration);

/// <summary>
/// Certification exams, practice and drills on the session engine: drawing questions by the blueprint,
/// the server-held deadline, handing in (by the learner, or by the server when time is up, also while
/// the learner is away), marking, scoring, attempts, and readiness from spaced repetition.
/// </summary>
public sealed class ExamService(
    IDbContextFactory<AppDbContext> dbFactory, SessionService sessions, ReviewService reviews, TimeProvider clock, ContentCache? cache = null)
{
    /// <summary>How rare each word is among the certification's answers, for picking an answer's key terms; kept until content changes.</summary>
    public Task<TermRarity> TermRarityAsync(string certificationId, CancellationToken ct = default)
    {
        async Task<TermRarity> ComputeAsync(CancellationToken token)
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var answers = await db.ChannelMappings.AsNoTracking()
                .Where(m => m.ChannelId == certificationId && m.Question!.Status == QuestionStatus.Active)
                .Select(m => m.Question!.Answer)
                .ToListAsync(token);
            return TermRarity.From(answers);
        }

        return cache is null ? ComputeAsync(ct) : cache.GetAsync($"term-rarity:{certificationId}", ComputeAsync, r => Math.Max(1, r.Frequency.Count / 16), ct);
    }

    /// <summary>Shorter lengths offered besides the real exam's.</summary>
    public static readonly IReadOnlyList<int> ShortLengths = [10, 20, 40];

    public const int MaxLength = 500;

    /// <summary>The lengths a certification offers: the real exam's question count and shorter ones, each with its minutes.</summary>
    public static IReadOnlyList<ExamLength> Lengths(Certification certification, int available)
    {
        var full = certification.QuestionCount > 0 ? certification.QuestionCount : available;
        var lengths = ShortLengths.Where(l => l < full && l <= available)
            .Select(l => new ExamLength(l, ExamClock.MinutesFor(l, full, certification.ExamDuration), false))
            .ToList();
        if (full > 0 && full <= available)
        {
            lengths.Add(new ExamLength(full, certification.ExamDuration, true));
        }
        else if (available > 0 && lengths.All(l => l.Questions != available))
        {
            // Fewer questions than the real exam: everything there is, with time in proportion.
            lengths.Add(new ExamLength(available, ExamClock.MinutesFor(available, full, certification.ExamDuration), false));
        }

        return lengths;
    }

    /// <summary>The learner's active attempt of this activity, handed in first when its time ran out; null when there is none.</summary>
    public async Task<ExamAttempt?> FindActiveAsync(string learnerId, string sessionKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == learnerId && s.SessionKey == sessionKey && s.Status == SessionStatus.Active)
            .OrderByDescending(s => s.LastAccessedAt)
            .Select(s => s.Id)
            .FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var attempt = await GetAsync(learnerId, id, ct);
        return attempt is { Status: SessionStatus.Active } ? attempt : null;
    }

    /// <summary>The learner's most recent handed-in attempt of this activity, if any.</summary>
    public async Task<ExamAttempt?> LastHandedInAsync(string learnerId, string sessionKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == learnerId && s.SessionKey == sessionKey && s.Status == SessionStatus.Completed)
            .OrderByDescending(s => s.CompletedAt)
            .Select(s => s.Id)
            .FirstOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(learnerId, id, ct);
    }

    /// <summary>An attempt of the learner's; an active one whose deadline has passed is handed in first.</summary>
    public async Task<ExamAttempt?> GetAsync(string learnerId, string sessionId, CancellationToken ct = default)
    {
        var attempt = await LoadAsync(learnerId, sessionId, ct);
        if (attempt is { Status: SessionStatus.Active, Deadline: { } deadline } && ExamClock.Expired(deadline, clock.UtcNow()))
        {
            await SubmitAsync(learnerId, sessionId, ct);
            attempt = await LoadAsync(learnerId, sessionId, ct);
        }

        return attempt;
    }

    private async Task<ExamAttempt?> LoadAsync(string learnerId, string sessionId, CancellationToken ct)
    {
        if (await sessions.GetAsync(sessionId, learnerId, ct) is not var (view, data, certificationId, startedAt)
            || view.SessionType != SessionType.Certification || data.Exam is null || certificationId is null)
        {
            return null;
        }

        return new ExamAttempt(view.Id, view.SessionKey, certificationId, view.Title, view.Status, data.Items, data.Exam, startedAt, data.Deadline, data);
    }

    /// <summary>
    /// Starts an attempt, or resumes the active one of the same activity. A new one draws its questions
    /// now, fixes its deadline now, and records the readiness predicted just before it. Null when the
    /// certification (or the drill's domain) does not exist or has no questions.
    /// </summary>
    public async Task<ExamAttempt?> StartAsync(ExamRequest request, CancellationToken ct = default)
    {
        var key = ExamModes.SessionKey(request.CertificationId, request.Mode, request.Domain);
        if (await FindActiveAsync(request.LearnerId, key, ct) is { } active)
        {
            return active;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CertificationId, ct);
        if (certification is null || request.Mode is not (ExamModes.Exam or ExamModes.Practice or ExamModes.Drill))
        {
            return null;
        }

        var blueprint = Blueprint(certification);
        if (request.Mode == ExamModes.Drill && blueprint.All(d => d.Id != request.Domain) && request.Domain != DomainAssigner.General)
        {
            return null;
        }

        var domainOf = await DomainsOfAsync(db, certification.Id, ct);
        var recall = await reviews.GetRecallAsync(request.LearnerId, domainOf.Keys.ToList(), ct);
        var pools = Pools(blueprint, domainOf, recall, request.Mode == ExamModes.Drill ? request.Domain : null);
        var length = request.Mode == ExamModes.Drill ? domainOf.Count : Math.Clamp(request.Length, 1, MaxLength);
        var drawn = ExamDraw.Draw(pools, length, Random.Shared);
        if (drawn.QuestionIds.Count == 0)
        {
            return null;
        }

        var now = clock.UtcNow();
        var minutes = request.Mode == ExamModes.Exam
            ? ExamClock.MinutesFor(drawn.QuestionIds.Count, certification.QuestionCount > 0 ? certification.QuestionCount : domainOf.Count, certification.ExamDuration)
            : (int?)null;
        var readiness = Readiness.Compute(blueprint, domainOf, recall.Recall);
        var part = new ExamPart
        {
            Mode = request.Mode,
            Domains = drawn.Domains,
            Domain = request.Mode == ExamModes.Drill ? request.Domain : null,
            Minutes = minutes,
            PredictedReadiness = readiness.Overall,
            IntoReview = request.IntoReview,
        };
        var (title, subtitle) = Titles(certification, request.Mode, blueprint.FirstOrDefault(d => d.Id == request.Domain)?.Name);
        var view = await sessions.StartOrResumeAsync(new SessionStart(
            request.LearnerId, SessionType.Certification, key, title, subtitle, drawn.QuestionIds,
            CertificationId: certification.Id, Deadline: minutes is { } m ? ExamClock.Deadline(now, m) : null, Exam: part), ct);
        return await GetAsync(request.LearnerId, view.Id, ct);
    }

    /// <summary>Starts (or resumes) practising the questions a handed-in attempt did not get right; null when it got them all.</summary>
    public async Task<ExamAttempt?> StartRetryAsync(string learnerId, string attemptId, CancellationToken ct = default)
    {
        var result = await ResultAsync(learnerId, attemptId, ct);
        if (result is null)
        {
            return null;
        }

        var key = ExamModes.RetryKey(result.Attempt.CertificationId, attemptId);
        if (await FindActiveAsync(learnerId, key, ct) is { } active)
        {
            return active;
        }

        var missed = result.Items.Where(i => i.Effective != ExamMark.Correct).ToList();
        if (missed.Count == 0)
        {
            return null;
        }

        var part = new ExamPart
        {
            Mode = ExamModes.Practice,
            Domains = missed.ToDictionary(i => i.QuestionId, i => i.Domain, StringComparer.Ordinal),
            IntoReview = result.Attempt.Exam.IntoReview,
        };
        var view = await sessions.StartOrResumeAsync(new SessionStart(
            learnerId, SessionType.Certification, key, $"{result.CertificationName}: the ones you missed", null,
            missed.Select(i => i.QuestionId).ToList(), CertificationId: result.Attempt.CertificationId, Exam: part), ct);
        return await GetAsync(learnerId, view.Id, ct);
    }

    private static (string Title, string Subtitle) Titles(Certification certification, string mode, string? domain) => mode switch
    {
        ExamModes.Exam => ($"{certification.Name}: timed exam", certification.Provider),
        ExamModes.Practice => ($"{certification.Name}: practice", certification.Provider),
        _ => ($"{certification.Name}: {domain ?? "General"} drill", certification.Provider),
    };

    /// <summary>Hands an attempt in: by the learner, or (at or after the deadline) as at the deadline. Written answers get a suggested mark.</summary>
    public async Task<ExamAttempt?> SubmitAsync(string learnerId, string sessionId, CancellationToken ct = default)
    {
        var attempt = await LoadAsync(learnerId, sessionId, ct);
        if (attempt is null)
        {
            return null;
        }

        if (attempt.Status != SessionStatus.Active)
        {
            return attempt;
        }

        var questions = await QuestionsAsync(attempt.Items, ct);
        var rarity = await TermRarityAsync(attempt.CertificationId, ct);
        var now = clock.UtcNow();
        var byTime = attempt.Deadline is { } deadline && ExamClock.Expired(deadline, now);
        var autoMarked = new Dictionary<string, (ExamMark Mark, long TimeSpentMs)>(StringComparer.Ordinal);
        await sessions.UpdateAsync(sessionId, learnerId, data =>
        {
            var suggested = new Dictionary<string, int>(StringComparer.Ordinal);
            var states = new Dictionary<string, ItemState>(data.States);
            foreach (var id in data.Items.Distinct())
            {
                var state = data.StateOf(id);
                if (questions.GetValueOrDefault(id) is not { } q)
                {
                    continue;
                }

                if (q.Options is { Count: > 0 } options)
                {
                    // Multiple choice marks itself: the chosen option is right or it is not (in an exam, none chosen is wrong).
                    if (state.Grade is null && (attempt.Timed || !string.IsNullOrWhiteSpace(state.Answer ?? state.Recall)))
                    {
                        var mark = ChoiceMark(options, state.Answer ?? state.Recall);
                        states[id] = state with { Grade = (int)mark };
                        autoMarked[id] = (mark, state.TimeSpentMs);
                    }
                }
                else if ((state.Answer ?? state.Recall) is { } answer && AnswerCoverage.Check(q.Text, q.Answer, answer, rarity).Suggested is { } mark)
                {
                    suggested[id] = (int)mark;
                }
            }

            return data with
            {
                States = states,
                Exam = data.Exam! with
                {
                    SubmittedAt = byTime ? data.Deadline : now,
                    SubmittedByTime = byTime,
                    Suggested = suggested,
                },
            };
        }, complete: true, ct);
        if (attempt.Exam.IntoReview)
        {
            foreach (var (id, (mark, spent)) in autoMarked)
            {
                await reviews.SelfGradeAsync(learnerId, id, (Grade)(int)mark, TimeSpan.FromMilliseconds(spent), ct);
            }
        }

        return await LoadAsync(learnerId, sessionId, ct);
    }

    /// <summary>The mark of a multiple-choice answer: correct when the chosen option (by id) is a correct one.</summary>
    public static ExamMark ChoiceMark(IReadOnlyList<QuestionOption> options, string? chosen) =>
        options.Any(o => o.IsCorrect && string.Equals(o.Id, chosen?.Trim(), StringComparison.OrdinalIgnoreCase)) ? ExamMark.Correct : ExamMark.Wrong;

    /// <summary>
    /// Marks one answer of an attempt (the learner decides; the suggestion only suggests). The first mark
    /// of an item feeds review when the attempt does. False when the item is not in the attempt, or a
    /// timed exam is still running (no feedback until the end).
    /// </summary>
    public async Task<bool> MarkAsync(string learnerId, string sessionId, string questionId, ExamMark mark, CancellationToken ct = default)
    {
        var attempt = await LoadAsync(learnerId, sessionId, ct);
        if (attempt is null || !attempt.Items.Contains(questionId) || !Enum.IsDefined(mark)
            || (attempt.Timed && attempt.Status == SessionStatus.Active))
        {
            return false;
        }

        var before = attempt.Data.StateOf(questionId);
        if ((await QuestionsAsync([questionId], ct)).GetValueOrDefault(questionId)?.Options is { Count: > 0 })
        {
            return false; // multiple choice is marked by the option chosen
        }

        await sessions.SaveAsync(sessionId, learnerId, attempt.Data.Position, questionId, new ItemStep(Grade: (int)mark), ct);
        if (before.Grade is null && attempt.Exam.IntoReview)
        {
            await reviews.SelfGradeAsync(learnerId, questionId, (Grade)(int)mark, TimeSpan.FromMilliseconds(before.TimeSpentMs), ct);
        }

        return true;
    }

    /// <summary>Takes every suggested mark not yet decided as the learner's own; returns how many.</summary>
    public async Task<int> AcceptSuggestedAsync(string learnerId, string sessionId, CancellationToken ct = default)
    {
        var attempt = await LoadAsync(learnerId, sessionId, ct);
        if (attempt?.Exam.Suggested is not { } suggested || attempt.Status == SessionStatus.Active)
        {
            return 0;
        }

        var count = 0;
        foreach (var (id, mark) in suggested)
        {
            if (attempt.Data.StateOf(id).Grade is null && await MarkAsync(learnerId, sessionId, id, (ExamMark)mark, ct))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A handed-in attempt's results; null when the attempt is not the learner's or is still running.</summary>
    public async Task<ExamResult?> ResultAsync(string learnerId, string sessionId, CancellationToken ct = default)
    {
        var attempt = await GetAsync(learnerId, sessionId, ct);
        if (attempt is null || attempt.Status == SessionStatus.Active)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == attempt.CertificationId, ct);
        var blueprint = certification is null ? [] : Blueprint(certification);
        var names = blueprint.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        var questions = await QuestionsAsync(attempt.Items, ct);
        var rarity = await TermRarityAsync(attempt.CertificationId, ct);
        var items = attempt.Items.Select((id, i) =>
        {
            var state = attempt.Data.StateOf(id);
            var q = questions.GetValueOrDefault(id);
            var domain = attempt.Exam.Domains.GetValueOrDefault(id) ?? DomainAssigner.General;
            var written = string.IsNullOrWhiteSpace(state.Answer) ? state.Recall : state.Answer;
            var coverage = q is null ? new Coverage([], null) : AnswerCoverage.Check(q.Text, q.Answer, written, rarity);
            ExamMark? suggested = attempt.Exam.Suggested?.GetValueOrDefault(id) is > 0 and var s ? (ExamMark)s : coverage.Suggested;
            return new ResultItem(
                i + 1, id, q?.Text ?? "(this question is no longer available)", q?.Answer ?? "", domain, names.GetValueOrDefault(domain) ?? "General",
                written, state.Flagged, ToMark(state.Grade), q?.Options is { Count: > 0 } ? null : suggested,
                q?.Options is { Count: > 0 } ? new Coverage([], null) : coverage, TimeSpan.FromMilliseconds(state.TimeSpentMs), q?.Options);
        }).ToList();
        var score = ExamScoring.Score(
            items.Select(i => new ScoredItem(i.QuestionId, i.Domain, i.Mark ?? i.Suggested)).ToList(), blueprint, certification?.PassingScore ?? 70);
        var end = attempt.Exam.SubmittedAt ?? attempt.Data.Deadline ?? clock.UtcNow();
        return new ExamResult(attempt, certification?.Name ?? attempt.CertificationId, score, items, end - attempt.StartedAt);
    }

    /// <summary>The learner's finished attempts of a certification, newest first, each scored as marked so far.</summary>
    public async Task<IReadOnlyList<AttemptSummary>> AttemptsAsync(string learnerId, string certificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificationId, ct);
        if (certification is null)
        {
            return [];
        }

        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == learnerId && s.SessionType == SessionType.Certification && s.CertificationId == certificationId
                && s.Status == SessionStatus.Completed)
            .OrderByDescending(s => s.StartedAt)
            .Take(200)
            .ToListAsync(ct);
        var blueprint = Blueprint(certification);
        return rows.Where(r => r.SessionData?.Exam is not null).Select(r =>
        {
            var data = r.SessionData!;
            var exam = data.Exam!;
            var score = ExamScoring.Score(data.Items.Select(id => new ScoredItem(
                id, exam.Domains.GetValueOrDefault(id) ?? DomainAssigner.General,
                ToMark(data.StateOf(id).Grade) ?? ToMark(exam.Suggested?.GetValueOrDefault(id)))).ToList(), blueprint, certification.PassingScore);
            return new AttemptSummary(r.Id, exam.Mode, exam.Domain, r.StartedAt, exam.SubmittedAt ?? r.CompletedAt, data.Items.Count,
                score.Percent, score.Passed, exam.PredictedReadiness, exam.SubmittedByTime);
        }).ToList();
    }

    /// <summary>Everything the certification page shows a learner about themselves; null when there is no such certification.</summary>
    public async Task<CertificationProgress?> ProgressAsync(string learnerId, string certificationId, CancellationToken ct = default)
    {
        var readiness = await ReadinessAsync(learnerId, certificationId, ct);
        if (readiness is null)
        {
            return null;
        }

        var attempts = await AttemptsAsync(learnerId, certificationId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runningIds = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == learnerId && s.SessionType == SessionType.Certification && s.CertificationId == certificationId
                && s.Status == SessionStatus.Active)
            .OrderByDescending(s => s.LastAccessedAt)
            .Select(s => s.Id)
            .Take(20)
            .ToListAsync(ct);
        var running = new List<ExamAttempt>();
        foreach (var id in runningIds)
        {
            if (await GetAsync(learnerId, id, ct) is { Status: SessionStatus.Active } attempt)
            {
                running.Add(attempt);
            }
        }

        // An exam handed in by its deadline just now belongs with the attempts.
        if (running.Count < runningIds.Count)
        {
            attempts = await AttemptsAsync(learnerId, certificationId, ct);
        }

        return new CertificationProgress(readiness, attempts, running, Calibration.From(attempts));
    }

    /// <summary>Readiness for one certification: per domain and overall, from the learner's recall today.</summary>
    public async Task<ReadinessReport?> ReadinessAsync(string learnerId, string certificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificationId, ct);
        if (certification is null)
        {
            return null;
        }

        var domainOf = await DomainsOfAsync(db, certificationId, ct);
        var recall = await reviews.GetRecallAsync(learnerId, domainOf.Keys.ToList(), ct);
        return Readiness.Compute(Blueprint(certification), domainOf, recall.Recall);
    }

    /// <summary>Overall readiness for every certification the learner has started (any question recalled), by certification id.</summary>
    public async Task<IReadOnlyDictionary<string, double>> ReadinessAllAsync(string learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reviewed = await db.ReviewCards.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && c.LastReview != null)
            .Select(c => c.QuestionId)
            .ToListAsync(ct);
        if (reviewed.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var certifications = await db.Certifications.AsNoTracking().ToListAsync(ct);
        var ids = certifications.Select(c => c.Id).ToList();
        var started = await db.ChannelMappings.AsNoTracking()
            .Where(m => ids.Contains(m.ChannelId) && reviewed.Contains(m.QuestionId))
            .Select(m => m.ChannelId)
            .Distinct()
            .ToListAsync(ct);
        // Every started certification's mappings and the learner's recall, read once; readiness computed for each.
        var mappings = await db.ChannelMappings.AsNoTracking()
            .Where(m => started.Contains(m.ChannelId) && m.Question!.Status == QuestionStatus.Active)
            .Select(m => new { m.ChannelId, m.QuestionId, m.SubChannel })
            .ToListAsync(ct);
        var recall = await reviews.GetRecallAsync(learnerId, reviewed, ct);
        return certifications.Where(c => started.Contains(c.Id)).ToDictionary(
            c => c.Id,
            c => Readiness.Compute(Blueprint(c),
                mappings.Where(m => m.ChannelId == c.Id).ToDictionary(m => m.QuestionId, m => m.SubChannel, StringComparer.Ordinal),
                recall.Recall).Overall,
            StringComparer.Ordinal);
    }

    /// <summary>Hands in every timed attempt whose deadline has passed (the learner may never come back to it); returns how many.</summary>
    public async Task<int> SubmitExpiredAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.UserSessions.AsNoTracking()
            // Only timed exams have a deadline (their key ends in /exam): practice sessions are not read.
            .Where(s => s.SessionType == SessionType.Certification && s.Status == SessionStatus.Active && s.SessionKey.EndsWith("/" + ExamModes.Exam))
            .Select(s => new { s.Id, s.UserId, s.SessionData })
            .ToListAsync(ct);
        var now = clock.UtcNow();
        var count = 0;
        foreach (var s in active.Where(s => s.UserId is not null && s.SessionData?.Deadline is { } d && ExamClock.Expired(d, now)))
        {
            await SubmitAsync(s.UserId!, s.Id, ct);
            count++;
        }

        return count;
    }

    public static IReadOnlyList<BlueprintDomain> Blueprint(Certification certification) =>
        (certification.Domains ?? []).Select(d => new BlueprintDomain(d.Id, d.Name, d.Weight)).ToList();

    private static ExamMark? ToMark(int? grade) => grade is >= 1 and <= 3 ? (ExamMark)grade.Value : grade is 4 ? ExamMark.Correct : null;

    private static List<DomainPool> Pools(
        IReadOnlyList<BlueprintDomain> blueprint, IReadOnlyDictionary<string, string> domainOf, RecallToday recall, string? onlyDomain)
    {
        var known = blueprint.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var byDomain = domainOf
            .GroupBy(p => known.Contains(p.Value) ? p.Value : DomainAssigner.General)
            .ToDictionary(g => g.Key, g => g.Select(p => new Candidate(p.Key, recall.Mastered(p.Key))).OrderBy(c => c.QuestionId, StringComparer.Ordinal).ToList());
        var pools = blueprint
            .Select(d => new DomainPool(d.Id, d.Weight, byDomain.GetValueOrDefault(d.Id) ?? []))
            .Append(new DomainPool(DomainAssigner.General, 0, byDomain.GetValueOrDefault(DomainAssigner.General) ?? []))
            .ToList();
        return onlyDomain is null ? pools : pools.Where(p => p.Domain == onlyDomain).Select(p => p with { Weight = 1 }).ToList();
    }

    /// <summary>The certification's active questions and the domain each is placed in (access pattern 3).</summary>
    private static async Task<Dictionary<string, string>> DomainsOfAsync(AppDbContext db, string certificationId, CancellationToken ct) =>
        await db.ChannelMappings.AsNoTracking()
            .Where(m => m.ChannelId == certificationId && m.Question!.Status == QuestionStatus.Active)
            .Select(m => new { m.QuestionId, m.SubChannel })
            .ToDictionaryAsync(m => m.QuestionId, m => m.SubChannel, StringComparer.Ordinal, ct);

    private sealed record QuestionText(string Id, string Text, string Answer, List<QuestionOption>? Options);

    private async Task<Dictionary<string, QuestionText>> QuestionsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = ids.ToList();
        return await db.Questions.AsNoTracking()
            .Where(q => list.Contains(q.Id))
            .Select(q => new QuestionText(q.Id, q.Text, q.Answer, q.Options))
            .ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, ct);
    }
}
