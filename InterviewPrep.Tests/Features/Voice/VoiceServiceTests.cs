using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Voice;
using InterviewPrep.Web.Features.Voice.Grading;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Voice;

/// <summary>Voice interviews on real SQLite with the starter content: started, answered, resumed, fed into review, retried.</summary>
public sealed class VoiceServiceTests : IAsyncLifetime
{
    private const string Interview = "system-design-building-blocks";
    private const string Learner = "learner-1";

    private const string GoodAnswer =
        "so a load balancer sits in front of several app servers and spreads the requests across them so that no single server is overloaded " +
        "and because it runs health checks it stops sending traffic to a server that fails which removes a single point of failure " +
        "for example round robin or least connections decide where each request goes and layer seven balancers can route by the url too";

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private VoiceService _voice = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _voice = _db.VoiceService();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AnAnswer_IsGradedAndSavedInOneWrite_AndAReloadResumesAtTheSameQuestionWithItsGrade()
    {
        var attempt = await _voice.StartAsync(Learner, Interview);
        Assert.NotNull(attempt);
        Assert.Equal(5, attempt.Questions.Count);
        var first = attempt.Questions[0].Id;

        var (grade, error) = await _voice.AnswerAsync(Learner, attempt.View.Id, first, GoodAnswer, TimeSpan.FromSeconds(40), spoken: true);

        Assert.Null(error);
        Assert.NotNull(grade);
        Assert.InRange(grade.Delivery.WordsPerMinute!.Value, 80, 140);
        var resumed = await _voice.StartAsync(Learner, Interview);
        Assert.Equal(attempt.View.Id, resumed!.View.Id);
        Assert.Equal(first, resumed.Current!.Id);
        Assert.Equal(GoodAnswer, resumed.Data.StateOf(first).Answer);
        var saved = resumed.Part.Answers[first];
        Assert.Equal((grade.Score, grade.Verdict, true, 40_000L), (saved.Score, saved.Verdict, saved.Spoken, saved.DurationMs));
        // The grade shown after a reload is the one given (the grader is deterministic).
        Assert.Equal(grade.Score, (await _voice.RegradeAsync(resumed, first))!.Score);
    }

    [Fact]
    public async Task TheFirstAnswer_FeedsReview_WithTheVerdictsGrade_UnlessTheLearnerTurnedItOff()
    {
        var attempt = await _voice.StartAsync(Learner, Interview);
        var (first, second) = (attempt!.Questions[0].Id, attempt.Questions[1].Id);

        var (grade, _) = await _voice.AnswerAsync(Learner, attempt.View.Id, first, GoodAnswer, TimeSpan.FromSeconds(30), spoken: true);
        await _voice.AnswerAsync(Learner, attempt.View.Id, first, "i am not sure", TimeSpan.FromSeconds(5), spoken: true);
        await _voice.SetIntoReviewAsync(Learner, attempt.View.Id, intoReview: false);
        await _voice.AnswerAsync(Learner, attempt.View.Id, second, GoodAnswer, TimeSpan.FromSeconds(30), spoken: true);

        await using var db = _db.CreateContext();
        var logs = await db.ReviewLogs.AsNoTracking().Where(l => l.LearnerId == Learner).ToListAsync(TestContext.Current.CancellationToken);
        var log = Assert.Single(logs);
        Assert.Equal(first, log.QuestionId);
        Assert.Equal((int)VoiceService.GradeOf(grade!.Verdict), (int)log.Grade);
        // The second try replaced the answer and its grade in the attempt, and counts as a try.
        var after = await _voice.LoadAsync(Learner, attempt.View.Id);
        Assert.Equal(2, after!.Part.Answers[first].Tries);
        Assert.Equal("i am not sure", after.Data.StateOf(first).Answer);
    }

    [Fact]
    public async Task AnEmptyOrOverlongAnswer_OrSomeoneElsesAttempt_IsRefusedWithAReason_AndNothingIsSaved()
    {
        var attempt = await _voice.StartAsync(Learner, Interview);
        var first = attempt!.Questions[0].Id;

        var empty = await _voice.AnswerAsync(Learner, attempt.View.Id, first, "   ", TimeSpan.Zero, spoken: false);
        var overlong = await _voice.AnswerAsync(Learner, attempt.View.Id, first, new string('a', VoiceService.MaxTranscript + 1), TimeSpan.Zero, spoken: false);
        var stranger = await _voice.AnswerAsync("learner-2", attempt.View.Id, first, GoodAnswer, TimeSpan.Zero, spoken: false);
        var elsewhere = await _voice.AnswerAsync(Learner, attempt.View.Id, "ip-nw-001", GoodAnswer, TimeSpan.Zero, spoken: false);

        Assert.Equal("Say or type an answer first.", empty.Error);
        Assert.Contains("longer than", overlong.Error);
        Assert.NotNull(stranger.Error);
        Assert.NotNull(elsewhere.Error);
        Assert.Empty((await _voice.LoadAsync(Learner, attempt.View.Id))!.Part.Answers);
    }

    [Fact]
    public async Task ADraft_IsKeptForTheReload_AndTheLastAnswerEndsTheInterview_WithItsScoreInTheHistoryAndTheCatalog()
    {
        var attempt = await _voice.StartAsync(Learner, Interview);
        await _voice.SaveDraftAsync(Learner, attempt!.View.Id, 0, attempt.Questions[0].Id, "half an answer");
        Assert.Equal("half an answer", (await _voice.LoadAsync(Learner, attempt.View.Id))!.Data.StateOf(attempt.Questions[0].Id).Recall);

        foreach (var question in attempt.Questions)
        {
            await _voice.AnswerAsync(Learner, attempt.View.Id, question.Id, question == attempt.Questions[0] ? GoodAnswer : "no idea really", TimeSpan.FromSeconds(20), spoken: false);
        }

        var done = await _voice.LoadAsync(Learner, attempt.View.Id);
        Assert.True(done!.Finished);
        var history = await _voice.HistoryAsync(Learner, VoiceService.SessionKey(Interview));
        var entry = Assert.Single(history);
        Assert.Equal(done.Part.Score, entry.Score);
        Assert.Equal(5, entry.Answered);
        var card = Assert.Single(await _voice.CatalogAsync(Learner), c => c.Id == Interview);
        Assert.Equal((done.Part.Score, done.Part.Score, false), (card.Best, card.LastScore, card.InProgress));
        Assert.All((await _voice.CatalogAsync(null)), c => Assert.Null(c.Best));

        // Retrying the weak ones: a new attempt of the questions below good only.
        var retry = await _voice.StartRetryAsync(Learner, attempt.View.Id, Interview);
        Assert.NotNull(retry);
        Assert.Equal(done.Data.Items.Where(id => done.Part.Answers[id].Score < 60), retry.Data.Items);
        Assert.NotEqual(attempt.View.Id, retry.View.Id);
        Assert.Null(await _voice.StartRetryAsync("learner-2", attempt.View.Id, Interview));
    }

    [Fact]
    public async Task OneQuestion_CanBePractisedAlone_AndAnUnknownOneIsRefused()
    {
        var alone = await _voice.StartQuestionAsync(Learner, "ip-nw-001");

        Assert.NotNull(alone);
        Assert.Equal(["ip-nw-001"], alone.Data.Items);
        Assert.Equal(VoiceService.QuestionKey("ip-nw-001"), alone.View.SessionKey);
        Assert.Null(await _voice.StartQuestionAsync(Learner, "no-such-question"));
        Assert.Null(await _voice.StartAsync(Learner, "no-such-interview"));
    }

    [Theory]
    [InlineData(VoiceGrade.Excellent, Grade.Easy)]
    [InlineData(VoiceGrade.Good, Grade.Good)]
    [InlineData(VoiceGrade.NeedsWork, Grade.Hard)]
    [InlineData(VoiceGrade.Poor, Grade.Again)]
    public void Verdicts_MapToReviewGrades(string verdict, Grade grade) => Assert.Equal(grade, VoiceService.GradeOf(verdict));
}
