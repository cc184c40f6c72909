using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Learners;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>A learner's standing with a path: enrolled since when, completed when, and their rating.</summary>
public sealed record PathMembership(DateTime? EnrolledAt, DateTime? CompletedAt, int? Rating)
{
    public static readonly PathMembership None = new(null, null, null);

    public bool Enrolled => EnrolledAt is not null;
}

/// <summary>A path's ratings: the exact mean and how many there are.</summary>
public sealed record PathRatings(double Average, int Count);

/// <summary>
/// Following and rating learning paths (tables <c>pathEnrollments</c> and <c>pathRatings</c>). Starting
/// a path's study enrols the learner; a path is completed the first time each of its milestones is
/// mastered, and stays completed. Every change recomputes the path's popularity, completion rate and
/// average rating (<see cref="PathNumbers"/>) in the same transaction.
/// </summary>
public sealed class PathEnrollments(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Enrols the learner in an existing path; enrolling again changes nothing. Returns whether they are enrolled.</summary>
    public async Task<bool> EnrollAsync(string learnerId, string pathId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PathEnrollments.AnyAsync(e => e.LearnerId == learnerId && e.PathId == pathId, ct))
        {
            return true;
        }

        if (!await db.LearningPaths.AnyAsync(p => p.Id == pathId && (p.OwnerId == null || p.OwnerId == learnerId), ct))
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PathEnrollments.Add(new PathEnrollment { LearnerId = learnerId, PathId = pathId, EnrolledAt = clock.UtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same learner enrolled from another tab in the meantime; anything else is an error.
            if (await IsEnrolledElsewhereAsync(learnerId, pathId, ct))
            {
                return true;
            }

            throw;
        }

        await PathNumbers.RecomputeAsync(db, [pathId], ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Rates a path 1 to 5, or changes the rating. Returns an error to show, or null when saved.</summary>
    public async Task<string?> RateAsync(string learnerId, string pathId, int rating, CancellationToken ct = default)
    {
        if (rating is < PathRating.Lowest or > PathRating.Highest)
        {
            return $"A rating is {PathRating.Lowest} to {PathRating.Highest} stars.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.LearningPaths.AnyAsync(p => p.Id == pathId && p.OwnerId == null, ct))
        {
            return "This path no longer exists, or it is your own (your own paths are not rated).";
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.PathRatings.SingleOrDefaultAsync(r => r.LearnerId == learnerId && r.PathId == pathId, ct);
        if (existing is null)
        {
            db.PathRatings.Add(new PathRating { LearnerId = learnerId, PathId = pathId, Rating = rating, RatedAt = clock.UtcNow() });
        }
        else
        {
            (existing.Rating, existing.RatedAt) = (rating, clock.UtcNow());
        }

        await db.SaveChangesAsync(ct);
        await PathNumbers.RecomputeAsync(db, [pathId], ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Records that an enrolled learner has every milestone of the path mastered, the first time it is
    /// seen. Nothing happens for a learner not enrolled, a path already completed, or a standing with
    /// nothing to master.
    /// </summary>
    public async Task<bool> RecordStandingAsync(string learnerId, string pathId, PathStanding standing, CancellationToken ct = default)
    {
        if (standing.Total == 0 || standing.Mastered < standing.Total)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.PathEnrollments
            .Where(e => e.LearnerId == learnerId && e.PathId == pathId && e.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedAt, clock.UtcNow()), ct);
        if (marked > 0)
        {
            await PathNumbers.RecomputeAsync(db, [pathId], ct);
        }

        await tx.CommitAsync(ct);
        return marked > 0;
    }

    public async Task<PathMembership> GetAsync(string learnerId, string pathId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var enrollment = await db.PathEnrollments.AsNoTracking().SingleOrDefaultAsync(e => e.LearnerId == learnerId && e.PathId == pathId, ct);
        var rating = await db.PathRatings.AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.PathId == pathId).Select(r => (int?)r.Rating).SingleOrDefaultAsync(ct);
        return new PathMembership(enrollment?.EnrolledAt, enrollment?.CompletedAt, rating);
    }

    /// <summary>The paths a learner follows, most recently enrolled first.</summary>
    public async Task<IReadOnlyList<PathEnrollment>> ForLearnerAsync(string learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PathEnrollments.AsNoTracking()
            .Where(e => e.LearnerId == learnerId)
            .OrderByDescending(e => e.EnrolledAt)
            .ToListAsync(ct);
    }

    /// <summary>A path's exact mean rating and number of ratings.</summary>
    public async Task<PathRatings> RatingsAsync(string pathId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var figures = await db.PathRatings.AsNoTracking()
            .Where(r => r.PathId == pathId)
            .GroupBy(r => r.PathId)
            .Select(g => new { Sum = g.Sum(r => r.Rating), Count = g.Count() })
            .SingleOrDefaultAsync(ct);
        return figures is null ? new PathRatings(0, 0) : new PathRatings((double)figures.Sum / figures.Count, figures.Count);
    }

    private async Task<bool> IsEnrolledElsewhereAsync(string learnerId, string pathId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PathEnrollments.AnyAsync(e => e.LearnerId == learnerId && e.PathId == pathId, ct);
    }
}
