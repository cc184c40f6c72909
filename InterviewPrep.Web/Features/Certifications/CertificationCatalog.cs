using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>A certification as the catalog shows it: the exam's facts and the questions there are to practise with.</summary>
public sealed record CertificationCard(
    string Id, string Name, string Provider, string Category, string Description, Difficulty Difficulty, string Status,
    string? Icon, string? Color, string? ExamCode, int ExamDuration, int PassingScore, int Domains, int Available, bool HasChannel);

/// <summary>An exam domain with its weight and the active questions placed in it.</summary>
public sealed record DomainCount(string Id, string Name, int Weight, int Questions);

/// <summary>A prerequisite: another certification's id, and its name when it is in the catalog.</summary>
public sealed record Prerequisite(string Id, string? Name);

/// <summary>A certification's page: the exam, its domains, the questions in no domain, its prerequisites.</summary>
public sealed record CertificationDetail(
    Certification Certification, IReadOnlyList<DomainCount> Domains, int General, IReadOnlyList<Prerequisite> Prerequisites, bool HasChannel)
{
    public int Available => Domains.Sum(d => d.Questions) + General;
}

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

    /// <summary>One certification with its domains' active questions and its prerequisites' names; null when there is none.</summary>
    public async Task<CertificationDetail?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certification is null)
        {
            return null;
        }

        var perDomain = await db.ChannelMappings.AsNoTracking()
            .Where(m => m.ChannelId == id && m.Question!.Status == QuestionStatus.Active)
            .GroupBy(m => m.SubChannel)
            .Select(g => new { Domain = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Domain, x => x.Count, ct);
        var prerequisiteIds = certification.Prerequisites ?? [];
        var names = await db.Certifications.AsNoTracking().Where(c => prerequisiteIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var domains = (certification.Domains ?? [])
            .Select(d => new DomainCount(d.Id, d.Name, d.Weight, perDomain.GetValueOrDefault(d.Id)))
            .ToList();
        var general = perDomain.Where(p => domains.All(d => d.Id != p.Key)).Sum(p => p.Value);
        var hasChannel = await db.Channels.AsNoTracking().AnyAsync(c => c.Id == id, ct);
        return new CertificationDetail(
            certification, domains, general,
            prerequisiteIds.Select(p => new Prerequisite(p, names.GetValueOrDefault(p))).ToList(), hasChannel);
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
