using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Paths;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.LearningPaths;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>Every field of a learning path (the design's <c>learningPaths</c>) as the admin editor holds it.</summary>
public sealed class PathForm
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string PathType { get; set; } = "skill";
    public string? TargetCompany { get; set; }
    public string? TargetJobTitle { get; set; }
    public Difficulty Difficulty { get; set; } = Difficulty.Intermediate;
    public int EstimatedHours { get; set; } = 10;
    public string Status { get; set; } = "active";
    public List<MilestoneForm> Milestones { get; set; } = [];
    public List<string> Channels { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public List<string> Prerequisites { get; set; } = [];
    public List<string> LearningObjectives { get; set; } = [];

    /// <summary>The path's questions in order: the milestones' one after the other.</summary>
    public IEnumerable<string> QuestionIds => Milestones.SelectMany(m => m.QuestionIds);
}

/// <summary>A path in the admin list: what it holds, how many of its question ids lead nowhere, and its numbers.</summary>
public sealed record AdminPathRow(
    string Id, string Title, string PathType, string Status, int Questions, int Unresolved, int Milestones, int Popularity, int AverageRating,
    DateTime LastUpdated, DateTime? LastGenerated)
{
    public bool Generated => LastGenerated is { } generated && LastUpdated <= generated;
}

/// <summary>
/// Creating and editing learning paths. A save validates every field (a known type, its company or job
/// title, milestones with titles and questions, no question twice, prerequisites that are other paths
/// and make no cycle, a known status) and writes the path with its history row in one transaction; the
/// content version moves with it, so the catalog and the path's page show the change at once. A saved
/// path counts as edited by hand: generating does not replace it.
/// </summary>
public sealed class AdminPaths(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Statuses = ["active", "draft", "archived"];

    public const int MaxTitleLength = 160;
    public const int MaxDescriptionLength = 2000;
    public const int MaxQuestions = 5000;

    public async Task<IReadOnlyList<AdminPathRow>> OverviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking()
            .Where(p => p.OwnerId == null)
            .Select(p => new { p.Id, p.Title, p.PathType, p.Status, p.QuestionIds, p.Milestones, p.Popularity, p.AverageRating, p.LastUpdated, p.LastGenerated })
            .ToListAsync(ct);
        var active = (await db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Active).Select(q => q.Id).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return paths
            .Select(p =>
            {
                var plans = PathMilestones.Split(p.QuestionIds, p.Milestones);
                var ids = plans.SelectMany(m => m.QuestionIds).ToList();
                var resolved = ids.Count(active.Contains);
                return new AdminPathRow(p.Id, p.Title, p.PathType, p.Status, resolved, ids.Count - resolved, plans.Count, p.Popularity, p.AverageRating,
                    p.LastUpdated, p.LastGenerated);
            })
            .OrderBy(p => p.PathType).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<PathForm?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.LearningPaths.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == null, ct);
        return p is null ? null : new PathForm
        {
            Id = p.Id, Title = p.Title, Description = p.Description, PathType = p.PathType == "career" ? "job-title" : p.PathType,
            TargetCompany = p.TargetCompany, TargetJobTitle = p.TargetJobTitle, Difficulty = p.Difficulty, EstimatedHours = p.EstimatedHours,
            Status = p.Status,
            Milestones = PathMilestones.Split(p.QuestionIds, p.Milestones)
                .Select(m => new MilestoneForm { Title = m.Title, QuestionIds = m.QuestionIds.ToList() }).ToList(),
            Channels = p.Channels.ToList(),
            Tags = p.Tags?.ToList() ?? [],
            Prerequisites = p.Prerequisites?.ToList() ?? [],
            LearningObjectives = p.LearningObjectives?.ToList() ?? [],
        };
    }

    /// <summary>The other paths, for choosing prerequisites: id and title.</summary>
    public async Task<IReadOnlyList<(string Id, string Title)>> PathChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.LearningPaths.AsNoTracking().Where(p => p.OwnerId == null).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
    }

    /// <summary>Saves a path; <paramref name="isNew"/> refuses an id that is taken. The errors are by field, empty when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(PathForm form, bool isNew, ChangeSource source, CancellationToken ct = default)
    {
        var errors = Validate(form);
        var id = form.Id.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var graph = await db.LearningPaths.AsNoTracking()
            .Where(p => p.OwnerId == null)
            .Select(p => new { p.Id, p.Prerequisites })
            .ToDictionaryAsync(p => p.Id, p => (IReadOnlyList<string>)(p.Prerequisites ?? []), StringComparer.Ordinal, ct);
        var prerequisites = Clean(form.Prerequisites);
        for (var i = 0; i < prerequisites.Count; i++)
        {
            var pre = prerequisites[i];
            if (pre == id)
            {
                errors[nameof(PathForm.Prerequisites)] = "A path cannot be its own prerequisite.";
            }
            else if (!graph.ContainsKey(pre))
            {
                errors[nameof(PathForm.Prerequisites)] = $"There is no path '{pre}': a prerequisite is another path; take it off the list.";
            }
        }

        if (!errors.ContainsKey(nameof(PathForm.Prerequisites)) && PrerequisiteCycle(id, prerequisites, graph) is { } cycle)
        {
            errors[nameof(PathForm.Prerequisites)] = $"That makes a cycle: {string.Join(" → ", cycle)}. A path cannot come before itself.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var path = await db.LearningPaths.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (path is { OwnerId: not null })
        {
            return new() { [nameof(PathForm.Id)] = $"'{id}' is a learner's own path." };
        }

        if (isNew && path is not null)
        {
            return new() { [nameof(PathForm.Id)] = $"There is already a path '{id}'." };
        }

        if (!isNew && path is null)
        {
            return new() { [nameof(PathForm.Id)] = $"The path '{id}' no longer exists." };
        }

        var now = clock.UtcNow();
        var before = path is null ? null : PathChanges.Snapshot(path);
        path ??= db.LearningPaths.Add(new LearningPath { Id = id, Title = "", Description = "", PathType = "", CreatedAt = now }).Entity;
        path.Title = form.Title.Trim();
        path.Description = form.Description.Trim();
        path.PathType = form.PathType;
        path.TargetCompany = form.PathType == "company" ? Blank(form.TargetCompany) : null;
        path.TargetJobTitle = form.PathType == "job-title" ? Blank(form.TargetJobTitle) : null;
        path.Difficulty = form.Difficulty;
        path.EstimatedHours = form.EstimatedHours;
        path.Status = form.Status;
        path.Milestones = form.Milestones
            .Select(m => new Milestone(m.Title.Trim(), m.QuestionIds.Count, m.QuestionIds.Select(q => q.Trim()).ToList()))
            .ToList();
        path.QuestionIds = form.QuestionIds.Select(q => q.Trim()).ToList();
        path.Channels = Clean(form.Channels);
        path.Tags = OrNone(path.Tags, Clean(form.Tags));
        path.Prerequisites = OrNone(path.Prerequisites, prerequisites);
        path.LearningObjectives = OrNone(path.LearningObjectives, Clean(form.LearningObjectives));
        if ((await PathChanges.RecordAsync(db, before, path, source, now, ct)).Count > 0)
        {
            path.LastUpdated = now;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }

    public static Dictionary<string, string> Validate(PathForm form)
    {
        var errors = new Dictionary<string, string>();
        if (!AdminForms.IsId(form.Id))
        {
            errors[nameof(PathForm.Id)] = "Use 1 to 60 lower-case letters, digits and hyphens (like company-google): it is the path's address.";
        }

        AdminForms.Text(errors, nameof(PathForm.Title), form.Title, "A title", MaxTitleLength, required: true);
        AdminForms.Text(errors, nameof(PathForm.Description), form.Description, "A description", MaxDescriptionLength, required: true);
        if (!PathCatalog.Types.Any(t => t.Type == form.PathType))
        {
            errors[nameof(PathForm.PathType)] = $"The type is one of: {string.Join(", ", PathCatalog.Types.Select(t => t.Type))}.";
        }

        if (form.PathType == "company")
        {
            AdminForms.Text(errors, nameof(PathForm.TargetCompany), form.TargetCompany, "For a company path, the company", 80, required: true);
        }

        if (form.PathType == "job-title")
        {
            AdminForms.Text(errors, nameof(PathForm.TargetJobTitle), form.TargetJobTitle, "For a job-title path, the job title", 80, required: true);
        }

        if (!Enum.IsDefined(form.Difficulty))
        {
            errors[nameof(PathForm.Difficulty)] = "Choose a difficulty.";
        }

        if (form.EstimatedHours is < 1 or > 10_000)
        {
            errors[nameof(PathForm.EstimatedHours)] = "Study time is a number of hours from 1 to 10,000.";
        }

        if (!Statuses.Contains(form.Status))
        {
            errors[nameof(PathForm.Status)] = $"The status is one of: {string.Join(", ", Statuses)}.";
        }

        PathRules.ValidateMilestones(form.Milestones, errors, MaxQuestions);
        foreach (var (field, values) in new[] { (nameof(PathForm.Tags), form.Tags), (nameof(PathForm.Channels), form.Channels), (nameof(PathForm.LearningObjectives), form.LearningObjectives) })
        {
            if (values.FirstOrDefault(v => v.Trim().Length > 300) is { } tooLong)
            {
                errors[field] = $"'{tooLong[..40]}…' is longer than 300 characters.";
            }
        }

        return errors;
    }

    /// <summary>
    /// The cycle that these prerequisites would make, as ids from this path back to it; null when there
    /// is none. <paramref name="graph"/> holds every path's current prerequisites.
    /// </summary>
    public static IReadOnlyList<string>? PrerequisiteCycle(string id, IReadOnlyList<string> prerequisites, IReadOnlyDictionary<string, IReadOnlyList<string>> graph)
    {
        IReadOnlyList<string> Next(string node) => node == id ? prerequisites : graph.GetValueOrDefault(node) ?? [];
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var trail = new List<string> { id };

        List<string>? Walk(string node)
        {
            foreach (var next in Next(node))
            {
                if (next == id)
                {
                    return [.. trail, id];
                }

                if (visited.Add(next))
                {
                    trail.Add(next);
                    if (Walk(next) is { } found)
                    {
                        return found;
                    }

                    trail.RemoveAt(trail.Count - 1);
                }
            }

            return null;
        }

        return Walk(id);
    }

    private static List<string> Clean(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The new list, or for none the path's own "none" (an empty list stays empty, missing stays missing), so an unchanged field is not a change.</summary>
    private static List<string>? OrNone(List<string>? current, List<string> next) =>
        next.Count > 0 ? next : current is { Count: 0 } ? current : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
