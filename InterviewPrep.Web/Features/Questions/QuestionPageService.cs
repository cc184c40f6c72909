using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>A question as its page shows it, with content already rendered to safe HTML.</summary>
public sealed record QuestionPage(
    string Id,
    string Text,
    string Answer,
    string Tldr,
    string ExplanationHtml,
    string? Eli5Html,
    string DiagramHtml,
    string Channel,
    string ChannelName,
    string SubChannel,
    Difficulty Difficulty,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> ExperienceLevels,
    IReadOnlyList<VideoLink> Videos,
    string? SourceUrl,
    DateTime LastUpdated,
    IReadOnlyList<RelatedQuestion> Related,
    bool Flagged = false,
    IReadOnlyList<QuestionOption>? Options = null,
    bool VoiceSuitable = false);

public sealed record RelatedQuestion(string Id, string Text, Difficulty Difficulty, string? RelationshipType);

/// <summary>What a question id leads to.</summary>
public enum QuestionLookup { Found, NotFound, Removed }

/// <summary>The outcome of looking a question up; a removed question still names its channel.</summary>
public sealed record QuestionResult(QuestionLookup Lookup, QuestionPage? Page, string? Channel = null);

public sealed class QuestionPageService(
    IDbContextFactory<AppDbContext> dbFactory, ContentHtml html, ChannelCatalog catalog, ContentCache? cache = null)
{
    public const int RelatedLimit = 6;

    /// <summary>A question's page, rendered once per content version; unknown ids are not kept.</summary>
    public Task<QuestionResult> GetAsync(string id, CancellationToken ct = default) =>
        cache is null
            ? LoadAsync(id, ct)
            : cache.GetAsync("question:" + id, c => LoadAsync(id, c), SizeOf, ct);

    private static int SizeOf(QuestionResult result) => result.Page is not { } p
        ? result.Lookup == QuestionLookup.NotFound ? 0 : 1
        : ContentCache.SizeOf(p.Text, p.Answer, p.Tldr, p.ExplanationHtml, p.Eli5Html, p.DiagramHtml) + 1;

    private async Task<QuestionResult> LoadAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (q is null)
        {
            return new QuestionResult(QuestionLookup.NotFound, null);
        }

        if (q.Status is QuestionStatus.Deleted or QuestionStatus.Archived)
        {
            return new QuestionResult(QuestionLookup.Removed, null, q.Channel);
        }

        var page = Render(q, await catalog.GetNameAsync(q.Channel, ct), await RelatedAsync(db, q, ct));
        return new QuestionResult(QuestionLookup.Found, page, q.Channel);
    }

    /// <summary>A question as its page shows it (the admin editor's preview uses it on a draft).</summary>
    public QuestionPage Render(Question q, string channelName, IReadOnlyList<RelatedQuestion> related) => new(
        q.Id,
        q.Text,
        q.Answer,
        string.IsNullOrWhiteSpace(q.Tldr) ? q.Answer : q.Tldr,
        html.Markdown(q.Explanation),
        string.IsNullOrWhiteSpace(q.Eli5) ? null : html.Markdown(q.Eli5),
        ContentHtml.Diagram(q.Diagram),
        q.Channel,
        channelName,
        q.SubChannel,
        q.Difficulty,
        q.Tags ?? [],
        q.Companies ?? [],
        q.ExperienceLevelTags ?? [],
        VideoLink.From(q.Videos),
        SafeUrl(q.SourceUrl),
        q.LastUpdated,
        related,
        q.Status == QuestionStatus.Flagged,
        q.Options?.ToList(),
        q.VoiceSuitable);

    /// <summary>
    /// The design's "Get Related Questions" (strongest first), active ones only; when a question has
    /// no relationships, others of its sub-channel stand in.
    /// </summary>
    private static async Task<IReadOnlyList<RelatedQuestion>> RelatedAsync(AppDbContext db, Question q, CancellationToken ct)
    {
        var linked = await db.QuestionRelationships.AsNoTracking()
            .Where(r => r.SourceQuestionId == q.Id && r.Target!.Status == QuestionStatus.Active)
            .OrderByDescending(r => r.Strength)
            .Take(RelatedLimit)
            .Select(r => new RelatedQuestion(r.TargetQuestionId, r.Target!.Text, r.Target.Difficulty, r.RelationshipType))
            .ToListAsync(ct);
        if (linked.Count > 0)
        {
            return linked;
        }

        return await db.Questions.AsNoTracking()
            .Where(x => x.Channel == q.Channel && x.SubChannel == q.SubChannel && x.Id != q.Id && x.Status == QuestionStatus.Active)
            .OrderByDescending(x => x.CreatedAt)
            .Take(RelatedLimit)
            .Select(x => new RelatedQuestion(x.Id, x.Text, x.Difficulty, null))
            .ToListAsync(ct);
    }

    /// <summary>Only http(s) links leave the page.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}

/// <summary>A video of a question: a privacy-enhanced YouTube embed, or a plain link for anything else.</summary>
public sealed record VideoLink(string Label, string Url, string? EmbedUrl)
{
    public static IReadOnlyList<VideoLink> From(QuestionVideos? videos)
    {
        var links = new List<VideoLink>();
        Add(links, "Short video", videos?.ShortVideo);
        Add(links, "In-depth video", videos?.LongVideo);
        return links;
    }

    private static void Add(List<VideoLink> links, string label, string? url)
    {
        if (QuestionPageService.SafeUrl(url) is { } safe)
        {
            links.Add(new VideoLink(label, safe, YouTubeEmbed(safe)));
        }
    }

    /// <summary>youtube.com/watch?v=ID, youtu.be/ID, youtube.com/shorts/ID or /embed/ID → youtube-nocookie.com/embed/ID.</summary>
    public static string? YouTubeEmbed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https" && uri.Scheme != "http")
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        string? id = null;
        if (host is "youtu.be")
        {
            id = uri.AbsolutePath.Trim('/');
        }
        else if (host is "youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com")
        {
            var path = uri.AbsolutePath;
            if (path == "/watch")
            {
                id = System.Web.HttpUtility.ParseQueryString(uri.Query)["v"];
            }
            else if (path.StartsWith("/shorts/", StringComparison.Ordinal) || path.StartsWith("/embed/", StringComparison.Ordinal))
            {
                id = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
            }
        }

        return id is not null && System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z0-9_-]{11}$")
            ? $"https://www.youtube-nocookie.com/embed/{id}"
            : null;
    }
}
