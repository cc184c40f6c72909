using InterviewPrep.Data;
using InterviewPrep.Web.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>Where a learner stands with one question.</summary>
public enum QuestionProgress { New, Seen, Studied, InReview, Mastered }

/// <summary>A milestone's standing: mastered of total, complete, and whether it is open (the previous one is complete) or ahead.</summary>
public sealed record MilestoneProgress(int Number, string Title, int Mastered, int Total, bool Complete, bool Open, IReadOnlyList<PathQuestion> Left);

/// <summary>A learner's standing in a path: each question's state and each milestone's.</summary>
public sealed record PathStanding(IReadOnlyDictionary<string, QuestionProgress> States, IReadOnlyList<MilestoneProgress> Milestones)
{
    public int Mastered => Milestones.Sum(m => m.Mastered);

    public int Total => Milestones.Sum(m => m.Total);

    /// <summary>The first milestone not complete: where the learner is.</summary>
    public MilestoneProgress? Current => Milestones.FirstOrDefault(m => !m.Complete && m.Total > 0);
}

/// <summary>
/// Progress in a path that means mastery: a question is mastered when the learner would recall it today
/// with at least their desired retention (FSRS); a milestone is complete when each of its questions is
/// mastered, and the next one opens then (a learner may study one early: it is "ahead").
/// </summary>
public sealed class PathProgress(IDbContextFactory<AppDbContext> dbFactory, ReviewService reviews)
{
    public async Task<PathStanding> GetAsync(string learnerId, PathDetail path, CancellationToken ct = default) =>
        (await GetAsync(learnerId, [path], ct))[0];

    /// <summary>The learner's standing in each of these paths, from one read of their question states, cards and recall.</summary>
    public async Task<IReadOnlyList<PathStanding>> GetAsync(string learnerId, IReadOnlyList<PathDetail> paths, CancellationToken ct = default)
    {
        // Hundreds of ids go as one JSON parameter each time rather than one parameter each.
        var ids = paths.SelectMany(p => p.Milestones).SelectMany(m => m.Questions).Select(q => q.Id).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && EF.Parameter(ids).Contains(s.QuestionId))
            .Select(s => new { s.QuestionId, Seen = s.SeenCount > 0, Studied = s.StudiedAt != null })
            .ToDictionaryAsync(s => s.QuestionId, StringComparer.Ordinal, ct);
        var inReview = (await db.ReviewCards.AsNoTracking()
                .Where(c => c.LearnerId == learnerId && EF.Parameter(ids).Contains(c.QuestionId))
                .Select(c => c.QuestionId)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var recall = await reviews.GetRecallAsync(learnerId, ids, ct);
        var states = ids.ToDictionary(id => id, id => StateOf(
            rows.GetValueOrDefault(id)?.Seen == true, rows.GetValueOrDefault(id)?.Studied == true, inReview.Contains(id), recall.Mastered(id)),
            StringComparer.Ordinal);
        return paths.Select(p =>
            {
                var own = p.Milestones.SelectMany(m => m.Questions).Select(q => q.Id).Distinct().ToDictionary(id => id, id => states[id], StringComparer.Ordinal);
                return new PathStanding(own, Milestones(p.Milestones, own));
            })
            .ToList();
    }

    public static QuestionProgress StateOf(bool seen, bool studied, bool inReview, bool mastered) =>
        mastered ? QuestionProgress.Mastered
        : inReview ? QuestionProgress.InReview
        : studied ? QuestionProgress.Studied
        : seen ? QuestionProgress.Seen
        : QuestionProgress.New;

    /// <summary>Each milestone's mastered count; the first is open, each next one opens when the one before is complete.</summary>
    public static IReadOnlyList<MilestoneProgress> Milestones(IReadOnlyList<PathMilestone> milestones, IReadOnlyDictionary<string, QuestionProgress> states)
    {
        var result = new List<MilestoneProgress>();
        var previousComplete = true;
        foreach (var m in milestones)
        {
            var mastered = m.Questions.Count(q => states.GetValueOrDefault(q.Id) == QuestionProgress.Mastered);
            var complete = m.Questions.Count > 0 && mastered == m.Questions.Count;
            result.Add(new MilestoneProgress(m.Number, m.Title, mastered, m.Questions.Count, complete, previousComplete,
                m.Questions.Where(q => states.GetValueOrDefault(q.Id) != QuestionProgress.Mastered).ToList()));
            // An empty milestone (its questions not in the collection) does not hold the next one back.
            previousComplete = previousComplete && (complete || m.Questions.Count == 0);
        }

        return result;
    }

    public static string Describe(QuestionProgress state) => state switch
    {
        QuestionProgress.New => "new",
        QuestionProgress.Seen => "seen",
        QuestionProgress.Studied => "studied",
        QuestionProgress.InReview => "in review",
        _ => "mastered",
    };
}
