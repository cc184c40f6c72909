using System.Text;
using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Companies;

/// <summary>A company as its list shows it: the questions asked there, in how many channels.</summary>
public sealed record CompanySummary(string Slug, string Name, int Questions, int Channels);

/// <summary>One company's questions, filtered by channel and difficulty, with the counts each filter would leave.</summary>
public sealed record CompanyPageData(
    string Slug, string Name, int Total, int Matching, int Page, int PageCount, string? Channel, Difficulty? Difficulty,
    IReadOnlyList<QuestionListItem> Questions, IReadOnlyList<(string Id, string Name, int Count)> Channels,
    IReadOnlyList<(Difficulty Difficulty, int Count)> Difficulties);

/// <summary>
/// The companies of the questions' <c>companies</c> field across channels, like a company tag: each company's
/// active questions, newest first. Spellings that differ only in case or punctuation are one company, named
/// as most of its questions spell it. Computed once per content version.
/// </summary>
public sealed class CompanyCatalog(IDbContextFactory<AppDbContext> dbFactory, ChannelCatalog channels, ContentCache? cache = null)
{
    public const int PageSize = 20;

    private sealed record Row(string Id, string Text, string Channel, string SubChannel, Difficulty Difficulty, IReadOnlyList<string> Tags, DateTime CreatedAt);

    private sealed record Company(string Slug, string Name, IReadOnlyList<Row> Rows);

    public async Task<IReadOnlyList<CompanySummary>> ListAsync(CancellationToken ct = default) =>
        (await CompaniesAsync(ct)).Values
            .Select(c => new CompanySummary(c.Slug, c.Name, c.Rows.Count, c.Rows.Select(r => r.Channel).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(c => c.Questions).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>A page of a company's questions; null when no question names the company.</summary>
    public async Task<CompanyPageData?> GetAsync(string slug, string? channel, Difficulty? difficulty, int page, CancellationToken ct = default)
    {
        if (!(await CompaniesAsync(ct)).TryGetValue(slug, out var company))
        {
            return null;
        }

        var names = (await channels.GetCategoriesAsync(ct)).SelectMany(c => c.Channels).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var inChannel = company.Rows.Where(r => channel is null || r.Channel == channel).ToList();
        var matching = inChannel.Where(r => difficulty is null || r.Difficulty == difficulty).ToList();
        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new CompanyPageData(
            company.Slug, company.Name, company.Rows.Count, matching.Count, page, pageCount, channel, difficulty,
            matching.Skip((page - 1) * PageSize).Take(PageSize)
                .Select(r => new QuestionListItem(r.Id, r.Text, "", r.Difficulty, names.GetValueOrDefault(r.Channel) ?? ChannelCatalog.ReadableName(r.Channel), r.Tags, r.CreatedAt))
                .ToList(),
            company.Rows.Where(r => difficulty is null || r.Difficulty == difficulty).GroupBy(r => r.Channel)
                .Select(g => (g.Key, names.GetValueOrDefault(g.Key) ?? ChannelCatalog.ReadableName(g.Key), g.Count()))
                .OrderByDescending(c => c.Item3).ThenBy(c => c.Item2, StringComparer.OrdinalIgnoreCase).ToList(),
            Enum.GetValues<Difficulty>().Select(d => (d, inChannel.Count(r => r.Difficulty == d))).ToList());
    }

    /// <summary>The ids of a company's questions with the filters, in list order, for study mode; null for an unknown company.</summary>
    public async Task<(string Name, IReadOnlyList<string> Ids)?> IdsAsync(string slug, string? channel, Difficulty? difficulty, CancellationToken ct = default) =>
        (await CompaniesAsync(ct)).TryGetValue(slug, out var company)
            ? (company.Name, company.Rows.Where(r => (channel is null || r.Channel == channel) && (difficulty is null || r.Difficulty == difficulty)).Select(r => r.Id).ToList())
            : null;

    /// <summary>A company's name in a URL: lower-case letters and digits, words joined by hyphens ("Goldman Sachs" is goldman-sachs).</summary>
    public static string SlugOf(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private Task<Dictionary<string, Company>> CompaniesAsync(CancellationToken ct) =>
        cache is null ? ComputeAsync(ct) : cache.GetAsync("companies", ComputeAsync, c => ContentCache.SizeOf(c.Keys.ToArray()) + c.Values.Sum(v => v.Rows.Count) / 8, ct);

    private async Task<Dictionary<string, Company>> ComputeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active && q.Companies != null)
            .OrderByDescending(q => q.CreatedAt).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.Text, q.Channel, q.SubChannel, q.Difficulty, q.Tags, q.Companies, q.CreatedAt })
            .ToListAsync(ct);
        var named = new Dictionary<string, (Dictionary<string, int> Spellings, List<Row> Rows)>(StringComparer.Ordinal);
        foreach (var q in rows)
        {
            var row = new Row(q.Id, q.Text, q.Channel, q.SubChannel, q.Difficulty, q.Tags ?? [], q.CreatedAt);
            foreach (var name in (q.Companies ?? []).Select(n => n.Trim()).Where(n => n.Length > 0))
            {
                var slug = SlugOf(name);
                if (slug.Length == 0)
                {
                    continue;
                }

                if (!named.TryGetValue(slug, out var company))
                {
                    named[slug] = company = (new Dictionary<string, int>(StringComparer.Ordinal), []);
                }

                company.Spellings[name] = company.Spellings.GetValueOrDefault(name) + 1;
                if (company.Rows.Count == 0 || company.Rows[^1].Id != row.Id)
                {
                    company.Rows.Add(row);
                }
            }
        }

        return named.ToDictionary(
            p => p.Key,
            p => new Company(p.Key, p.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key, p.Value.Rows),
            StringComparer.Ordinal);
    }
}
