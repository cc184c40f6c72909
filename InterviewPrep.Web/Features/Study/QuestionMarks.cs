using InterviewPrep.Data;
using InterviewPrep.Web.Features.LearningPaths;
using InterviewPrep.Web.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Study;

/// <summary>
/// Where a learner stands with a question in a list: new, seen, studied, in review (and the day it is due, with today,
/// both in the learner's time zone), mastered; bookmarked, noted.
/// </summary>
public sealed record QuestionMark(QuestionProgress Progress, DateOnly? DueDay, DateOnly Today, bool Bookmarked, bool Noted)
{
    public static QuestionMark New(DateOnly today) => new(QuestionProgress.New, null, today, false, false);
}

/// <summary>Which questions a list shows by the learner's state: all, only those never studied, or all but the mastered.</summary>
public enum ProgressFilter { All, OnlyNew, HideMastered }

/// <summary>
/// A learner's marks for the questions of a list, from one read of their question states, review cards and
/// recall (mastered: they would recall it today with at least their desired retention, as paths count it).
/// </summary>
public sealed class QuestionMarks(IDbContextFactory<AppDbContext> dbFactory, ReviewService reviews, Settings.LearnerSettingsService settings, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, QuestionMark>> GetAsync(string learnerId, IReadOnlyCollection<string> questionIds, CancellationToken ct = default)
    {
        var ids = questionIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, QuestionMark>(StringComparer.Ordinal);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && EF.Parameter(ids).Contains(s.QuestionId))
            .Select(s => new { s.QuestionId, Seen = s.SeenCount > 0, Studied = s.StudiedAt != null, s.Bookmarked, Noted = s.Note != null })
            .ToDictionaryAsync(s => s.QuestionId, StringComparer.Ordinal, ct);
        var cards = await db.ReviewCards.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && EF.Parameter(ids).Contains(c.QuestionId))
            .Select(c => new { c.QuestionId, c.Due })
            .ToDictionaryAsync(c => c.QuestionId, c => c.Due, StringComparer.Ordinal, ct);
        var recall = await reviews.GetRecallAsync(learnerId, ids, ct);
        var calendar = (await settings.GetAsync(learnerId, ct)).Calendar;
        var today = calendar.DateOf(clock.GetUtcNow().UtcDateTime);
        return ids.ToDictionary(id => id, id =>
        {
            var state = states.GetValueOrDefault(id);
            var inReview = cards.TryGetValue(id, out var due);
            return new QuestionMark(
                PathProgress.StateOf(state?.Seen == true, state?.Studied == true, inReview, recall.Mastered(id)),
                inReview ? calendar.DateOf(due) : null, today, state?.Bookmarked == true, state?.Noted == true);
        }, StringComparer.Ordinal);
    }

    /// <summary>The ids of <paramref name="questionIds"/> the filter keeps, for this learner.</summary>
    public async Task<IReadOnlySet<string>> KeepAsync(string learnerId, IReadOnlyCollection<string> questionIds, ProgressFilter filter, CancellationToken ct = default)
    {
        var marks = await GetAsync(learnerId, questionIds, ct);
        return marks.Where(m => filter switch
            {
                ProgressFilter.OnlyNew => m.Value.Progress is QuestionProgress.New or QuestionProgress.Seen,
                ProgressFilter.HideMastered => m.Value.Progress != QuestionProgress.Mastered,
                _ => true,
            })
            .Select(m => m.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
