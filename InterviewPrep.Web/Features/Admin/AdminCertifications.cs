using InterviewPrep.Data;
using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Certifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>One exam domain as admins edit it.</summary>
public sealed class DomainRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public int Weight { get; set; }
}

/// <summary>A channel that feeds a certification, optionally only some of its sub-channels.</summary>
public sealed class FeedRow
{
    public string ChannelId { get; set; } = "";

    /// <summary>Comma-separated sub-channels; empty for the whole channel.</summary>
    public string SubChannels { get; set; } = "";

    public int Weight { get; set; } = 100;
}

/// <summary>Every field of a certification (the design's <c>certifications</c>) as the admin editor holds it.</summary>
public sealed class CertificationForm
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Description { get; set; } = "";
    public string Category { get; set; } = "";
    public Difficulty Difficulty { get; set; } = Difficulty.Intermediate;
    public string? Icon { get; set; }
    public string? Color { get; set; }
    public string? ExamCode { get; set; }
    public string? OfficialUrl { get; set; }
    public string Status { get; set; } = "active";
    public int EstimatedHours { get; set; } = 40;
    public int QuestionCount { get; set; } = 65;
    public int PassingScore { get; set; } = 70;
    public int ExamDuration { get; set; } = 90;
    public List<DomainRow> Domains { get; set; } = [];
    public List<FeedRow> Feeds { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public List<string> Prerequisites { get; set; } = [];
}

/// <summary>What a save did besides writing the row: questions newly mapped, and questions placed in the changed domains.</summary>
public sealed record CertificationSaved(int Mapped, int Replaced, DomainRun? Domains);

/// <summary>
/// Creating and editing certifications. A save validates every field (domains whose weights sum to 100,
/// a passing score of 0 to 100, positive duration and question count, a known status), writes the row in
/// one transaction with what follows from it: questions of a removed domain go back to be placed again
/// (an admin's own placement into a domain that still exists stays), questions of the channels that now
/// feed it are mapped to it; then the questions not in a domain are placed. Content pages show the change
/// at once (the content version moves with the row).
/// </summary>
public sealed class AdminCertifications(IDbContextFactory<AppDbContext> dbFactory, CertificationDomains domains)
{
    public static readonly IReadOnlyList<string> Statuses = ["active", "beta", "retired"];

    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;

    public async Task<CertificationForm?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return c is null ? null : new CertificationForm
        {
            Id = c.Id, Name = c.Name, Provider = c.Provider, Description = c.Description, Category = c.Category, Difficulty = c.Difficulty,
            Icon = c.Icon, Color = c.Color, ExamCode = c.ExamCode, OfficialUrl = c.OfficialUrl, Status = c.Status,
            EstimatedHours = c.EstimatedHours, QuestionCount = c.QuestionCount, PassingScore = c.PassingScore, ExamDuration = c.ExamDuration,
            Domains = (c.Domains ?? []).Select(d => new DomainRow { Id = d.Id, Name = d.Name, Weight = d.Weight }).ToList(),
            Feeds = (c.ChannelMappings ?? []).Select(m => new FeedRow
            {
                ChannelId = m.ChannelId, SubChannels = string.Join(", ", m.SubChannels ?? []), Weight = m.Weight,
            }).ToList(),
            Tags = c.Tags?.ToList() ?? [],
            Prerequisites = c.Prerequisites?.ToList() ?? [],
        };
    }

    /// <summary>Saves a certification; <paramref name="isNew"/> refuses an id that is taken. The errors are by field, empty when saved.</summary>
    public async Task<(Dictionary<string, string> Errors, CertificationSaved? Saved)> SaveAsync(
        CertificationForm form, bool isNew, CancellationToken ct = default)
    {
        var errors = Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = await db.Channels.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        channels.AddRange(await db.Questions.AsNoTracking().Select(q => q.Channel).Distinct().ToListAsync(ct));
        for (var i = 0; i < form.Feeds.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(form.Feeds[i].ChannelId) && !channels.Contains(form.Feeds[i].ChannelId.Trim()))
            {
                errors[$"Feeds[{i}].ChannelId"] = $"There is no channel '{form.Feeds[i].ChannelId.Trim()}'.";
            }
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var id = form.Id.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certification = await db.Certifications.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (isNew && certification is not null)
        {
            return (new() { [nameof(CertificationForm.Id)] = $"There is already a certification '{id}'." }, null);
        }

        if (!isNew && certification is null)
        {
            return (new() { [nameof(CertificationForm.Id)] = $"The certification '{id}' no longer exists." }, null);
        }

        certification ??= db.Certifications.Add(new Certification { Id = id, Name = "", Provider = "", Description = "", Category = "" }).Entity;
        var newDomains = form.Domains.Select(d => new CertificationDomain(d.Id.Trim(), d.Name.Trim(), d.Weight)).ToList();
        var kept = newDomains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        certification.Name = form.Name.Trim();
        certification.Provider = form.Provider.Trim();
        certification.Description = form.Description.Trim();
        certification.Category = form.Category.Trim();
        certification.Difficulty = form.Difficulty;
        certification.Icon = Blank(form.Icon);
        certification.Color = Blank(form.Color);
        certification.ExamCode = Blank(form.ExamCode);
        certification.OfficialUrl = Blank(form.OfficialUrl);
        certification.Status = form.Status;
        certification.EstimatedHours = form.EstimatedHours;
        certification.QuestionCount = form.QuestionCount;
        certification.PassingScore = form.PassingScore;
        certification.ExamDuration = form.ExamDuration;
        certification.Domains = newDomains;
        certification.ChannelMappings = form.Feeds.Count == 0 ? null : form.Feeds.Select(f => new CertificationChannelMapping(
            f.ChannelId.Trim(), SubChannelsOf(f) is { Count: > 0 } subs ? subs : null, f.Weight)).ToList();
        certification.Tags = form.Tags.Count == 0 ? null : form.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        certification.Prerequisites = form.Prerequisites.Count == 0 ? null : form.Prerequisites.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();

        // Questions in a domain that is gone are placed again, whoever placed them.
        var replaced = 0;
        foreach (var mapping in await db.ChannelMappings.Where(m => m.ChannelId == id).ToListAsync(ct))
        {
            if (!kept.Contains(mapping.SubChannel) && mapping.SubChannel != DomainAssigner.General)
            {
                (mapping.SubChannel, mapping.DomainAssignedBy, mapping.DomainConfidence) = (DomainAssigner.General, null, null);
                replaced++;
            }
        }

        await db.SaveChangesAsync(ct);
        var mapped = await CertificationFeeds.MapAsync(db, certification, ct);
        await tx.CommitAsync(ct);
        var run = await domains.AssignAsync(id, onlyUnassigned: true, ct);
        return ([], new CertificationSaved(mapped, replaced, run));
    }

    public static Dictionary<string, string> Validate(CertificationForm form)
    {
        var errors = new Dictionary<string, string>();
        if (!AdminForms.IsId(form.Id))
        {
            errors[nameof(CertificationForm.Id)] = "Use 1 to 60 lower-case letters, digits and hyphens (like aws-saa): it is the certification's address.";
        }

        AdminForms.Text(errors, nameof(CertificationForm.Name), form.Name, "A name", MaxNameLength, required: true);
        AdminForms.Text(errors, nameof(CertificationForm.Provider), form.Provider, "A provider", 80, required: true);
        AdminForms.Text(errors, nameof(CertificationForm.Description), form.Description, "A description", MaxDescriptionLength, required: true);
        AdminForms.Text(errors, nameof(CertificationForm.Category), form.Category, "A category", 60, required: true);
        AdminForms.Text(errors, nameof(CertificationForm.ExamCode), form.ExamCode, "The exam code", 40, required: false);
        AdminForms.Text(errors, nameof(CertificationForm.Icon), form.Icon, "The icon", 60, required: false);
        AdminForms.Text(errors, nameof(CertificationForm.Color), form.Color, "The colour", 60, required: false);
        if (!Enum.IsDefined(form.Difficulty))
        {
            errors[nameof(CertificationForm.Difficulty)] = "Choose a difficulty.";
        }

        if (!string.IsNullOrWhiteSpace(form.OfficialUrl)
            && !(Uri.TryCreate(form.OfficialUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            errors[nameof(CertificationForm.OfficialUrl)] = "The official page is a full web address starting with https://.";
        }

        if (!Statuses.Contains(form.Status))
        {
            errors[nameof(CertificationForm.Status)] = $"The status is one of: {string.Join(", ", Statuses)}.";
        }

        if (form.EstimatedHours is < 1 or > 10_000)
        {
            errors[nameof(CertificationForm.EstimatedHours)] = "Study time is a number of hours from 1 to 10,000.";
        }

        if (form.QuestionCount is < 1 or > ExamService.MaxLength)
        {
            errors[nameof(CertificationForm.QuestionCount)] = $"The exam has 1 to {ExamService.MaxLength} questions (the real exam's number, not the bank's).";
        }

        if (form.PassingScore is < 0 or > 100)
        {
            errors[nameof(CertificationForm.PassingScore)] = "The passing score is a percentage from 0 to 100.";
        }

        if (form.ExamDuration is < 1 or > 24 * 60)
        {
            errors[nameof(CertificationForm.ExamDuration)] = "The exam lasts 1 to 1,440 minutes.";
        }

        ValidateDomains(form, errors);
        for (var i = 0; i < form.Feeds.Count; i++)
        {
            var feed = form.Feeds[i];
            if (string.IsNullOrWhiteSpace(feed.ChannelId))
            {
                errors[$"Feeds[{i}].ChannelId"] = "Name the channel, or remove the row.";
            }

            if (feed.Weight is < 1 or > 100)
            {
                errors[$"Feeds[{i}].Weight"] = "A weight from 1 to 100.";
            }
        }

        return errors;
    }

    private static void ValidateDomains(CertificationForm form, Dictionary<string, string> errors)
    {
        if (form.Domains.Count == 0)
        {
            errors[nameof(CertificationForm.Domains)] = "Add the exam's domains: the blueprint that exams are drawn by.";
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Domains.Count; i++)
        {
            var d = form.Domains[i];
            var id = d.Id.Trim();
            if (!AdminForms.IsId(id) || id == DomainAssigner.General)
            {
                errors[$"Domains[{i}].Id"] = id == DomainAssigner.General
                    ? "'general' is kept for questions in no domain."
                    : "Lower-case letters, digits and hyphens.";
            }
            else if (!seen.Add(id))
            {
                errors[$"Domains[{i}].Id"] = $"'{id}' is already a domain of this certification.";
            }

            if (string.IsNullOrWhiteSpace(d.Name))
            {
                errors[$"Domains[{i}].Name"] = "A name.";
            }

            if (d.Weight is < 1 or > 100)
            {
                errors[$"Domains[{i}].Weight"] = "A weight from 1 to 100.";
            }
        }

        var sum = form.Domains.Sum(d => d.Weight);
        if (sum != 100)
        {
            errors[nameof(CertificationForm.Domains)] = $"The weights sum to {sum}; they must sum to 100.";
        }
    }

    private static List<string> SubChannelsOf(FeedRow feed) =>
        feed.SubChannels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
