using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Voice.Grading;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Voice;

/// <summary>
/// Grades spoken answers to the questions in the database. How rare each word is in the collection
/// is counted once (a few seconds for tens of thousands of questions) and refreshed in the background
/// at most hourly after content changes, since one edit hardly moves it; each question's concepts are
/// kept until it changes.
/// </summary>
public sealed class VoiceGrading(IDbContextFactory<AppDbContext> dbFactory, ContentCache cache, ContentVersion version, TimeProvider clock)
{
    public static readonly TimeSpan StatsRefresh = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _building = new(1, 1);
    private (CollectionStats Stats, long Version, DateTimeOffset At)? _stats;
    private Task? _refresh;

    /// <summary>The synonym groups built in and the admins', kept until content changes.</summary>
    public Task<Synonyms> SynonymsAsync(CancellationToken ct = default) =>
        cache.GetAsync("voice-synonyms", async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var groups = await db.VoiceSynonyms.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Phrases).ToListAsync(token);
            return groups.Count == 0 ? Synonyms.Default : Synonyms.WithAdmins(groups);
        }, _ => 32, ct);

    /// <summary>The grade of a transcript, or null when there is no such question.</summary>
    public async Task<VoiceGrade?> GradeAsync(string questionId, string transcript, TimeSpan? duration = null, CancellationToken ct = default)
    {
        var key = await KeyAsync(questionId, ct);
        return key is null ? null : VoiceGrader.Grade(key, transcript, await StatsAsync(ct), await SynonymsAsync(ct), duration);
    }

    /// <summary>A question's concepts and model answer, prepared for grading; null when there is no such question.</summary>
    public async Task<GradingKey?> KeyAsync(string questionId, CancellationToken ct = default)
    {
        var stats = await StatsAsync(ct);
        var synonyms = await SynonymsAsync(ct);
        return await cache.GetAsync($"voice-key:{questionId}", async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var question = await db.Questions.AsNoTracking()
                .Where(q => q.Id == questionId)
                .Select(q => new GradedQuestion(q.Id, q.Channel, q.Text, q.Answer, q.Tldr, q.Explanation, q.VoiceKeywords))
                .SingleOrDefaultAsync(token);
            return question is null ? null : ConceptFinder.Prepare(question, stats, synonyms);
        }, key => key is null ? 0 : 8, ct);
    }

    /// <summary>How often each word is used across the active questions.</summary>
    public async Task<CollectionStats> StatsAsync(CancellationToken ct = default)
    {
        if (_stats is { } held)
        {
            if (clock.GetUtcNow() - held.At > StatsRefresh && _refresh is null or { IsCompleted: true }
                && await version.CurrentAsync(ct) != held.Version)
            {
                _refresh = Task.Run(() => BuildAsync(CancellationToken.None), CancellationToken.None);
            }

            return held.Stats;
        }

        await BuildAsync(ct);
        return _stats!.Value.Stats;
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            if (_stats is { } held && clock.GetUtcNow() - held.At <= StatsRefresh)
            {
                return;
            }

            var current = await version.CurrentAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var texts = db.Questions.AsNoTracking()
                .Where(q => q.Status == QuestionStatus.Active)
                .Select(q => q.Text + "\n" + q.Answer + "\n" + (q.Tldr ?? ""))
                .AsAsyncEnumerable();
            var documents = new List<string>();
            await foreach (var text in texts.WithCancellation(ct))
            {
                documents.Add(ConceptFinder.Plain(text));
            }

            _stats = (CollectionStats.From(documents, await SynonymsAsync(ct)), current, clock.GetUtcNow());
        }
        finally
        {
            _building.Release();
        }
    }
}
