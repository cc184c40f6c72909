using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Moderation;

/// <summary>Learners' reports and the moderation queue, on the real database.</summary>
public sealed class ModerationTests : IAsyncLifetime
{
    private static readonly ChangeSource Admin = new(HistoryEventSources.Admin, "ada@example.test");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private ModerationService _moderation = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        _moderation = new ModerationService(_db.Factory, _db.Changes, _clock);
        foreach (var (id, status) in new[] { ("q-1", QuestionStatus.Active), ("q-2", QuestionStatus.Flagged), ("q-3", QuestionStatus.Active), ("gone", QuestionStatus.Deleted) })
        {
            await _db.Changes.UpsertAsync(new QuestionData
            {
                Id = id, Text = $"Question {id}?", Answer = "An answer.", Channel = "databases", SubChannel = "sql", Status = status,
            }, new ChangeSource(HistoryEventSources.Import, "seed"));
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AReport_IsSent_AndListedForItsReporterOnly()
    {
        var outcome = await _moderation.SubmitAsync("anon-1", null, "q-1", "wrong-answer", "  The join is a left join.  ");

        Assert.True(outcome.Sent, outcome.Message);
        var mine = Assert.Single(await _moderation.MineAsync("anon-1", "q-1"));
        Assert.Equal((ReportCategory.WrongAnswer, ReportStatus.Open), (mine.Category, mine.Status));
        Assert.Empty(await _moderation.MineAsync("anon-2", "q-1"));
        await using var db = _db.CreateContext();
        Assert.Equal("The join is a left join.", (await db.QuestionReports.SingleAsync()).Text);
    }

    [Theory]
    [InlineData("q-1", "", "x", "Choose what is wrong")]
    [InlineData("q-1", "complaint", "x", "Choose what is wrong")]
    [InlineData("q-1", "other", "   ", "Say what is wrong")]
    [InlineData("gone", "typo", null, "no such question")]
    [InlineData("q-404", "typo", null, "no such question")]
    public async Task BadReports_AreRefusedWithTheReason(string question, string category, string? text, string reason)
    {
        var outcome = await _moderation.SubmitAsync("anon-1", null, question, category, text);

        Assert.False(outcome.Sent);
        Assert.Contains(reason, outcome.Message);
        await using var db = _db.CreateContext();
        Assert.False(await db.QuestionReports.AnyAsync());
    }

    [Fact]
    public async Task ATooLongDescription_IsRefused()
    {
        var outcome = await _moderation.SubmitAsync("anon-1", null, "q-1", "typo", new string('x', QuestionReport.MaxTextLength + 1));

        Assert.False(outcome.Sent);
        Assert.Contains("the limit is 2,000", outcome.Message);
    }

    [Fact]
    public async Task OneOpenReportPerQuestion_AndAFewPerHour()
    {
        Assert.True((await _moderation.SubmitAsync("anon-1", null, "q-1", "typo", null)).Sent);
        Assert.Contains("already reported", (await _moderation.SubmitAsync("anon-1", null, "q-1", "duplicate", null)).Message);

        await using (var db = _db.CreateContext())
        {
            // Four more questions, so the learner reaches the hourly limit.
            for (var i = 0; i < ModerationService.HourlyLimit; i++)
            {
                db.Questions.Add(new Question { Id = $"extra-{i}", Text = "Extra?", Answer = "A.", Explanation = "", Channel = "databases", SubChannel = "sql" });
            }

            await db.SaveChangesAsync();
        }

        for (var i = 0; i < ModerationService.HourlyLimit - 1; i++)
        {
            Assert.True((await _moderation.SubmitAsync("anon-1", null, $"extra-{i}", "typo", null)).Sent);
        }

        var limited = await _moderation.SubmitAsync("anon-1", null, $"extra-{ModerationService.HourlyLimit - 1}", "typo", null);
        Assert.False(limited.Sent);
        Assert.Contains("in the last hour", limited.Message);
        // Another learner is not held back, and an hour later neither is this one.
        Assert.True((await _moderation.SubmitAsync("anon-2", null, "q-1", "typo", null)).Sent);
        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True((await _moderation.SubmitAsync("anon-1", null, $"extra-{ModerationService.HourlyLimit - 1}", "typo", null)).Sent);
    }

    [Fact]
    public async Task VisitorsWithoutAnAccount_ShareAnHourlyLimit_SignedInLearnersDoNot()
    {
        await using (var db = _db.CreateContext())
        {
            db.QuestionReports.AddRange(Enumerable.Range(0, ModerationService.AnonymousHourlyLimit).Select(i => new QuestionReport
            {
                QuestionId = "q-3", ReporterId = $"anon-script-{i}", Category = ReportCategory.Typo, CreatedAt = _clock.GetUtcNow().UtcDateTime.AddMinutes(-5),
            }));
            await db.SaveChangesAsync();
        }

        var anonymous = await _moderation.SubmitAsync("anon-new", null, "q-1", "typo", null);
        var signedIn = await _moderation.SubmitAsync("user-1", "bea@example.test", "q-1", "typo", null);

        Assert.False(anonymous.Sent);
        Assert.Contains("sign in to send yours", anonymous.Message);
        Assert.True(signedIn.Sent, signedIn.Message);
    }

    [Fact]
    public async Task TheQueue_HasReportedQuestionsOldestFirst_ThenFlaggedOnes()
    {
        await _moderation.SubmitAsync("anon-1", null, "q-3", "typo", null);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _moderation.SubmitAsync("anon-1", null, "q-1", "typo", null);
        await _moderation.SubmitAsync("anon-2", null, "q-1", "wrong-answer", "Off by one.");

        var queue = await _moderation.QueueAsync();

        Assert.Equal(["q-3", "q-1", "q-2"], queue.Select(i => i.QuestionId));
        Assert.Equal(2, queue[1].Reports.Count);
        Assert.Empty(queue[2].Reports);
        Assert.Equal(3, await _moderation.OpenCountAsync());
    }

    [Fact]
    public async Task Fixed_ResolvesEveryOpenReport_AndUnflagsTheQuestionWithHistory()
    {
        await _moderation.SubmitAsync("anon-1", null, "q-2", "typo", null);
        await _moderation.SubmitAsync("anon-2", null, "q-2", "typo", null);

        Assert.Equal(2, await _moderation.ResolveAsync("q-2", ReportStatus.Fixed, Admin));

        Assert.Equal(ReportStatus.Fixed, Assert.Single(await _moderation.MineAsync("anon-1", "q-2")).Status);
        await using var db = _db.CreateContext();
        Assert.Equal(QuestionStatus.Active, (await db.Questions.SingleAsync(q => q.Id == "q-2")).Status);
        var history = await db.QuestionHistory.Where(h => h.QuestionId == "q-2").OrderByDescending(h => h.Id).FirstAsync();
        Assert.Equal(("admin", "ada@example.test"), (history.EventSource, history.SourceName));
        Assert.Contains("2 report(s) resolved as fixed", history.Reason);
        Assert.DoesNotContain(await _moderation.QueueAsync(), i => i.QuestionId == "q-2");
    }

    [Fact]
    public async Task Archive_RetiresTheQuestion_AndResolvesItsReports()
    {
        await _moderation.SubmitAsync("anon-1", null, "q-1", "duplicate", "Same as q-3.");

        await _moderation.ResolveAsync("q-1", ReportStatus.Archived, Admin);

        await using var db = _db.CreateContext();
        Assert.Equal(QuestionStatus.Archived, (await db.Questions.SingleAsync(q => q.Id == "q-1")).Status);
        var report = await db.QuestionReports.SingleAsync();
        Assert.Equal((ReportStatus.Archived, "ada@example.test"), (report.Status, report.ResolvedBy));
        Assert.Equal(0, await _moderation.OpenCountAsync());
    }
}
