using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Moderation;

/// <summary>What became of a learner's report: sent, or refused with the reason.</summary>
public sealed record ReportOutcome(bool Sent, string Message);

/// <summary>A learner's own report on a question, as the question page lists it.</summary>
public sealed record MyReport(int Id, ReportCategory Category, DateTime CreatedAt, ReportStatus Status, DateTime? ResolvedAt);

/// <summary>One question in the moderation queue: its open reports, and whether it is flagged.</summary>
public sealed record QueueItem(string QuestionId, string Text, string Channel, QuestionStatus Status, IReadOnlyList<QuestionReport> Reports);

/// <summary>
/// Learners' "Report a problem" and the admins' moderation queue. Reports are rate-limited per
/// learner; resolving a question's reports (fixed, dismissed) takes it off the queue, and archiving
/// retires the question, in one transaction with its history row.
/// </summary>
public sealed class ModerationService(IDbContextFactory<AppDbContext> dbFactory, ContentChangeService changes, TimeProvider clock)
{
    /// <summary>Reports one learner may send in an hour.</summary>
    public const int HourlyLimit = 5;

    /// <summary>
    /// Reports all visitors without an account may send in an hour, together: a script that mints a
    /// new anonymous learner for every report cannot flood the queue; signed-in learners still report.
    /// </summary>
    public const int AnonymousHourlyLimit = 50;

    public const int MaxQueue = 200;

    public static string ToText(ReportCategory category) => category switch
    {
        ReportCategory.WrongAnswer => "The answer is wrong",
        ReportCategory.Typo => "A typo or a broken sentence",
        ReportCategory.BrokenDiagram => "The diagram does not show",
        ReportCategory.Duplicate => "It repeats another question",
        ReportCategory.Outdated => "It is out of date",
        _ => "Something else",
    };

    public static string ToText(ReportStatus status) => status switch
    {
        ReportStatus.Open => "waiting for an admin",
        ReportStatus.Fixed => "resolved: fixed",
        ReportStatus.Dismissed => "resolved: no change needed",
        _ => "resolved: the question was retired",
    };

    public async Task<ReportOutcome> SubmitAsync(
        string reporterId, string? reporterName, string questionId, string? category, string? text, CancellationToken ct = default)
    {
        if (!Vocabulary.TryParse<ReportCategory>(category, out var parsed))
        {
            return new ReportOutcome(false, "Choose what is wrong.");
        }

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text?.Length > QuestionReport.MaxTextLength)
        {
            return new ReportOutcome(false, $"The description is {text.Length:N0} characters long; the limit is {QuestionReport.MaxTextLength:N0}.");
        }

        if (parsed == ReportCategory.Other && text is null)
        {
            return new ReportOutcome(false, "Say what is wrong.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One learner's reports are counted and written one at a time.
        await db.Database.LockKeyAsync($"report:{reporterId}", ct);
        if (!await db.Questions.AnyAsync(q => q.Id == questionId && q.Status != QuestionStatus.Deleted, ct))
        {
            return new ReportOutcome(false, "There is no such question.");
        }

        if (await db.QuestionReports.AnyAsync(r => r.ReporterId == reporterId && r.QuestionId == questionId && r.Status == ReportStatus.Open, ct))
        {
            return new ReportOutcome(false, "You have already reported this question; an admin will look at it.");
        }

        var now = clock.UtcNow();
        var since = now.AddHours(-1);
        if (await db.QuestionReports.CountAsync(r => r.ReporterId == reporterId && r.CreatedAt > since, ct) >= HourlyLimit)
        {
            return new ReportOutcome(false, $"You have sent {HourlyLimit} reports in the last hour; please try again later.");
        }

        if (reporterName is null)
        {
            await db.Database.LockKeyAsync("report:anonymous", ct);
            if (await db.QuestionReports.CountAsync(r => r.ReporterName == null && r.CreatedAt > since, ct) >= AnonymousHourlyLimit)
            {
                return new ReportOutcome(false, "Many reports came from visitors without an account in the last hour; sign in to send yours.");
            }
        }

        db.QuestionReports.Add(new QuestionReport
        {
            QuestionId = questionId, ReporterId = reporterId, ReporterName = reporterName, Category = parsed, Text = text, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ReportOutcome(true, "Thank you: an admin will look at it. You will see here when it is resolved.");
    }

    /// <summary>The learner's reports on a question, newest first.</summary>
    public async Task<IReadOnlyList<MyReport>> MineAsync(string reporterId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuestionReports.AsNoTracking()
            .Where(r => r.ReporterId == reporterId && r.QuestionId == questionId)
            .OrderByDescending(r => r.Id)
            .Select(r => new MyReport(r.Id, r.Category, r.CreatedAt, r.Status, r.ResolvedAt))
            .ToListAsync(ct);
    }

    public async Task<int> OpenCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuestionReports.CountAsync(r => r.Status == ReportStatus.Open, ct);
    }

    /// <summary>
    /// Questions with open reports (the longest-waiting first), then flagged questions nobody
    /// reported, at most <see cref="MaxQueue"/>.
    /// </summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.QuestionReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Open)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(MaxQueue * 10)
            .ToListAsync(ct);
        var reported = open.Select(r => r.QuestionId).Distinct().Take(MaxQueue).ToList();
        var flagged = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Flagged && !reported.Contains(q.Id))
            .OrderBy(q => q.LastUpdated)
            .Select(q => q.Id)
            .Take(MaxQueue - reported.Count)
            .ToListAsync(ct);
        var ids = reported.Concat(flagged).ToList();
        var questions = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.Text, q.Channel, q.Status })
            .ToDictionaryAsync(q => q.Id, ct);
        return ids.Where(questions.ContainsKey)
            .Select(id => new QueueItem(id, questions[id].Text, questions[id].Channel, questions[id].Status,
                open.Where(r => r.QuestionId == id).ToList()))
            .ToList();
    }

    /// <summary>
    /// Resolves every open report on a question: fixed or dismissed takes a flagged question back to
    /// active; archived retires the question. The question's change goes through the content path,
    /// in the same transaction as the reports'. Returns how many reports were resolved.
    /// </summary>
    public async Task<int> ResolveAsync(string questionId, ReportStatus resolution, ChangeSource admin, CancellationToken ct = default)
    {
        if (resolution == ReportStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), "A report is resolved as fixed, dismissed or archived.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var question = await ContentChangeService.LoadAsync(db, questionId, ct)
            ?? throw new KeyNotFoundException($"There is no question '{questionId}'.");
        var status = resolution == ReportStatus.Archived ? QuestionStatus.Archived
            : question.Status == QuestionStatus.Flagged ? QuestionStatus.Active
            : question.Status;
        var reports = await db.QuestionReports.Where(r => r.QuestionId == questionId && r.Status == ReportStatus.Open).ToListAsync(ct);
        var now = clock.UtcNow();
        foreach (var report in reports)
        {
            report.Status = resolution;
            report.ResolvedAt = now;
            report.ResolvedBy = admin.SourceName;
        }

        var changed = status != question.Status;
        if (changed)
        {
            var reason = reports.Count == 0 ? "flag reviewed" : $"{reports.Count} report(s) resolved as {Vocabulary.ToText(resolution)}";
            changes.Upsert(db, question, QuestionData.FromEntity(question) with { Status = status, LastUpdated = null },
                admin with { Reason = reason }, rules: null);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (changed)
        {
            changes.Committed();
        }

        return reports.Count;
    }
}
