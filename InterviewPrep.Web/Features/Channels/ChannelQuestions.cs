using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Channels;

/// <summary>One question in a list.</summary>
public sealed record QuestionListItem(string Id, string Text, string Summary, Difficulty Difficulty, string SubChannel, IReadOnlyList<string> Tags, DateTime CreatedAt);

/// <summary>A value of a filter with how many questions it would leave.</summary>
public sealed record FacetValue(string Value, int Count, bool Selected);

public sealed record Facets(
    IReadOnlyList<FacetValue> SubChannels,
    IReadOnlyList<FacetValue> Difficulties,
    IReadOnlyList<FacetValue> Companies,
    IReadOnlyList<FacetValue> Tags,
    IReadOnlyList<FacetValue> Levels);

public sealed record ChannelPageData(
    string ChannelId,
    string Name,
    string? Description,
    int TotalInChannel,
    int Matching,
    int PageCount,
    ChannelQuery Query,
    IReadOnlyList<QuestionListItem> Questions,
    Facets Facets);

/// <summary>Configuration section <c>Channels</c>.</summary>
public sealed class ChannelCacheOptions
{
    public const string Section = "Channels";

    /// <summary>How many question rows, over all channels, the channel cache may hold.</summary>
    public int CachedRowLimit { get; set; } = 100_000;
}

/// <summary>
/// A channel's questions: the design's "Get Questions by Channel" (active, newest first) plus, for a
/// certification channel, "Get Certification Questions" (mapped through channelMappings), filtered,
/// counted per filter value, ordered and paged.
/// </summary>
public sealed class ChannelQuestions(
    IDbContextFactory<AppDbContext> dbFactory, ChannelCatalog catalog, ContentVersion? version = null, IOptions<ChannelCacheOptions>? options = null)
    : IDisposable
{
    /// <summary>The longest a channel's rows are kept even when the content version has not moved.</summary>
    public static readonly TimeSpan SafetyLifetime = TimeSpan.FromMinutes(10);

    // A channel's light rows, kept until content changes: filters and facets are computed in memory.
    // Only channels that have questions are kept (any URL names a channel), and only so many rows:
    // each entry's size is its row count.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = (options?.Value ?? new ChannelCacheOptions()).CachedRowLimit,
        TrackStatistics = true,
    });

    /// <summary>How many question rows the cache holds now (never more than <see cref="ChannelCacheOptions.CachedRowLimit"/>).</summary>
    public long CachedRows => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Whether a channel's rows are in the cache.</summary>
    public bool IsCached(string channelId) => _cache.TryGetValue(channelId, out _);

    public void Dispose() => _cache.Dispose();

    private sealed record Row(
        string Id, string Text, string? Tldr, string Answer, Difficulty Difficulty, string SubChannel,
        List<string>? Tags, List<string>? Companies, List<string>? Levels, int? Relevance, DateTime CreatedAt);

    /// <param name="keep">The learner's progress filter: only these ids (see <see cref="Study.QuestionMarks.KeepAsync"/>).</param>
    public async Task<ChannelPageData?> GetAsync(ChannelQuery query, IReadOnlySet<string>? keep = null, CancellationToken ct = default)
    {
        var rows = await LoadAsync(query.ChannelId, ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var matching = rows.Where(r => Matches(r, query) && (keep is null || keep.Contains(r.Id))).ToList();
        var ordered = Order(matching, query).ToList();
        var pageCount = Math.Max(1, (int)Math.Ceiling(ordered.Count / (double)ChannelQuery.PageSize));
        var page = Math.Min(query.Page, pageCount);
        var items = ordered.Skip((page - 1) * ChannelQuery.PageSize).Take(ChannelQuery.PageSize)
            .Select(r => new QuestionListItem(r.Id, r.Text, Summary(r), r.Difficulty, r.SubChannel, r.Tags ?? [], r.CreatedAt))
            .ToList();
        var channel = await catalog.GetAsync(query.ChannelId, ct);

        return new ChannelPageData(
            query.ChannelId,
            channel.Name,
            channel.Description,
            rows.Count,
            matching.Count,
            pageCount,
            query with { Page = page },
            items,
            new Facets(
                Facet(rows, query with { SubChannel = null }, r => [r.SubChannel], query.SubChannel),
                Facet(rows, query with { Difficulty = null }, r => [Vocabulary.ToText(r.Difficulty)], query.Difficulty, ordinal: true),
                Facet(rows, query with { Company = null }, r => r.Companies ?? [], query.Company),
                Facet(rows, query with { Tag = null }, r => r.Tags ?? [], query.Tag),
                Facet(rows, query with { Level = null }, r => r.Levels ?? [], query.Level)));
    }

    /// <summary>All ids of the filtered, ordered list: what study mode walks through.</summary>
    public async Task<IReadOnlyList<string>> GetIdsAsync(ChannelQuery query, IReadOnlySet<string>? keep = null, CancellationToken ct = default)
    {
        var rows = await LoadAsync(query.ChannelId, ct);
        return Order(rows.Where(r => Matches(r, query) && (keep is null || keep.Contains(r.Id))), query).Select(r => r.Id).ToList();
    }

    private async Task<List<Row>> LoadAsync(string channelId, CancellationToken ct)
    {
        long? current = version is null ? null : await version.CurrentAsync(ct);
        if (current is not null && _cache.TryGetValue(channelId, out (long Version, List<Row> Rows) cached) && cached.Version == current)
        {
            return cached.Rows;
        }

        var rows = await QueryAsync(channelId, ct);
        if (current is not null && rows.Count > 0)
        {
            // The version says when to reload; the age limit only catches what it cannot see, such as
            // a database restored under the running app.
            _cache.Set(channelId, (current.Value, rows), new MemoryCacheEntryOptions { Size = rows.Count, AbsoluteExpirationRelativeToNow = SafetyLifetime });
        }

        return rows;
    }

    private async Task<List<Row>> QueryAsync(string channelId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = await db.Questions.AsNoTracking()
            .Where(q => q.Channel == channelId && q.Status == QuestionStatus.Active)
            .OrderByDescending(q => q.CreatedAt)
            .Select(q => new Row(q.Id, q.Text, q.Tldr, q.Answer, q.Difficulty, q.SubChannel, q.Tags, q.Companies, q.ExperienceLevelTags, q.RelevanceScore, q.CreatedAt))
            .ToListAsync(ct);
        var mapped = await db.ChannelMappings.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Question!.Status == QuestionStatus.Active && m.Question.Channel != channelId)
            .Select(m => new Row(m.Question!.Id, m.Question.Text, m.Question.Tldr, m.Question.Answer, m.Question.Difficulty, m.SubChannel,
                m.Question.Tags, m.Question.Companies, m.Question.ExperienceLevelTags, m.Question.RelevanceScore, m.Question.CreatedAt))
            .ToListAsync(ct);
        return own.Concat(mapped.DistinctBy(r => r.Id)).ToList();
    }

    private static bool Matches(Row r, ChannelQuery q) =>
        (q.SubChannel is null || r.SubChannel.Equals(q.SubChannel, StringComparison.OrdinalIgnoreCase))
        && (q.Difficulty is null || Vocabulary.ToText(r.Difficulty).Equals(q.Difficulty, StringComparison.OrdinalIgnoreCase))
        && (q.Company is null || (r.Companies?.Contains(q.Company, StringComparer.OrdinalIgnoreCase) ?? false))
        && (q.Tag is null || (r.Tags?.Contains(q.Tag, StringComparer.OrdinalIgnoreCase) ?? false))
        && (q.Level is null || (r.Levels?.Contains(q.Level, StringComparer.OrdinalIgnoreCase) ?? false));

    private static IEnumerable<Row> Order(IEnumerable<Row> rows, ChannelQuery q) => q.Order switch
    {
        QuestionOrder.Relevance => rows.OrderByDescending(r => r.Relevance ?? -1).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
        // Stable for a seed, so pages of a shuffled list do not repeat or skip questions.
        QuestionOrder.Shuffled => rows.OrderBy(r => StableHash(r.Id, q.Seed)).ThenBy(r => r.Id, StringComparer.Ordinal),
        _ => rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
    };

    private static uint StableHash(string id, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static IReadOnlyList<FacetValue> Facet(
        List<Row> rows, ChannelQuery others, Func<Row, IEnumerable<string>> values, string? selected, bool ordinal = false)
    {
        var counts = rows.Where(r => Matches(r, others))
            .SelectMany(r => values(r).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FacetValue(g.Key, g.Count(), selected is not null && g.Key.Equals(selected, StringComparison.OrdinalIgnoreCase)));
        var ordered = ordinal
            ? counts.OrderBy(f => Vocabulary.TryParse<Difficulty>(f.Value, out var d) ? (int)d : 99).ToList()
            : counts.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.OrdinalIgnoreCase).ToList();
        // The chosen value leads, so it is always in sight.
        var chosen = ordered.FindIndex(f => f.Selected);
        if (chosen > 0 && !ordinal)
        {
            var value = ordered[chosen];
            ordered.RemoveAt(chosen);
            ordered.Insert(0, value);
        }
        else if (selected is not null && chosen < 0)
        {
            ordered.Insert(0, new FacetValue(selected, 0, true));
        }

        return ordered;
    }

    private static string Summary(Row r)
    {
        var text = string.IsNullOrWhiteSpace(r.Tldr) ? r.Answer : r.Tldr;
        return text.Length <= 220 ? text : text[..219].TrimEnd() + "…";
    }
}
