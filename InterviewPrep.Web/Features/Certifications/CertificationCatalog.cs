using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>A certification as the catalog shows it: the exam's facts and the questions there are to practise with.</summary>
public sealed record CertificationCard(
    string Id, string Name, string Provider, string Category, string Description, Difficulty Difficulty, string Status,
    string? Icon, string? Color, string? ExamCode, int ExamDuration, int PassingScore, int Domains, int Available, bool HasChannel);

/// <summary>The certifications catalog (the design's <c>certifications</c>), with active questions counted per certification.</summary>
public sealed class CertificationCatalog(IDbContextFactory<AppDbContext> dbFactory, ContentCache? cache = null)
{
    public Task<IReadOnlyList<CertificationCard>> GetAsync(CancellationToken ct = default) =>
        cache is null ? ComputeAsync(ct) : cache.GetAsync("certification-catalog", ComputeAsync, ct: ct);

    private async Task<IReadOnlyList<CertificationCard>> ComputeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certifications = await db.Certifications.AsNoTracking().OrderBy(c => c.Provider).ThenBy(c => c.Name).ToListAsync(ct);
        var ids = certifications.Select(c => c.Id).ToList();
        // "Get Certification Questions" (access pattern 3), counted: mappings of the certification's id to active questions.
        var available = await db.ChannelMappings.AsNoTracking()
            .Where(m => ids.Contains(m.ChannelId) && m.Question!.Status == QuestionStatus.Active)
            .GroupBy(m => m.ChannelId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var channels = (await db.Channels.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return certifications.Select(c => new CertificationCard(
                c.Id, c.Name, c.Provider, c.Category, c.Description, c.Difficulty, c.Status, c.Icon, c.Color, c.ExamCode,
                c.ExamDuration, c.PassingScore, c.Domains?.Count ?? 0, available.GetValueOrDefault(c.Id), channels.Contains(c.Id)))
            .ToList();
    }

    /// <summary>The data's icon names (a web icon set's) as Material icon names.</summary>
    public static string? MaterialName(string? icon) => icon switch
    {
        "shield" => "shield",
        "database" => "storage",
        "network" => "hub",
        "brain" => "psychology",
        "cloud" => "cloud",
        "box" => "inventory_2",
        "infinity" => "all_inclusive",
        "code" => "code",
        "server" => "dns",
        "git-branch" => "account_tree",
        "layers" => "layers",
        "terminal" => "terminal",
        "activity" => "monitor_heart",
        "cpu" => "memory",
        "layout" => "dashboard",
        "lock" => "lock",
        _ => icon,
    };

    /// <summary>
    /// The data's colour classes (<c>text-orange-400</c>) as one of our accent colours: the hue is
    /// kept, the shade is ours, so every icon reads on both the light and the dark theme.
    /// </summary>
    public static string Accent(string? colorClass)
    {
        var hue = colorClass?.Split('-') is [_, var name, ..] ? name : null;
        return hue switch
        {
            "orange" or "amber" => "#ef6c00",
            "blue" => "#1e88e5",
            "sky" or "cyan" => "#0288d1",
            "purple" or "violet" => "#8e24aa",
            "indigo" => "#3949ab",
            "red" or "rose" => "#e53935",
            "green" or "emerald" => "#43a047",
            "yellow" => "#f9a825",
            _ => "var(--mud-palette-primary)",
        };
    }
}
