using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Certifications;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Certifications;

/// <summary>Certification attempts on real SQLite with the starter content, under a controlled clock.</summary>
public sealed class ExamServiceTests : IAsyncLifetime
{
    private const string Certification = "cloud-architecture-foundations";
    private const string Learner = "learner-1";

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private SessionService _sessions = null!;
    private ReviewService _reviews = null!;
    private ExamService _exams = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _sessions = new SessionService(_db.Factory, _clock);
        _reviews = _db.ReviewService();
        _exams = new ExamService(_db.Factory, _sessions, _reviews, _clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<ExamAttempt?> StartExamAsync(int length = 10, bool intoReview = true) =>
        _exams.StartAsync(new ExamRequest(Learner, Certification, ExamModes.Exam, length, IntoReview: intoReview));

    private async Task<Certification> CertificationAsync()
    {
        await using var db = _db.CreateContext();
        return await db.Certifications.AsNoTracking().SingleAsync(c => c.Id == Certification);
    }

    [Fact]
    public async Task AnExam_IsDrawnByTheBlueprint_WithItsDeadlineFixedAtTheStart()
    {
        var certification = await CertificationAsync();
        var attempt = await StartExamAsync(10);

        Assert.NotNull(attempt);
        Assert.Equal(10, attempt.Items.Count);
        Assert.Equal(10, attempt.Items.Distinct().Count());
        // 30/25/25/20 over 10 seats: 3, 2.5, 2.5, 2 → 3, 3, 2, 2 (ties to the earlier domain).
        var perDomain = attempt.Items.GroupBy(id => attempt.Exam.Domains[id]).ToDictionary(g => g.Key, g => g.Count());
        var seats = ExamDraw.Apportion(certification.Domains!.Select(d => new DomainShare(d.Id, d.Weight, 99)).ToList(), 10);
        Assert.Equal(seats.Where(s => s.Value > 0).ToDictionary(), perDomain);
        var minutes = ExamClock.MinutesFor(10, certification.QuestionCount, certification.ExamDuration);
        Assert.Equal(minutes, attempt.Exam.Minutes);
        Assert.Equal(_clock.Now.UtcDateTime.AddMinutes(minutes), attempt.Deadline);
        Assert.Equal(0, attempt.Exam.PredictedReadiness);

        // Opening it again (a reload, another device) resumes the same attempt, clock included.
        _clock.Advance(TimeSpan.FromMinutes(3));
        var again = await StartExamAsync(20);
        Assert.Equal(attempt.SessionId, again!.SessionId);
        Assert.Equal(attempt.Deadline, again.Deadline);
        Assert.Equal(attempt.Items, again.Items);
    }

    [Fact]
    public async Task AfterTheDeadline_AnswersAreRefused_AndTheAttemptIsHandedInWithWhatWasAnswered()
    {
        var attempt = (await StartExamAsync(10))!;
        var (first, second) = (attempt.Items[0], attempt.Items[1]);
        await _sessions.SaveAsync(attempt.SessionId, Learner, 0, first, new ItemStep(Answer: "load balancer"));
        _clock.Advance(TimeSpan.FromMinutes(attempt.Exam.Minutes!.Value) + TimeSpan.FromSeconds(1));

        // A tab still open sends an answer after the deadline: it is not taken.
        await _sessions.SaveAsync(attempt.SessionId, Learner, 1, second, new ItemStep(Answer: "too late", Flagged: true));
        var found = await _exams.FindActiveAsync(Learner, attempt.SessionKey);

        Assert.Null(found); // handed in on opening
        var handedIn = (await _exams.GetAsync(Learner, attempt.SessionId))!;
        Assert.Equal(SessionStatus.Completed, handedIn.Status);
        Assert.True(handedIn.Exam.SubmittedByTime);
        Assert.Equal(attempt.Deadline, handedIn.Exam.SubmittedAt);
        Assert.Equal("load balancer", handedIn.Data.StateOf(first).Answer);
        Assert.Null(handedIn.Data.StateOf(second).Answer);
        Assert.False(handedIn.Data.StateOf(second).Flagged);
    }

    [Fact]
    public async Task AnExamNobodyOpensAgain_IsHandedInByTheSweep()
    {
        var attempt = (await StartExamAsync(10))!;
        var other = (await _exams.StartAsync(new ExamRequest("learner-2", Certification, ExamModes.Exam, 40)))!;

        _clock.Advance(TimeSpan.FromMinutes(attempt.Exam.Minutes!.Value));
        var handedIn = await _exams.SubmitExpiredAsync();

        // The other learner's exam is longer (every question there is) and still has time.
        Assert.True(other.Exam.Minutes > attempt.Exam.Minutes);
        Assert.Equal(1, handedIn);
        Assert.Equal(SessionStatus.Completed, (await _exams.GetAsync(Learner, attempt.SessionId))!.Status);
        Assert.Equal(SessionStatus.Active, (await _exams.GetAsync("learner-2", other.SessionId))!.Status);
        Assert.Equal(0, await _exams.SubmitExpiredAsync());
    }

    [Fact]
    public async Task MarksAreTheLearners_NoneWhileTheExamRuns_AndTheFirstMarkFeedsReviewOnce()
    {
        var attempt = (await StartExamAsync(10))!;
        var q = attempt.Items[0];
        Assert.False(await _exams.MarkAsync(Learner, attempt.SessionId, q, ExamMark.Correct)); // no feedback until the end

        await _exams.SubmitAsync(Learner, attempt.SessionId);
        Assert.True(await _exams.MarkAsync(Learner, attempt.SessionId, q, ExamMark.Wrong));
        Assert.True(await _exams.MarkAsync(Learner, attempt.SessionId, q, ExamMark.Correct)); // changed mind
        Assert.False(await _exams.MarkAsync(Learner, attempt.SessionId, "not-in-this-exam", ExamMark.Correct));
        Assert.False(await _exams.MarkAsync("someone-else", attempt.SessionId, q, ExamMark.Correct));

        await using var db = _db.CreateContext();
        var logs = await db.ReviewLogs.Where(l => l.LearnerId == Learner).ToListAsync();
        Assert.Equal((int)Grade.Again, Assert.Single(logs).Grade); // wrong → Again, once
        var result = (await _exams.ResultAsync(Learner, attempt.SessionId))!;
        Assert.Equal(ExamMark.Correct, result.Items[0].Mark);
    }

    [Fact]
    public async Task TurningReviewOff_KeepsMarksOutOfReview()
    {
        var attempt = (await StartExamAsync(10, intoReview: false))!;
        await _exams.SubmitAsync(Learner, attempt.SessionId);
        await _exams.MarkAsync(Learner, attempt.SessionId, attempt.Items[0], ExamMark.Correct);

        await using var db = _db.CreateContext();
        Assert.Equal(0, await db.ReviewCards.CountAsync(c => c.LearnerId == Learner));
    }

    [Fact]
    public async Task Results_WeighDomainsByTheBlueprint_AndSuggestMarksForWrittenAnswers()
    {
        var attempt = (await StartExamAsync(10))!;
        await using (var db = _db.CreateContext())
        {
            // The first question answered with its own model answer: every key term covered.
            var answer = await db.Questions.Where(q => q.Id == attempt.Items[0]).Select(q => q.Answer).SingleAsync();
            await _sessions.SaveAsync(attempt.SessionId, Learner, 0, attempt.Items[0], new ItemStep(Answer: answer));
            await _sessions.SaveAsync(attempt.SessionId, Learner, 1, attempt.Items[1], new ItemStep(Answer: "no idea"));
        }

        await _exams.SubmitAsync(Learner, attempt.SessionId);
        var result = (await _exams.ResultAsync(Learner, attempt.SessionId))!;

        Assert.Equal(ExamMark.Correct, result.Items[0].Suggested);
        Assert.Equal(ExamMark.Wrong, result.Items[1].Suggested);
        Assert.Null(result.Items[2].Suggested);
        Assert.Equal(10, result.Unmarked);
        var certification = await CertificationAsync();
        var firstDomain = result.Items[0].Domain;
        var weight = certification.Domains!.Single(d => d.Id == firstDomain).Weight;
        var inDomain = result.Items.Count(i => i.Domain == firstDomain);
        // One of its questions right (by suggestion), nothing else: the score is that domain's share, weighted.
        Assert.Equal(weight * (100.0 / inDomain) / 100, result.Score.Percent, 6);

        // Accepting the suggestions marks the two written answers; the rest stay the learner's to mark.
        Assert.Equal(2, await _exams.AcceptSuggestedAsync(Learner, attempt.SessionId));
        Assert.Equal(8, (await _exams.ResultAsync(Learner, attempt.SessionId))!.Unmarked);
    }

    [Fact]
    public async Task Attempts_AreKept_WithTheReadinessPredictedBefore_AndHowWellItMatched()
    {
        // Study two questions well first, so readiness before the exam is above zero.
        var certification = await CertificationAsync();
        await using (var db = _db.CreateContext())
        {
            var ids = await db.ChannelMappings.Where(m => m.ChannelId == Certification).Select(m => m.QuestionId).Take(2).ToListAsync();
            foreach (var id in ids)
            {
                await _reviews.SelfGradeAsync(Learner, id, Grade.Easy, TimeSpan.FromSeconds(5));
            }
        }

        var readiness = (await _exams.ReadinessAsync(Learner, Certification))!;
        Assert.True(readiness.Overall > 0);
        Assert.True(readiness.Started);

        var attempt = (await StartExamAsync(10))!;
        Assert.Equal(readiness.Overall, attempt.Exam.PredictedReadiness!.Value, 6);
        await _exams.SubmitAsync(Learner, attempt.SessionId);
        foreach (var id in attempt.Items)
        {
            await _exams.MarkAsync(Learner, attempt.SessionId, id, ExamMark.Correct);
        }

        var attempts = await _exams.AttemptsAsync(Learner, Certification);
        var summary = Assert.Single(attempts);
        Assert.Equal(100, summary.Score, 6);
        Assert.True(summary.Passed);
        var calibration = Calibration.From(attempts)!;
        Assert.Equal(100 - 100 * readiness.Overall, calibration.MeanSigned, 6);
        Assert.Equal(certification.PassingScore, (await _exams.ResultAsync(Learner, attempt.SessionId))!.Score.PassingScore);

        var progress = (await _exams.ProgressAsync(Learner, Certification))!;
        Assert.Single(progress.Attempts);
        Assert.Empty(progress.Running);
        // The catalog's readiness, computed for all started certifications at once, is the page's.
        var all = await _exams.ReadinessAllAsync(Learner);
        Assert.Equal((await _exams.ReadinessAsync(Learner, Certification))!.Overall, all[Certification], 9);
        Assert.Empty(await _exams.ReadinessAllAsync("nobody"));
    }

    [Fact]
    public async Task ADrill_TakesOneDomain_AndRetryTakesWhatWasMissed()
    {
        var certification = await CertificationAsync();
        var domain = certification.Domains![0].Id;
        var drill = (await _exams.StartAsync(new ExamRequest(Learner, Certification, ExamModes.Drill, 0, domain)))!;

        Assert.Null(drill.Deadline);
        Assert.All(drill.Items, id => Assert.Equal(domain, drill.Exam.Domains[id]));
        await using (var db = _db.CreateContext())
        {
            Assert.Equal(await db.ChannelMappings.CountAsync(m => m.ChannelId == Certification && m.SubChannel == domain), drill.Items.Count);
        }

        Assert.Null(await _exams.StartAsync(new ExamRequest(Learner, Certification, ExamModes.Drill, 0, "no-such-domain")));

        var exam = (await StartExamAsync(10))!;
        await _exams.SubmitAsync(Learner, exam.SessionId);
        await _exams.MarkAsync(Learner, exam.SessionId, exam.Items[0], ExamMark.Correct);
        var retry = (await _exams.StartRetryAsync(Learner, exam.SessionId))!;

        Assert.Equal(exam.Items.Skip(1), retry.Items);
        Assert.Equal(ExamModes.Practice, retry.Exam.Mode);
        Assert.Null(await _exams.StartRetryAsync("someone-else", exam.SessionId));
    }

    [Fact]
    public async Task AMultipleChoiceQuestion_IsMarkedByTheOptionChosen_AndFeedsReview()
    {
        var certification = await CertificationAsync();
        await using (var db = _db.CreateContext())
        {
            var domain = certification.Domains![0].Id;
            db.Questions.Add(new Question
            {
                Id = "cert-choice-1", Text = "Which store keeps data sorted by key?", Answer = "B. A B-tree", Explanation = "", Channel = "databases",
                SubChannel = "indexing", Difficulty = Difficulty.Beginner, CreatedAt = _clock.Now.UtcDateTime, LastUpdated = _clock.Now.UtcDateTime,
                Options = [new("a", "A heap", false), new("b", "A B-tree", true), new("c", "A queue", false)],
            });
            db.Questions.Add(new Question
            {
                Id = "cert-choice-2", Text = "Which one is a log?", Answer = "A. A WAL", Explanation = "", Channel = "databases",
                SubChannel = "indexing", Difficulty = Difficulty.Beginner, CreatedAt = _clock.Now.UtcDateTime, LastUpdated = _clock.Now.UtcDateTime,
                Options = [new("a", "A WAL", true), new("b", "A tree", false)],
            });
            db.ChannelMappings.Add(new ChannelMapping { ChannelId = Certification, SubChannel = domain, QuestionId = "cert-choice-1", DomainAssignedBy = "admin" });
            db.ChannelMappings.Add(new ChannelMapping { ChannelId = Certification, SubChannel = domain, QuestionId = "cert-choice-2", DomainAssignedBy = "admin" });
            await db.SaveChangesAsync();
        }

        var attempt = (await _exams.StartAsync(new ExamRequest(Learner, Certification, ExamModes.Drill, 0, certification.Domains![0].Id)))!;
        Assert.Contains("cert-choice-1", attempt.Items);
        await _sessions.SaveAsync(attempt.SessionId, Learner, 0, "cert-choice-1", new ItemStep(Answer: "b"));
        await _sessions.SaveAsync(attempt.SessionId, Learner, 0, "cert-choice-2", new ItemStep(Answer: "b"));

        await _exams.SubmitAsync(Learner, attempt.SessionId);
        var result = (await _exams.ResultAsync(Learner, attempt.SessionId))!;

        Assert.Equal(ExamMark.Correct, result.Items.Single(i => i.QuestionId == "cert-choice-1").Mark);
        Assert.Equal(ExamMark.Wrong, result.Items.Single(i => i.QuestionId == "cert-choice-2").Mark);
        Assert.True(result.Items.Single(i => i.QuestionId == "cert-choice-1").Choice);
        // Open questions not attempted in an untimed drill stay unmarked; a choice cannot be re-marked by hand.
        Assert.All(result.Items.Where(i => !i.Choice), i => Assert.Null(i.Mark));
        Assert.False(await _exams.MarkAsync(Learner, attempt.SessionId, "cert-choice-2", ExamMark.Correct));
        await using var check = _db.CreateContext();
        var logs = await check.ReviewLogs.Where(l => l.LearnerId == Learner).OrderBy(l => l.QuestionId).Select(l => new { l.QuestionId, l.Grade }).ToListAsync();
        Assert.Equal([("cert-choice-1", (int)Grade.Good), ("cert-choice-2", (int)Grade.Again)], logs.Select(l => (l.QuestionId, l.Grade)));
    }
}
