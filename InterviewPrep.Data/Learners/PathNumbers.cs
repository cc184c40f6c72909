using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Learners;

/// <summary>
/// A learning path's numbers, always recomputed from the learners' own rows, never taken from an
/// import: <c>popularity</c> counts its enrolments, <c>completionRate</c> is the percentage of them that
/// completed it, <c>averageRating</c> the rounded mean of its ratings (0 while it has none).
/// Written with set-based updates, which leave the content version alone: numbers are not content.
/// </summary>
public static class PathNumbers
{
    /// <summary>Recomputes these paths' numbers, or every path's when <paramref name="pathIds"/> is null.</summary>
    public static async Task RecomputeAsync(AppDbContext db, IReadOnlyCollection<string>? pathIds, CancellationToken ct = default)
    {
        var paths = pathIds is null ? db.LearningPaths : db.LearningPaths.Where(p => pathIds.Contains(p.Id));
        await paths.ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Popularity, p => db.PathEnrollments.Count(e => e.PathId == p.Id))
            .SetProperty(p => p.CompletionRate, p => db.PathEnrollments.Any(e => e.PathId == p.Id)
                ? (db.PathEnrollments.Count(e => e.PathId == p.Id && e.CompletedAt != null) * 100
                   + db.PathEnrollments.Count(e => e.PathId == p.Id) / 2) / db.PathEnrollments.Count(e => e.PathId == p.Id)
                : 0)
            .SetProperty(p => p.AverageRating, p => db.PathRatings.Any(r => r.PathId == p.Id)
                ? (db.PathRatings.Where(r => r.PathId == p.Id).Sum(r => r.Rating) * 2 + db.PathRatings.Count(r => r.PathId == p.Id))
                  / (db.PathRatings.Count(r => r.PathId == p.Id) * 2)
                : 0), ct);
    }
}
