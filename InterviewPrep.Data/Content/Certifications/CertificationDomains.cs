using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Certifications;

/// <summary>What one run of the domain assignment did for a certification.</summary>
public sealed record DomainRun(string CertificationId, int Questions, int Changed, int LeftByAdmins, IReadOnlyDictionary<string, int> PerDomain)
{
    public int General => PerDomain.GetValueOrDefault(DomainAssigner.General);
}

/// <summary>
/// Keeps each certification's question mappings (<c>channelMappings</c> rows of the certification's
/// id) in the domains of its blueprint: the mapping's <c>subChannel</c> is the domain id, or
/// <c>general</c>, with the assigner's confidence. A domain an admin chose is never changed by a
/// run. The question itself is not changed: for a question of the certification's own channel, its
/// own mapping keeps the domain while its sub-channel changes (see ContentChangeService).
/// </summary>
public sealed class CertificationDomains(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// Assigns domains to the certification's mapped questions: all that no admin placed, or with
    /// <paramref name="onlyUnassigned"/> only those not in a domain yet (new ones and "general").
    /// </summary>
    public async Task<DomainRun?> AssignAsync(string certificationId, bool onlyUnassigned = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificationId, ct);
        if (certification is null)
        {
            return null;
        }

        var domains = certification.Domains ?? [];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mappings = await db.ChannelMappings
            .Where(m => m.ChannelId == certificationId)
            .Include(m => m.Question)
            .OrderBy(m => m.QuestionId)
            .ToListAsync(ct);
        var questions = mappings
            .Select(m => new DomainQuestion(m.QuestionId, m.Question!.Text, m.Question.Answer, m.Question.Explanation, m.Question.Tags, m.Question.SubChannel))
            .ToList();
        // Every mapped question shapes the domains' derived terms, whichever are (re)assigned.
        var result = DomainAssigner.Assign(certification.Name, domains, questions);
        var byQuestion = result.Assignments.ToDictionary(a => a.QuestionId, StringComparer.Ordinal);
        var domainIds = domains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var changed = 0;
        var keptByAdmins = 0;
        foreach (var mapping in mappings)
        {
            if (mapping.DomainAssignedBy is not null)
            {
                keptByAdmins++;
                continue;
            }

            if (onlyUnassigned && domainIds.Contains(mapping.SubChannel))
            {
                continue;
            }

            var assignment = byQuestion[mapping.QuestionId];
            mapping.DomainConfidence = assignment.Confidence;
            if (mapping.SubChannel == assignment.Domain)
            {
                continue;
            }

            changed++;
            mapping.SubChannel = assignment.Domain;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var perDomain = mappings.GroupBy(m => domainIds.Contains(m.SubChannel) ? m.SubChannel : DomainAssigner.General)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DomainRun(certificationId, mappings.Count, changed, keptByAdmins, perDomain);
    }

    /// <summary>Runs <see cref="AssignAsync"/> for every certification that has mapped questions.</summary>
    public async Task<IReadOnlyList<DomainRun>> AssignAllAsync(bool onlyUnassigned = false, CancellationToken ct = default)
    {
        List<string> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var certifications = await db.Certifications.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
            ids = await db.ChannelMappings.AsNoTracking()
                .Where(m => certifications.Contains(m.ChannelId))
                .Select(m => m.ChannelId).Distinct().OrderBy(id => id).ToListAsync(ct);
        }

        var runs = new List<DomainRun>();
        foreach (var id in ids)
        {
            if (await AssignAsync(id, onlyUnassigned, ct) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }
}
