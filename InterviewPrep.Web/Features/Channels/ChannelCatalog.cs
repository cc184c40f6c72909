using System.Globalization;
using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Channels;

/// <summary>A channel as the catalog shows it, with its active questions counted by difficulty.</summary>
public sealed record ChannelSummary(
    string Id, string Name, string Category, string? Description, string? Icon, IReadOnlyDictionary<Difficulty, int> ByDifficulty)
{
    public int Total => ByDifficulty.Values.Sum();
}

public sealed record ChannelCategory(string Name, IReadOnlyList<ChannelSummary> Channels);

/// <summary>
/// The channels: every channel that has active questions, named and grouped by the channel
/// metadata that content brings, or with a name derived from its id when it has none. Both are
/// computed once per content version (<see cref="ContentCache"/>) when a cache is given.
/// </summary>
public sealed class ChannelCatalog(IDbContextFactory<AppDbContext> dbFactory, ContentCache? cache = null)
{
    public const string UncategorizedName = "Other";

    public Task<IReadOnlyList<ChannelCategory>> GetCategoriesAsync(CancellationToken ct = default) =>
        cache is null ? ComputeCategoriesAsync(ct) : cache.GetAsync("catalog", ComputeCategoriesAsync, ct: ct);

    private async Task<IReadOnlyList<ChannelCategory>> ComputeCategoriesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active)
            .GroupBy(q => new { q.Channel, q.Difficulty })
            .Select(g => new { g.Key.Channel, g.Key.Difficulty, Count = g.Count() })
            .ToListAsync(ct);
        var metadata = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);

        var channels = counts.GroupBy(c => c.Channel).Select(g =>
        {
            var meta = metadata.GetValueOrDefault(g.Key);
            return (Summary: new ChannelSummary(
                g.Key,
                meta?.Name ?? ReadableName(g.Key),
                meta?.Category ?? UncategorizedName,
                meta?.Description,
                meta?.Icon,
                g.ToDictionary(c => c.Difficulty, c => c.Count)), Order: meta?.SortOrder ?? int.MaxValue);
        }).ToList();

        return channels
            .GroupBy(c => c.Summary.Category)
            .OrderBy(g => g.Key == UncategorizedName)
            .ThenBy(g => g.Min(c => c.Order))
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ChannelCategory(g.Key, g
                .OrderBy(c => c.Order)
                .ThenBy(c => c.Summary.Name, StringComparer.OrdinalIgnoreCase)
                .Select(c => c.Summary)
                .ToList()))
            .ToList();
    }

    /// <summary>How many distinct questions of each channel a learner has studied (revealed or graded): their progress.</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetSeenCountsAsync(string learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.StudiedAt != null && s.Question!.Status == QuestionStatus.Active)
            .GroupBy(s => s.Question!.Channel)
            .Select(g => new { Channel = g.Key, Seen = g.Count() })
            .ToDictionaryAsync(x => x.Channel, x => x.Seen, ct);
    }

    /// <summary>The display name of one channel.</summary>
    public async Task<string> GetNameAsync(string channelId, CancellationToken ct = default) =>
        (await GetAsync(channelId, ct)).Name;

    /// <summary>One channel's metadata, or a readable stand-in when content brought none.</summary>
    public async Task<Channel> GetAsync(string channelId, CancellationToken ct = default)
    {
        var metadata = cache is null ? await LoadMetadataAsync(ct) : await cache.GetAsync("channel-metadata", LoadMetadataAsync, ct: ct);
        return metadata.GetValueOrDefault(channelId)
            ?? new Channel { Id = channelId, Name = ReadableName(channelId), Category = UncategorizedName };
    }

    // Channel metadata is a few rows per channel: all of it is read at once.
    private async Task<IReadOnlyDictionary<string, Channel>> LoadMetadataAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
    }

    private static readonly HashSet<string> SmallWords = ["a", "an", "and", "of", "the", "for", "to", "in", "on", "vs"];

    /// <summary>Short words that are words, not acronyms.</summary>
    private static readonly HashSet<string> ShortWords = ["new", "web", "app", "how", "why", "use", "run", "key", "log", "ops", "net"];

    /// <summary><c>system-design</c> → "System Design", <c>aws-saa</c> → "AWS SAA".</summary>
    public static string ReadableName(string channelId)
    {
        var words = channelId.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return channelId;
        }

        return string.Join(' ', words.Select((w, i) =>
            w.Length <= 3 && !SmallWords.Contains(w.ToLowerInvariant()) && !ShortWords.Contains(w.ToLowerInvariant())
                ? w.ToUpperInvariant()
                : i > 0 && SmallWords.Contains(w.ToLowerInvariant())
                    ? w.ToLowerInvariant()
                    : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant())));
    }
}
