using System.Text.RegularExpressions;
using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Paths;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Certifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>What to generate: a path type and its target (a company, a job title, a channel, a certification id).</summary>
/// <summary>What to generate: a path type and its target (a company, a job title, a channel, a certification id); the path's id follows from them unless given.</summary>
public sealed record PathRequest(string PathType, string Target, int MaxQuestions = PathGenerator.DefaultQuestions, string? PathId = null);

/// <summary>What generating did: the path's id, and whether it was created, replaced or left alone (and why).</summary>
public sealed record PathGenerated(string PathId, string? Title, PathGeneration Outcome, int Questions, string Message);

public enum PathGeneration { Created, Replaced, Unchanged, KeptEditedByHand, NothingToBuildFrom }

/// <summary>
/// Builds learning paths from the content, deterministically:
/// <list type="bullet">
/// <item>company: the active questions that name the company, beginner to advanced, one milestone per level;</item>
/// <item>job title: the questions relevant to the job title (their <c>jobTitleRelevance</c> at 0.5 or more), by level;</item>
/// <item>skill: a channel's questions, by level;</item>
/// <item>certification: the certification's questions by exam domain, heaviest domain first, each domain's share of the
/// path's questions in proportion to its weight, and seats the domains cannot fill taken by its questions in no domain.</item>
/// </list>
/// Within a milestone, a question comes after those linked to it as its prerequisite, then easier before harder,
/// more relevant first. The path's id is the type's prefix and the target (company-google, certification-aws-saa),
/// so the same request replaces the path it made before, and records <c>lastGenerated</c>. A path an admin saved
/// since it was generated, or one that was never generated, is never replaced.
/// </summary>
public sealed partial class PathGenerator(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultQuestions = 60;
    public const int MaxQuestions = 300;
    private const double JobRelevanceAtLeast = 0.5;

    /// <summary>A certification path's last milestone: its questions in no exam domain.</summary>
    public const string GeneralTitle = "Across the exam";

    private sealed record Candidate(string Id, string Channel, Difficulty Difficulty, int Relevance);

    public static string PathIdFor(string pathType, string target) =>
        $"{pathType switch { "job-title" => "career", var t => t }}-{Slug(target)}";

    public async Task<PathGenerated> GenerateAsync(PathRequest request, ChangeSource source, CancellationToken ct = default)
    {
        var target = request.Target.Trim();
        var length = Math.Clamp(request.MaxQuestions, 1, MaxQuestions);
        var id = request.PathId ?? PathIdFor(request.PathType, target);
        if (target.Length == 0 || Slug(target).Length == 0 || !PathCatalog.Types.Any(t => t.Type == request.PathType))
        {
            return new(id, null, PathGeneration.NothingToBuildFrom, 0, "Choose a path type and name its target.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = request.PathType switch
        {
            "company" => await ByLevelAsync(db, q => q.Companies != null,
                q => (q.Companies ?? []).Any(c => string.Equals(c, target, StringComparison.OrdinalIgnoreCase)), length,
                rows => rows.SelectMany(q => q.Companies ?? []).First(c => string.Equals(c, target, StringComparison.OrdinalIgnoreCase)) is var company
                    ? ($"{company} interview preparation", $"Questions asked at {company}, from foundations to advanced rounds, in the order to study them.", company)
                    : default, ct),
            "job-title" => await ByLevelAsync(db, q => q.JobTitleRelevance != null, q => JobRelevance(q, target) >= JobRelevanceAtLeast, length,
                _ => ($"{Humanize(Slug(target))} path", $"The questions that matter most for a {Humanize(Slug(target)).ToLowerInvariant()}, from foundations to advanced.", null), ct),
            "skill" => await ByLevelAsync(db, q => q.Channel == target, _ => true, length,
                _ => ($"{ChannelName(db, target)} skill path", $"The {ChannelName(db, target)} channel's questions, from foundations to advanced, in the order to study them.", null), ct),
            _ => await ByDomainAsync(db, target, length, ct),
        };
        if (plan is null || plan.Milestones.Sum(m => m.QuestionIds.Count) == 0)
        {
            return new(id, null, PathGeneration.NothingToBuildFrom, 0, request.PathType switch
            {
                "company" => $"No active question names the company '{target}'.",
                "job-title" => $"No active question is marked relevant to the job title '{Slug(target)}'.",
                "skill" => $"The channel '{target}' has no active questions.",
                _ => $"There is no certification '{target}', or it has no questions yet.",
            });
        }

        var now = clock.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var path = await db.LearningPaths.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (path is not null && (path.OwnerId is not null || !PathChanges.IsGenerated(path)))
        {
            return new(id, path.Title, PathGeneration.KeptEditedByHand, path.QuestionIds.Count,
                path.LastGenerated is null
                    ? $"{id} was not generated (it was imported or written by hand); it is left as it is."
                    : $"{id} was edited by hand after it was generated; it is left as it is.");
        }

        var before = path is null ? null : PathChanges.Snapshot(path);
        var created = path is null;
        path ??= db.LearningPaths.Add(new LearningPath { Id = id, Title = "", Description = "", PathType = request.PathType, CreatedAt = now }).Entity;
        var questions = plan.Milestones.SelectMany(m => m.QuestionIds).ToList();
        path.Title = plan.Title;
        path.Description = plan.Description;
        path.PathType = request.PathType;
        path.TargetCompany = request.PathType == "company" ? plan.Target : null;
        path.TargetJobTitle = request.PathType == "job-title" ? Slug(target) : null;
        path.Difficulty = plan.Difficulty;
        path.EstimatedHours = Math.Max(1, (int)Math.Ceiling(questions.Count * 10 / 60.0));
        path.QuestionIds = questions;
        path.Milestones = plan.Milestones.Select(m => new Milestone(m.Title, m.QuestionIds.Count, m.QuestionIds.ToList())).ToList();
        path.Channels = plan.Channels;
        path.Tags = plan.Tags;
        path.LearningObjectives = plan.Milestones.Select(m => $"{m.Title}: {m.QuestionIds.Count} {(m.QuestionIds.Count == 1 ? "question" : "questions")} mastered").ToList();
        if (created)
        {
            path.Status = "active";
        }

        var changed = await PathChanges.RecordAsync(db, before, path, source, now, ct);
        path.LastGenerated = now;
        path.LastUpdated = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(id, path.Title, created ? PathGeneration.Created : changed.Count > 0 ? PathGeneration.Replaced : PathGeneration.Unchanged, questions.Count,
            created ? $"Created {id} with {questions.Count} questions in {Milestones(plan.Milestones.Count)}."
            : changed.Count > 0 ? $"Generated {id} again: {questions.Count} questions in {Milestones(plan.Milestones.Count)}."
            : $"{id} is already what the content gives.");
    }

    /// <summary>
    /// Builds again, from this collection's questions, each generated path none of whose questions is here
    /// (such as paths imported from another system whose question ids differ), keeping its id, type, target
    /// and length. Paths edited by hand, and paths with at least one question here, are left alone.
    /// </summary>
    public async Task<IReadOnlyList<PathGenerated>> RebuildEmptyAsync(ChangeSource source, CancellationToken ct = default)
    {
        List<PathRequest> requests;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var active = (await db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Active).Select(q => q.Id).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var certifications = (await db.Certifications.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var paths = await db.LearningPaths.AsNoTracking().Where(p => p.OwnerId == null).OrderBy(p => p.Id).ToListAsync(ct);
            requests = paths
                .Where(p => PathChanges.IsGenerated(p) && !PathMilestones.Split(p.QuestionIds, p.Milestones).SelectMany(m => m.QuestionIds).Any(active.Contains))
                .Select(p => RequestFor(p, certifications))
                .OfType<PathRequest>()
                .ToList();
        }

        var results = new List<PathGenerated>();
        foreach (var request in requests)
        {
            results.Add(await GenerateAsync(request, source, ct));
        }

        return results;
    }

    /// <summary>
    /// Generates again every generated path nobody edited by hand (a bot's daily run): one whose questions
    /// changed with the content is replaced, the rest stay as they are.
    /// </summary>
    public async Task<IReadOnlyList<PathGenerated>> RegenerateAllAsync(ChangeSource source, CancellationToken ct = default)
    {
        List<PathRequest> requests;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var certifications = (await db.Certifications.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var paths = await db.LearningPaths.AsNoTracking().Where(p => p.OwnerId == null).OrderBy(p => p.Id).ToListAsync(ct);
            requests = paths.Where(PathChanges.IsGenerated).Select(p => RequestFor(p, certifications)).OfType<PathRequest>().ToList();
        }

        var results = new List<PathGenerated>();
        foreach (var request in requests)
        {
            results.Add(await GenerateAsync(request, source, ct));
        }

        return results;
    }

    /// <summary>The request that makes this kind of path again, or null when its target cannot be told.</summary>
    private static PathRequest? RequestFor(LearningPath path, IReadOnlySet<string> certifications)
    {
        var length = Math.Clamp(path.QuestionIds.Count, 1, MaxQuestions);
        var prefix = path.PathType + "-";
        var target = path.PathType switch
        {
            "certification" when path.Id.StartsWith(prefix, StringComparison.Ordinal) && certifications.Contains(path.Id[prefix.Length..]) => path.Id[prefix.Length..],
            "certification" => path.Channels.FirstOrDefault(certifications.Contains),
            "company" => path.TargetCompany,
            "job-title" or "career" => path.TargetJobTitle,
            "skill" => path.Channels.FirstOrDefault(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(target) ? null : new PathRequest(path.PathType == "career" ? "job-title" : path.PathType, target, length, path.Id);
    }

    private sealed record Plan(string Title, string Description, string? Target, Difficulty Difficulty, List<MilestonePlan> Milestones, List<string> Channels, List<string>? Tags);

    /// <summary>Company, job-title and skill paths: the matching questions, the most relevant first, in milestones by level.</summary>
    private static async Task<Plan?> ByLevelAsync(
        AppDbContext db, System.Linq.Expressions.Expression<Func<Question, bool>> narrow, Func<Question, bool> matches, int length,
        Func<List<Question>, (string Title, string Description, string? Target)> describe, CancellationToken ct)
    {
        var rows = (await db.Questions.AsNoTracking()
                .Where(q => q.Status == QuestionStatus.Active)
                .Where(narrow)
                .ToListAsync(ct))
            .Where(matches)
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        // Each level gets its share of the path, in proportion to how many questions it has; the most relevant within it.
        var levels = rows.Select(q => new Candidate(q.Id, q.Channel, q.Difficulty, q.RelevanceScore ?? 0))
            .GroupBy(q => q.Difficulty)
            .ToDictionary(g => g.Key.ToString(), g => g.OrderByDescending(q => q.Relevance).ThenBy(q => q.Id, StringComparer.Ordinal).ToList());
        var seats = ExamDraw.Apportion(levels.Select(l => new DomainShare(l.Key, l.Value.Count, l.Value.Count)).ToList(), length);
        var chosen = levels.SelectMany(l => l.Value.Take(seats.GetValueOrDefault(l.Key))).ToList();
        var before = await PrerequisitesAsync(db, chosen.Select(c => c.Id).ToList(), ct);
        var milestones = chosen.GroupBy(c => c.Difficulty).OrderBy(g => g.Key)
            .Select(g => new MilestonePlan(LevelTitle(g.Key), Order(g.ToList(), before)))
            .ToList();
        var channels = chosen.GroupBy(c => c.Channel).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var tags = rows.SelectMany(q => q.Tags ?? []).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(8).Select(g => g.Key).ToList();
        var (title, description, target) = describe(rows);
        return new Plan(title, description, target, Median(chosen), milestones, channels, tags.Count > 0 ? tags : null);
    }

    /// <summary>A certification path: its mapped questions by domain, heaviest domain first, shares by weight.</summary>
    private async Task<Plan?> ByDomainAsync(AppDbContext db, string certificationId, int length, CancellationToken ct)
    {
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificationId, ct);
        if (certification is null)
        {
            return null;
        }

        var mapped = await db.ChannelMappings.AsNoTracking()
            .Where(m => m.ChannelId == certificationId && m.Question!.Status == QuestionStatus.Active)
            .Select(m => new { m.SubChannel, Candidate = new Candidate(m.QuestionId, m.Question!.Channel, m.Question.Difficulty, m.Question.RelevanceScore ?? 0) })
            .ToListAsync(ct);
        var domains = certification.Domains ?? [];
        var pools = domains
            .Select(d => (Domain: d, Pool: mapped.Where(m => m.SubChannel == d.Id).Select(m => m.Candidate)
                .OrderByDescending(q => q.Relevance).ThenBy(q => q.Difficulty).ThenBy(q => q.Id, StringComparer.Ordinal).ToList()))
            .ToList();
        var seats = ExamDraw.Apportion(pools.Select(p => new DomainShare(p.Domain.Id, p.Domain.Weight, p.Pool.Count)).ToList(), length);
        var chosen = pools.SelectMany(p => p.Pool.Take(seats.GetValueOrDefault(p.Domain.Id))).ToList();
        var before = await PrerequisitesAsync(db, chosen.Select(c => c.Id).ToList(), ct);
        var milestones = pools
            .OrderByDescending(p => p.Domain.Weight)
            .Select(p => new MilestonePlan(p.Domain.Name, Order(p.Pool.Take(seats.GetValueOrDefault(p.Domain.Id)).ToList(), before)))
            .Where(m => m.QuestionIds.Count > 0)
            .ToList();
        // Seats the domains cannot fill go to the certification's questions in no domain.
        var general = mapped.Where(m => !domains.Any(d => d.Id == m.SubChannel)).Select(m => m.Candidate)
            .OrderByDescending(q => q.Relevance).ThenBy(q => q.Difficulty).ThenBy(q => q.Id, StringComparer.Ordinal)
            .Take(length - chosen.Count)
            .ToList();
        if (general.Count > 0)
        {
            milestones.Add(new MilestonePlan(GeneralTitle, Order(general, await PrerequisitesAsync(db, general.Select(c => c.Id).ToList(), ct))));
        }

        if (milestones.Count == 0)
        {
            return null;
        }

        return new Plan(
            $"{certification.Name} prep",
            $"Prepare for {certification.Name}{(certification.ExamCode is { } code ? $" ({code})" : "")}: its exam domains in order of weight, each with its share of questions.",
            null, certification.Difficulty, milestones, [certificationId], certification.Tags?.ToList());
    }

    /// <summary>The prerequisite links among these questions: for each, the questions that come before it.</summary>
    private static async Task<Dictionary<string, List<string>>> PrerequisitesAsync(AppDbContext db, List<string> ids, CancellationToken ct)
    {
        var links = await db.QuestionRelationships.AsNoTracking()
            .Where(r => r.RelationshipType == RelationshipTypes.Prerequisite && ids.Contains(r.SourceQuestionId) && ids.Contains(r.TargetQuestionId))
            .Select(r => new { r.SourceQuestionId, r.TargetQuestionId })
            .ToListAsync(ct);
        // "A is a prerequisite of B" is drawn from A to B: A comes first.
        return links.GroupBy(l => l.TargetQuestionId).ToDictionary(g => g.Key, g => g.Select(l => l.SourceQuestionId).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Easier before harder, more relevant first, and never a question before its prerequisites: those
    /// are pulled forward to just before it (a cycle of prerequisites is cut where it closes).
    /// </summary>
    public static IReadOnlyList<string> Order(IReadOnlyList<(string Id, Difficulty Difficulty, int Relevance)> questions, IReadOnlyDictionary<string, List<string>> before)
    {
        var ranked = questions.OrderBy(q => q.Difficulty).ThenByDescending(q => q.Relevance).ThenBy(q => q.Id, StringComparer.Ordinal).Select(q => q.Id).ToList();
        var inSet = ranked.ToHashSet(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();

        // A question's prerequisites (in rank order) are placed just before it; a cycle is cut where it closes.
        void Place(string id)
        {
            if (placed.Contains(id) || !visiting.Add(id))
            {
                return;
            }

            foreach (var pre in (before.GetValueOrDefault(id) ?? []).Where(inSet.Contains).OrderBy(ranked.IndexOf))
            {
                Place(pre);
            }

            visiting.Remove(id);
            placed.Add(id);
            result.Add(id);
        }

        foreach (var id in ranked)
        {
            Place(id);
        }

        return result;
    }

    private static IReadOnlyList<string> Order(List<Candidate> questions, IReadOnlyDictionary<string, List<string>> before) =>
        Order(questions.Select(q => (q.Id, q.Difficulty, q.Relevance)).ToList(), before);

    private static double JobRelevance(Question q, string target) =>
        q.JobTitleRelevance?.FirstOrDefault(p => Slug(p.Key) == Slug(target)).Value ?? 0;

    private static string Milestones(int count) => count == 1 ? "1 milestone" : $"{count} milestones";

    private static string ChannelName(AppDbContext db, string channelId) =>
        db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.Name).FirstOrDefault() ?? Humanize(channelId);

    private static string Humanize(string slug) => slug.Length == 0 ? slug : char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');

    private static string LevelTitle(Difficulty level) => level switch
    {
        Difficulty.Beginner => "Foundations",
        Difficulty.Intermediate => "Core questions",
        _ => "Advanced questions",
    };

    private static Difficulty Median(List<Candidate> questions) =>
        questions.Select(q => q.Difficulty).Order().ElementAt(questions.Count / 2);

    public static string Slug(string text) => NonSlug().Replace(text.Trim().ToLowerInvariant(), "-").Trim('-') is var s && s.Length > 50 ? s[..50].Trim('-') : s;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
