using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Study;

/// <summary>The questions of a study session, in order, and where they came from.</summary>
public sealed record StudyDeck(string Title, string BackUrl, IReadOnlyList<string> QuestionIds);

/// <summary>
/// Study mode's data: the deck (a channel with its filters, or a search), and what a learner has
/// seen and bookmarked. A learner id is an account id; anonymous learners will use the same tables.
/// </summary>
public sealed class StudyService(
    IDbContextFactory<AppDbContext> dbFactory, ChannelQuestions channels, QuestionSearch search, ChannelCatalog catalog, TimeProvider clock)
{
    public const int MaxSearchDeck = 200;

    public async Task<StudyDeck?> ChannelDeckAsync(ChannelQuery query, CancellationToken ct = default)
    {
        var ids = await channels.GetIdsAsync(query with { Page = 1 }, ct);
        if (ids.Count == 0)
        {
            return null;
        }

        var name = await catalog.GetNameAsync(query.ChannelId, ct);
        return new StudyDeck(query.HasFilters ? $"{name} (filtered)" : name, (query with { Page = 1 }).ToUrl(), ids);
    }

    /// <summary>The best <see cref="MaxSearchDeck"/> results of a search, with its filters.</summary>
    public async Task<StudyDeck?> SearchDeckAsync(string text, string? channel = null, Difficulty? difficulty = null, CancellationToken ct = default)
    {
        var results = await search.SearchAsync(text, channel, difficulty, limit: MaxSearchDeck, countAll: false, ct: ct);
        if (results.Hits.Count == 0)
        {
            return null;
        }

        var back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("search", new Dictionary<string, string?>
        {
            ["q"] = text,
            ["channel"] = channel,
            ["difficulty"] = difficulty is { } d ? Vocabulary.ToText(d) : null,
        }.Where(p => p.Value is not null));
        var title = results.Hits.Count == MaxSearchDeck ? $"Search: {text} (best {MaxSearchDeck})" : $"Search: {text}";
        return new StudyDeck(title, back, results.Hits.Select(h => h.Id).ToList());
    }

    /// <summary>Counts a view of a question by a learner.</summary>
    public async Task RecordSeenAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await GetOrAddAsync(db, learnerId, questionId, ct);
        var now = Now();
        state.SeenCount++;
        state.FirstSeenAt ??= now;
        state.LastSeenAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Flips the bookmark; returns whether the question is now bookmarked.</summary>
    public async Task<bool> ToggleBookmarkAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await GetOrAddAsync(db, learnerId, questionId, ct);
        state.Bookmarked = !state.Bookmarked;
        state.BookmarkedAt = state.Bookmarked ? Now() : null;
        await db.SaveChangesAsync(ct);
        return state.Bookmarked;
    }

    public async Task<bool> IsBookmarkedAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LearnerQuestionStates.AnyAsync(s => s.LearnerId == learnerId && s.QuestionId == questionId && s.Bookmarked, ct);
    }

    /// <summary>A learner's bookmarked questions, most recently bookmarked first.</summary>
    public async Task<IReadOnlyList<QuestionListItem>> GetBookmarksAsync(string learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.Bookmarked && s.Question!.Status == QuestionStatus.Active)
            .OrderByDescending(s => s.BookmarkedAt)
            .Select(s => new QuestionListItem(s.QuestionId, s.Question!.Text, s.Question.Tldr ?? s.Question.Answer,
                s.Question.Difficulty, s.Question.SubChannel, s.Question.Tags ?? new List<string>(), s.Question.CreatedAt))
            .ToListAsync(ct);
    }

    private static async Task<LearnerQuestionState> GetOrAddAsync(AppDbContext db, string learnerId, string questionId, CancellationToken ct)
    {
        var state = await db.LearnerQuestionStates.FindAsync([learnerId, questionId], ct);
        if (state is null)
        {
            state = new LearnerQuestionState { LearnerId = learnerId, QuestionId = questionId };
            db.LearnerQuestionStates.Add(state);
        }

        return state;
    }

    private DateTime Now() => UtcIso.Truncate(clock.GetUtcNow().UtcDateTime);
}
