using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Certifications;

/// <summary>What one run of the domain assignment did for a certification.</summary>
public sealed record DomainRun(string CertificationId, int Questions, int Changed, int LeftByAdmins, IReadOnlyDictionary<string, int> PerDomain)
{
    public int General => PerDomain.GetValueOrDefault(DomainAssigner.General);
}

/// <summary>A question mapped to a certification, with its domain and how it got there.</summary>
public sealed record DomainQuestionRow(string QuestionId, string Text, QuestionStatus Status, string Domain, double? Confidence, string? AssignedBy);

/// <summary>A domain's weight, its active questions, and how many a full exam draws from it.</summary>
public sealed record DomainFigures(string Id, string Name, int Weight, int Questions, int NeededForFullExam)
{
    public bool TooFew => Questions < NeededForFullExam;

    /// <summary>Questions a full exam of <paramref name="examQuestions"/> draws from a domain of <paramref name="weight"/> %.</summary>
    public static int Needed(int examQuestions, int weight) => (int)Math.Ceiling(examQuestions * weight / 100.0);
}

/// <summary>A certification in the admin list: active questions mapped, how many in no domain, and domains short for a full exam.</summary>
public sealed record CertificationDomainsRow(string Id, string Name, string Provider, int Questions, int General, int Domains, int ShortDomains);

public sealed record DomainSummary(
    string CertificationId, string Name, int ExamQuestionCount, IReadOnlyList<DomainFigures> Domains, IReadOnlyList<DomainQuestionRow> Questions);

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
    /// <param name="bot">When a bot runs it: its name and run; the moves are written to its ledger in the same transaction.</param>
    public async Task<DomainRun?> AssignAsync(string certificationId, bool onlyUnassigned = false, CancellationToken ct = default, ChangeSource? bot = null)
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
        var (movedFrom, movedTo) = (new System.Text.Json.Nodes.JsonObject(), new System.Text.Json.Nodes.JsonObject());
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
            (movedFrom[mapping.QuestionId], movedTo[mapping.QuestionId]) = (mapping.SubChannel, assignment.Domain);
            mapping.SubChannel = assignment.Domain;
        }

        if (bot is not null && changed > 0)
        {
            await Bots.LedgerChain.AppendAsync(db, new BotLedgerEntry
            {
                BotName = bot.SourceName ?? "bot", Action = "assign-domains", ItemType = "certification", ItemId = certificationId,
                BeforeState = movedFrom, AfterState = movedTo, Reason = bot.Reason, RunId = bot.Metadata?["run"]?.GetValue<int>(),
                CreatedAt = DateTime.UtcNow,
            }, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var perDomain = mappings.GroupBy(m => domainIds.Contains(m.SubChannel) ? m.SubChannel : DomainAssigner.General)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DomainRun(certificationId, mappings.Count, changed, keptByAdmins, perDomain);
    }

    /// <summary>
    /// A certification's domains with their questions: how many each has, and how many a full exam
    /// draws from it (its weight of the exam's question count), so a short domain shows.
    /// </summary>
    public async Task<DomainSummary?> SummaryAsync(string certificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificationId, ct);
        if (certification is null)
        {
            return null;
        }

        var questions = await db.ChannelMappings.AsNoTracking()
            .Where(m => m.ChannelId == certificationId)
            .OrderBy(m => m.SubChannel).ThenByDescending(m => m.DomainConfidence).ThenBy(m => m.QuestionId)
            .Select(m => new DomainQuestionRow(m.QuestionId, m.Question!.Text, m.Question.Status, m.SubChannel, m.DomainConfidence, m.DomainAssignedBy))
            .ToListAsync(ct);
        var domains = (certification.Domains ?? []).Select(d => new DomainFigures(
                d.Id, d.Name, d.Weight, questions.Count(q => q.Domain == d.Id && q.Status == QuestionStatus.Active),
                DomainFigures.Needed(certification.QuestionCount, d.Weight)))
            .ToList();
        return new DomainSummary(certification.Id, certification.Name, certification.QuestionCount, domains, questions);
    }

    /// <summary>Every certification with its mapped questions: how many are in no domain, and which domains are short for a full exam.</summary>
    public async Task<IReadOnlyList<CertificationDomainsRow>> OverviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certifications = await db.Certifications.AsNoTracking().OrderBy(c => c.Provider).ThenBy(c => c.Name).ToListAsync(ct);
        var ids = certifications.Select(c => c.Id).ToList();
        var counts = await db.ChannelMappings.AsNoTracking()
            .Where(m => ids.Contains(m.ChannelId) && m.Question!.Status == QuestionStatus.Active)
            .GroupBy(m => new { m.ChannelId, m.SubChannel })
            .Select(g => new { g.Key.ChannelId, g.Key.SubChannel, Count = g.Count() })
            .ToListAsync(ct);
        return certifications.Select(c =>
        {
            var mine = counts.Where(x => x.ChannelId == c.Id).ToList();
            var domains = c.Domains ?? [];
            var inDomains = mine.Where(x => domains.Any(d => d.Id == x.SubChannel)).Sum(x => x.Count);
            var short_ = domains.Count(d => mine.Where(x => x.SubChannel == d.Id).Sum(x => x.Count) < DomainFigures.Needed(c.QuestionCount, d.Weight));
            return new CertificationDomainsRow(c.Id, c.Name, c.Provider, mine.Sum(x => x.Count), mine.Sum(x => x.Count) - inDomains, domains.Count, short_);
        }).ToList();
    }

    /// <summary>An admin places a question in a domain (or "general"); no automatic run moves it again.</summary>
    public async Task<bool> SetDomainAsync(string certificationId, string questionId, string domain, string admin, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificationId, ct);
        if (certification is null || (domain != DomainAssigner.General && certification.Domains?.Any(d => d.Id == domain) != true))
        {
            return false;
        }

        var mapping = await db.ChannelMappings.SingleOrDefaultAsync(m => m.ChannelId == certificationId && m.QuestionId == questionId, ct);
        if (mapping is null)
        {
            return false;
        }

        (mapping.SubChannel, mapping.DomainConfidence, mapping.DomainAssignedBy) = (domain, null, admin);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Runs <see cref="AssignAsync"/> for every certification that has mapped questions.</summary>
    public async Task<IReadOnlyList<DomainRun>> AssignAllAsync(bool onlyUnassigned = false, CancellationToken ct = default, ChangeSource? bot = null)
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
            if (await AssignAsync(id, onlyUnassigned, ct, bot) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }
}
