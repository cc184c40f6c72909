using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>A path as the catalog shows it; <see cref="Questions"/> counts only the questions that exist and are active.</summary>
public sealed record PathCard(
    string Id, string Title, string Description, string PathType, string? TargetCompany, string? TargetJobTitle, Difficulty Difficulty,
    int EstimatedHours, int Questions, int Popularity, int CompletionRate, int AverageRating, IReadOnlyList<string> Tags);

/// <summary>A question of a milestone.</summary>
public sealed record PathQuestion(string Id, string Text, Difficulty Difficulty, string Channel);

/// <summary>A milestone with its questions that exist, and how many of its ids lead nowhere yet.</summary>
public sealed record PathMilestone(int Number, string Title, IReadOnlyList<PathQuestion> Questions, int Unresolved);

/// <summary>A prerequisite path: its id, and its title when it is in the catalog.</summary>
public sealed record PathPrerequisite(string Id, string? Title);

/// <summary>A path's page: the path, its milestones in order, its prerequisites, and the question ids not found.</summary>
public sealed record PathDetail(LearningPath Path, IReadOnlyList<PathMilestone> Milestones, IReadOnlyList<PathPrerequisite> Prerequisites)
{
    public int Questions => Milestones.Sum(m => m.Questions.Count);

    public int Unresolved => Milestones.Sum(m => m.Unresolved);
}

/// <summary>
/// The learning paths catalog (the design's <c>learningPaths</c>; access pattern 4, active paths of a type
/// by popularity) and a path's page. Question ids that lead to no active question (a path imported
/// before its questions, a question removed since) are left out of the pages and counted.
/// </summary>
public sealed class PathCatalog(IDbContextFactory<AppDbContext> dbFactory, ContentCache? cache = null)
{
    /// <summary>The path types of the design, in the catalog's order, with their names.</summary>
    public static readonly IReadOnlyList<(string Type, string Name)> Types =
        [("job-title", "Job title"), ("company", "Company"), ("skill", "Skill"), ("certification", "Certification")];

    public static string NameOf(string pathType) =>
        Types.FirstOrDefault(t => t.Type == pathType).Name ?? (pathType == "career" ? "Job title" : pathType);

    /// <summary>
    /// The active paths, most popular first. What a path holds is computed once per content version;
    /// its numbers (enrolments, completion, rating) move with every learner and are read fresh.
    /// </summary>
    public async Task<IReadOnlyList<PathCard>> GetAsync(CancellationToken ct = default)
    {
        var counts = cache is null ? await CountQuestionsAsync(ct) : await cache.GetAsync("path-question-counts", CountQuestionsAsync, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Status == "active")
            .OrderByDescending(p => p.Popularity).ThenBy(p => p.Title)
            .Select(p => new
            {
                p.Id, p.Title, p.Description, p.PathType, p.TargetCompany, p.TargetJobTitle, p.Difficulty, p.EstimatedHours,
                p.Popularity, p.CompletionRate, p.AverageRating, p.Tags,
            })
            .ToListAsync(ct);
        return paths.Select(p => new PathCard(
                p.Id, p.Title, p.Description, p.PathType, p.TargetCompany, p.TargetJobTitle, p.Difficulty, p.EstimatedHours,
                counts.GetValueOrDefault(p.Id), p.Popularity, p.CompletionRate, p.AverageRating, p.Tags ?? []))
            .ToList();
    }

    /// <summary>Per path, how many of its questions exist and are active.</summary>
    private async Task<IReadOnlyDictionary<string, int>> CountQuestionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Status == "active")
            .Select(p => new { p.Id, p.QuestionIds, p.Milestones })
            .ToListAsync(ct);
        var active = (await db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Active).Select(q => q.Id).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return paths.ToDictionary(
            p => p.Id, p => PathMilestones.Split(p.QuestionIds, p.Milestones).SelectMany(m => m.QuestionIds).Count(active.Contains), StringComparer.Ordinal);
    }

    /// <summary>One path with its milestones' questions and its prerequisites; null when there is none.</summary>
    public async Task<PathDetail?> GetAsync(string id, CancellationToken ct = default) =>
        (await GetAsync([id], ct)).SingleOrDefault();

    /// <summary>
    /// These paths (those that exist, in the order asked), from one read of the paths, one of their questions
    /// and one of their prerequisites. Without <paramref name="texts"/> the questions come without their text
    /// and the prerequisites without their titles, for what only counts them.
    /// </summary>
    public async Task<IReadOnlyList<PathDetail>> GetAsync(IReadOnlyCollection<string> pathIds, CancellationToken ct = default, bool texts = true)
    {
        var wanted = pathIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paths = (await db.LearningPaths.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var plans = paths.Values.ToDictionary(p => p.Id, p => PathMilestones.Split(p.QuestionIds, p.Milestones), StringComparer.Ordinal);
        var ids = plans.Values.SelectMany(p => p).SelectMany(m => m.QuestionIds).Distinct().ToList();
        // Hundreds of ids go as one JSON parameter rather than one parameter each.
        var active = db.Questions.AsNoTracking().Where(q => EF.Parameter(ids).Contains(q.Id) && q.Status == QuestionStatus.Active);
        var questions = texts
            ? await active.Select(q => new PathQuestion(q.Id, q.Text, q.Difficulty, q.Channel)).ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, ct)
            : (await active.Select(q => q.Id).ToListAsync(ct)).ToDictionary(id => id, id => new PathQuestion(id, "", default, ""), StringComparer.Ordinal);
        var prerequisiteIds = paths.Values.SelectMany(p => p.Prerequisites ?? []).Distinct().ToList();
        var titles = !texts || prerequisiteIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.LearningPaths.AsNoTracking().Where(p => prerequisiteIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return wanted.Where(paths.ContainsKey).Select(id =>
            {
                var path = paths[id];
                var milestones = plans[id].Select((p, i) => new PathMilestone(
                        i + 1, p.Title,
                        p.QuestionIds.Where(questions.ContainsKey).Select(q => questions[q]).ToList(),
                        p.QuestionIds.Count(q => !questions.ContainsKey(q))))
                    .ToList();
                return new PathDetail(path, milestones, (path.Prerequisites ?? []).Select(p => new PathPrerequisite(p, titles.GetValueOrDefault(p))).ToList());
            })
            .ToList();
    }
}
