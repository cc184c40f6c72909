using System.Security.Cryptography;
using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>A learner's own path as its editor holds it.</summary>
public sealed class OwnPathForm
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<MilestoneForm> Milestones { get; set; } = [new() { Title = "Milestone 1" }];
}

/// <summary>
/// Paths learners build for themselves, from their bookmarks, a search, a channel or questions picked
/// one by one, grouped into milestones. Such a path is a row of <c>learningPaths</c> with the learner as
/// <see cref="LearningPath.OwnerId"/> and status <see cref="LearningPath.PrivateStatus"/>: only they see
/// it, study it and follow its progress, like any path; it is not in the catalog, the admin pages or an
/// export, and is not rated. Building one enrols its learner in it.
/// </summary>
public sealed class OwnPaths(IDbContextFactory<AppDbContext> dbFactory, PathEnrollments enrollments, TimeProvider clock)
{
    public const int MaxPerLearner = 50;
    public const int MaxQuestions = 1000;
    public const int MaxTitleLength = 160;
    public const int MaxDescriptionLength = 2000;

    public async Task<OwnPathForm?> GetAsync(string learnerId, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var path = await db.LearningPaths.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == learnerId, ct);
        return path is null ? null : new OwnPathForm
        {
            Title = path.Title,
            Description = path.Description,
            Milestones = PathMilestones.Split(path.QuestionIds, path.Milestones)
                .Select(m => new MilestoneForm { Title = m.Title, QuestionIds = m.QuestionIds.ToList() }).ToList(),
        };
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes a learner's own path. Returns the errors by field, or the path's id.</summary>
    public async Task<(Dictionary<string, string> Errors, string? Id)> SaveAsync(string learnerId, string? id, OwnPathForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var title = form.Title?.Trim() ?? "";
        var description = form.Description?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors[nameof(OwnPathForm.Title)] = "Give your path a title.";
        }
        else if (title.Length > MaxTitleLength)
        {
            errors[nameof(OwnPathForm.Title)] = $"The title is {title.Length} characters long; at most {MaxTitleLength} are allowed.";
        }

        if (description.Length > MaxDescriptionLength)
        {
            errors[nameof(OwnPathForm.Description)] = $"The description is {description.Length} characters long; at most {MaxDescriptionLength} are allowed.";
        }

        PathRules.ValidateMilestones(form.Milestones, errors, MaxQuestions);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = form.Milestones.SelectMany(m => m.QuestionIds).Select(q => q.Trim()).Distinct().ToList();
        var questions = await db.Questions.AsNoTracking()
            .Where(q => EF.Parameter(ids).Contains(q.Id) && q.Status == QuestionStatus.Active)
            .Select(q => new { q.Id, q.Difficulty, q.Channel })
            .ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, ct);
        for (var i = 0; i < form.Milestones.Count; i++)
        {
            if (form.Milestones[i].QuestionIds.FirstOrDefault(q => !questions.ContainsKey(q.Trim())) is { } missing)
            {
                errors[$"Milestones[{i}].Questions"] = $"There is no question '{missing}' (any more); take it out.";
            }
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var now = clock.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        LearningPath path;
        if (id is null)
        {
            if (await db.LearningPaths.CountAsync(p => p.OwnerId == learnerId, ct) >= MaxPerLearner)
            {
                return (new() { [nameof(OwnPathForm.Title)] = $"You have {MaxPerLearner} paths of your own, as many as one learner can keep; delete one first." }, null);
            }

            path = db.LearningPaths.Add(new LearningPath
            {
                Id = NewId(title), Title = "", Description = "", PathType = "skill", OwnerId = learnerId, Status = LearningPath.PrivateStatus, CreatedAt = now,
            }).Entity;
        }
        else
        {
            var existing = await db.LearningPaths.SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == learnerId, ct);
            if (existing is null)
            {
                return (new() { [nameof(OwnPathForm.Title)] = "This path is not yours, or it was deleted." }, null);
            }

            path = existing;
        }

        var ordered = form.Milestones.SelectMany(m => m.QuestionIds).Select(q => q.Trim()).ToList();
        path.Title = title;
        path.Description = description;
        path.QuestionIds = ordered;
        path.Milestones = form.Milestones.Select(m => new Milestone(m.Title.Trim(), m.QuestionIds.Count, m.QuestionIds.Select(q => q.Trim()).ToList())).ToList();
        path.Channels = ordered.Select(q => questions[q].Channel).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        path.Difficulty = ordered.Select(q => questions[q].Difficulty).Order().ElementAt(ordered.Count / 2);
        path.EstimatedHours = Math.Max(1, (int)Math.Ceiling(ordered.Count * 10 / 60.0));
        path.LastUpdated = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await enrollments.EnrollAsync(learnerId, path.Id, ct);
        return ([], path.Id);
    }

    /// <summary>Deletes a learner's own path (with their enrolment in it; its study session is abandoned). Returns whether there was one.</summary>
    public async Task<bool> DeleteAsync(string learnerId, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.LearningPaths.Where(p => p.Id == id && p.OwnerId == learnerId).ExecuteDeleteAsync(ct) > 0;
        // Its study session has nothing left to continue.
        var key = Study.StudyActivity.PathSessionKey(id);
        await db.UserSessions.Where(s => s.UserId == learnerId && s.SessionKey == key && s.Status == SessionStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Abandoned), ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    private static string NewId(string title)
    {
        var slug = PathGenerator.Slug(title);
        slug = slug.Length > 30 ? slug[..30].Trim('-') : slug;
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return slug.Length == 0 ? $"my-{suffix}" : $"my-{slug}-{suffix}";
    }
}
