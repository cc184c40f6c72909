using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>What the admin question grid filters on; every part is optional.</summary>
public sealed record QuestionFilter
{
    public string? Text { get; init; }
    public string? Channel { get; init; }
    public string? SubChannel { get; init; }
    public QuestionStatus? Status { get; init; }
    public Difficulty? Difficulty { get; init; }
    public string? Company { get; init; }
    public string? Tag { get; init; }
    public bool? HasDiagram { get; init; }
    public bool? HasEli5 { get; init; }
    public bool? HasTldr { get; init; }
    public bool? HasVoiceKeywords { get; init; }
}

/// <summary>The grid's sortable columns.</summary>
public enum QuestionSort { LastUpdated, Created, Id, Text, Channel, SubChannel, Difficulty, Status }

/// <summary>One row of the grid: what fits on a line, not the whole question.</summary>
public sealed record QuestionRow(
    string Id, string Text, string Channel, string SubChannel, Difficulty Difficulty, QuestionStatus Status,
    bool HasDiagram, bool HasEli5, bool HasTldr, DateTime LastUpdated, int Revision);

public sealed record QuestionGridPage(IReadOnlyList<QuestionRow> Rows, int Total);

/// <summary>
/// The admin grid's reads: one page of questions, filtered and sorted on the server (a count and
/// a page, two statements), over every status.
/// </summary>
public sealed class AdminQuestionQuery(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<QuestionGridPage> PageAsync(
        QuestionFilter filter, QuestionSort sort, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db.Questions.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        // The page's ids first (read from the grid's index on SQLite, even deep into the list), then
        // those rows only.
        var ids = await Sort(query, sort, descending)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(q => q.Id)
            .ToListAsync(ct);
        var rows = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.Id))
            .Select(q => new QuestionRow(
                q.Id, q.Text, q.Channel, q.SubChannel, q.Difficulty, q.Status,
                q.Diagram != null && q.Diagram != "", q.Eli5 != null && q.Eli5 != "", q.Tldr != null && q.Tldr != "",
                q.LastUpdated, q.Revision))
            .ToDictionaryAsync(r => r.Id, ct);
        return new QuestionGridPage(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), total);
    }

    /// <summary>Channels and their sub-channels, with how many questions each has (any status).</summary>
    public async Task<IReadOnlyList<ChannelOption>> ChannelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Questions.AsNoTracking()
            .GroupBy(q => new { q.Channel, q.SubChannel })
            .Select(g => new { g.Key.Channel, g.Key.SubChannel, Count = g.Count() })
            .ToListAsync(ct);
        var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return counts
            .GroupBy(c => c.Channel)
            .Select(g => new ChannelOption(
                g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.Sum(x => x.Count),
                g.OrderBy(x => x.SubChannel, StringComparer.Ordinal).Select(x => x.SubChannel).ToList()))
            .Concat(names.Where(n => counts.All(c => c.Channel != n.Key)).Select(n => new ChannelOption(n.Key, n.Value, 0, [])))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    internal static IQueryable<Question> Filter(IQueryable<Question> query, QuestionFilter f)
    {
        if (Clean(f.Text) is { } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(q => q.Id == text || q.Text.ToLower().Contains(lower));
        }

        if (Clean(f.Channel) is { } channel)
        {
            query = query.Where(q => q.Channel == channel);
        }

        if (Clean(f.SubChannel) is { } subChannel)
        {
            query = query.Where(q => q.SubChannel == subChannel);
        }

        if (f.Status is { } status)
        {
            query = query.Where(q => q.Status == status);
        }

        if (f.Difficulty is { } difficulty)
        {
            query = query.Where(q => q.Difficulty == difficulty);
        }

        if (Clean(f.Company) is { } company)
        {
            query = query.Where(q => q.Companies!.Contains(company));
        }

        if (Clean(f.Tag) is { } tag)
        {
            query = query.Where(q => q.Tags!.Contains(tag));
        }

        if (f.HasDiagram is { } hasDiagram)
        {
            query = hasDiagram ? query.Where(q => q.Diagram != null && q.Diagram != "") : query.Where(q => q.Diagram == null || q.Diagram == "");
        }

        if (f.HasEli5 is { } hasEli5)
        {
            query = hasEli5 ? query.Where(q => q.Eli5 != null && q.Eli5 != "") : query.Where(q => q.Eli5 == null || q.Eli5 == "");
        }

        if (f.HasTldr is { } hasTldr)
        {
            query = hasTldr ? query.Where(q => q.Tldr != null && q.Tldr != "") : query.Where(q => q.Tldr == null || q.Tldr == "");
        }

        if (f.HasVoiceKeywords is { } hasKeywords)
        {
            query = hasKeywords
                ? query.Where(q => q.VoiceKeywords != null && q.VoiceKeywords.Count > 0)
                : query.Where(q => q.VoiceKeywords == null || q.VoiceKeywords.Count == 0);
        }

        return query;
    }

    private static IQueryable<Question> Sort(IQueryable<Question> query, QuestionSort sort, bool descending)
    {
        // The id breaks ties, so a page boundary never repeats or skips a row.
        IOrderedQueryable<Question> ordered = (sort, descending) switch
        {
            (QuestionSort.Created, false) => query.OrderBy(q => q.CreatedAt),
            (QuestionSort.Created, true) => query.OrderByDescending(q => q.CreatedAt),
            (QuestionSort.Id, false) => query.OrderBy(q => q.Id),
            (QuestionSort.Id, true) => query.OrderByDescending(q => q.Id),
            (QuestionSort.Text, false) => query.OrderBy(q => q.Text),
            (QuestionSort.Text, true) => query.OrderByDescending(q => q.Text),
            (QuestionSort.Channel, false) => query.OrderBy(q => q.Channel).ThenBy(q => q.SubChannel),
            (QuestionSort.Channel, true) => query.OrderByDescending(q => q.Channel).ThenByDescending(q => q.SubChannel),
            (QuestionSort.SubChannel, false) => query.OrderBy(q => q.SubChannel),
            (QuestionSort.SubChannel, true) => query.OrderByDescending(q => q.SubChannel),
            // Stored as text: ordered by rank, not alphabetically.
            (QuestionSort.Difficulty, false) => query.OrderBy(q => q.Difficulty == Difficulty.Beginner ? 0 : q.Difficulty == Difficulty.Intermediate ? 1 : q.Difficulty == Difficulty.Advanced ? 2 : 3),
            (QuestionSort.Difficulty, true) => query.OrderByDescending(q => q.Difficulty == Difficulty.Beginner ? 0 : q.Difficulty == Difficulty.Intermediate ? 1 : q.Difficulty == Difficulty.Advanced ? 2 : 3),
            (QuestionSort.Status, false) => query.OrderBy(q => q.Status),
            (QuestionSort.Status, true) => query.OrderByDescending(q => q.Status),
            (_, false) => query.OrderBy(q => q.LastUpdated),
            (_, true) => query.OrderByDescending(q => q.LastUpdated),
        };
        return descending ? ordered.ThenByDescending(q => q.Id) : ordered.ThenBy(q => q.Id);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record ChannelOption(string Id, string Name, int Questions, IReadOnlyList<string> SubChannels);
