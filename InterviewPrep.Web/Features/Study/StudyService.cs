using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Activity;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Dashboard;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Study;

/// <summary>A learner's note on a question, for the notes list.</summary>
public sealed record NoteItem(string QuestionId, string Text, string Note, DateTime UpdatedAt, Difficulty Difficulty, string SubChannel, bool Removed);

/// <summary>A note that could not be saved, and why.</summary>
public sealed class NoteTooLongException(int length)
    : Exception($"A note can be at most {LearnerSettings.MaxNoteLength:N0} characters; this one has {length:N0}. Shorten it and save again.");

/// <summary>A note that was changed elsewhere since the learner started editing it; nothing was saved.</summary>
public sealed class NoteConflictException(string? saved)
    : Exception(saved is null
        ? "This note was deleted in another tab or on another device while you were editing it. Your text is still here: save again to keep it."
        : "This note was changed in another tab or on another device while you were editing it. Your text is still here; the saved version is shown below. Save again to replace it with yours.")
{
    /// <summary>The note as it is saved now.</summary>
    public string? Saved { get; } = saved;
}

/// <summary>What saving a note did: the note as saved, or why it was not (and, on a conflict, the saved note).</summary>
public sealed record NoteSaveResult(string? Saved, string? Error, bool Conflict);

/// <summary>The questions of a study session, in order, and where they came from.</summary>
public sealed record StudyDeck(string Title, string BackUrl, IReadOnlyList<string> QuestionIds);

/// <summary>
/// Study mode's data: the deck (a channel with its filters, or a search), and what a learner has
/// seen, bookmarked and noted. A learner id is an account id or an anonymous learner's id.
/// </summary>
public sealed class StudyService(
    IDbContextFactory<AppDbContext> dbFactory, ChannelQuestions channels, QuestionSearch search, ChannelCatalog catalog,
    LearnerSettingsService settings, TimeProvider clock, Companies.CompanyCatalog? companies = null, QuestionMarks? marks = null)
{
    public const int MaxSearchDeck = 200;

    /// <param name="learnerId">Whose progress a "only new" or "not mastered" filter reads; without one it keeps every question.</param>
    public async Task<StudyDeck?> ChannelDeckAsync(ChannelQuery query, string? learnerId = null, CancellationToken ct = default)
    {
        IReadOnlySet<string>? keep = null;
        if (query.Show != ProgressFilter.All && learnerId is not null && marks is not null)
        {
            keep = await marks.KeepAsync(learnerId, await channels.GetIdsAsync(query with { Page = 1, Show = ProgressFilter.All }, ct: ct), query.Show, ct);
        }

        var ids = await channels.GetIdsAsync(query with { Page = 1 }, keep, ct);
        if (ids.Count == 0)
        {
            return null;
        }

        var name = await catalog.GetNameAsync(query.ChannelId, ct);
        return new StudyDeck(query.HasFilters ? $"{name} (filtered)" : name, (query with { Page = 1 }).ToUrl(), ids);
    }

    /// <summary>A learning path's active questions in the order of its milestones; null when there is no such path or it has none.</summary>
    public async Task<StudyDeck?> PathDeckAsync(string pathId, string? learnerId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A learner's own path is for them alone.
        var path = await db.LearningPaths.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pathId && (p.OwnerId == null || p.OwnerId == learnerId), ct);
        if (path is null)
        {
            return null;
        }

        var ordered = LearningPaths.PathMilestones.Split(path.QuestionIds, path.Milestones).SelectMany(m => m.QuestionIds).ToList();
        var active = (await db.Questions.AsNoTracking().Where(q => ordered.Contains(q.Id) && q.Status == QuestionStatus.Active)
            .Select(q => q.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var ids = ordered.Where(active.Contains).ToList();
        return ids.Count == 0 ? null : new StudyDeck(path.Title, $"paths/{Uri.EscapeDataString(path.Id)}", ids);
    }

    /// <summary>A company's questions with the company page's filters, newest first; null for an unknown company or none left.</summary>
    public async Task<StudyDeck?> CompanyDeckAsync(string slug, string? channel = null, Difficulty? difficulty = null, CancellationToken ct = default)
    {
        if (companies is null || await companies.IdsAsync(slug, channel, difficulty, ct) is not { Ids.Count: > 0 } found)
        {
            return null;
        }

        var back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"companies/{Uri.EscapeDataString(slug)}", new Dictionary<string, string?>
        {
            ["channel"] = channel, ["difficulty"] = difficulty is { } d ? Vocabulary.ToText(d) : null,
        }.Where(p => p.Value is not null));
        return new StudyDeck(channel is null && difficulty is null ? found.Name : $"{found.Name} (filtered)", back, found.Ids);
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

    /// <summary>Counts a view of a question by a learner. A view is not study: arrowing past a question studies nothing.</summary>
    public async Task RecordSeenAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await QuestionStates.GetOrCreateAsync(db, learnerId, questionId, ct);
        var now = clock.UtcNow();
        state.SeenCount++;
        state.FirstSeenAt ??= now;
        state.LastSeenAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records that a learner studied a question (revealed its answer), and counts the question on
    /// their day's activity, once a day.
    /// </summary>
    public async Task RecordStudiedAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        var calendar = (await settings.GetAsync(learnerId, ct)).Calendar;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow();
        if (await QuestionStates.MarkStudiedAsync(db, learnerId, questionId, now, calendar.DateOf, ct))
        {
            await ActivityDays.AddAsync(db, learnerId, calendar.DateOf(now), questions: 1, reviews: 0, ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Flips the bookmark; returns whether the question is now bookmarked.</summary>
    public async Task<bool> ToggleBookmarkAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await QuestionStates.GetOrCreateAsync(db, learnerId, questionId, ct);
        state.Bookmarked = !state.Bookmarked;
        state.BookmarkedAt = state.Bookmarked ? clock.UtcNow() : null;
        await db.SaveChangesAsync(ct);
        return state.Bookmarked;
    }

    /// <summary>Bookmarks or un-bookmarks (a form posted twice leaves the same result).</summary>
    public async Task SetBookmarkAsync(string learnerId, string questionId, bool bookmarked, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await QuestionStates.GetOrCreateAsync(db, learnerId, questionId, ct);
        if (state.Bookmarked != bookmarked)
        {
            state.Bookmarked = bookmarked;
            state.BookmarkedAt = bookmarked ? clock.UtcNow() : null;
            await db.SaveChangesAsync(ct);
        }
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

    public async Task<string?> GetNoteAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LearnerQuestionStates.Where(s => s.LearnerId == learnerId && s.QuestionId == questionId).Select(s => s.Note).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Saves a learner's note on a question (blank removes it). Line endings are normalized and
    /// surrounding blank space trimmed; a note over <see cref="LearnerSettings.MaxNoteLength"/>
    /// characters is refused whole with <see cref="NoteTooLongException"/>. When
    /// <paramref name="basedOn"/> is given (the <see cref="NoteVersion"/> of the note the learner
    /// started editing) and the saved note has changed since, in another tab or device, nothing is
    /// saved and <see cref="NoteConflictException"/> carries the saved note. Returns the note as saved.
    /// </summary>
    public async Task<string?> SaveNoteAsync(string learnerId, string questionId, string? note, string? basedOn = null, CancellationToken ct = default)
    {
        note = NormalizeNote(note);
        if (note is { Length: > LearnerSettings.MaxNoteLength })
        {
            throw new NoteTooLongException(note.Length);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Questions.AnyAsync(q => q.Id == questionId, ct))
        {
            throw new KeyNotFoundException($"There is no question '{questionId}'.");
        }

        // One writer at a time from reading the saved note to writing the new one.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await QuestionStates.GetOrCreateAsync(db, learnerId, questionId, ct);
        if (state.Note != note)
        {
            if (basedOn is not null && NoteVersion(state.Note) != basedOn)
            {
                throw new NoteConflictException(state.Note);
            }

            state.Note = note;
            state.NoteUpdatedAt = note is null ? null : clock.UtcNow();
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return note;
    }

    /// <summary>
    /// <see cref="SaveNoteAsync"/> for forms: a note too long or changed elsewhere comes back as a result
    /// with the reason (and, on a conflict, the saved note) instead of an exception.
    /// </summary>
    public async Task<NoteSaveResult> TrySaveNoteAsync(string learnerId, string questionId, string? note, string? basedOn = null, CancellationToken ct = default)
    {
        try
        {
            return new NoteSaveResult(await SaveNoteAsync(learnerId, questionId, note, basedOn, ct), null, Conflict: false);
        }
        catch (NoteTooLongException e)
        {
            return new NoteSaveResult(null, e.Message, Conflict: false);
        }
        catch (NoteConflictException e)
        {
            return new NoteSaveResult(e.Saved, e.Saved is null ? e.Message : $"{e.Message} Saved version: {e.Saved}", Conflict: true);
        }
    }

    /// <summary>A short fingerprint of a note's text, for forms to say which note they edited ("" for none).</summary>
    public static string NoteVersion(string? note) => note is null
        ? ""
        : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(note)))[..16];

    /// <summary>A learner's notes, most recently written first; notes on removed questions stay the learner's.</summary>
    public async Task<IReadOnlyList<NoteItem>> GetNotesAsync(string learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.Note != null)
            .OrderByDescending(s => s.NoteUpdatedAt)
            .Select(s => new NoteItem(s.QuestionId, s.Question!.Text, s.Note!, s.NoteUpdatedAt!.Value, s.Question.Difficulty, s.Question.SubChannel,
                s.Question.Status == QuestionStatus.Deleted))
            .ToListAsync(ct);
    }

    public static string? NormalizeNote(string? note)
    {
        var text = note?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
