using InterviewPrep.Data.Content.Certifications;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>A domain's readiness: the mean probability of recalling its questions today (0 to 1).</summary>
public sealed record DomainReadiness(string Domain, string Name, int Weight, int Questions, int Studied, double Recall);

/// <summary>
/// Readiness for a certification: per domain and overall (the blueprint-weighted mean of the domains that
/// have questions), and the domain to study next: the one where weight times what is not yet known is largest.
/// </summary>
public sealed record ReadinessReport(IReadOnlyList<DomainReadiness> Domains, double Overall, DomainReadiness? StudyNext)
{
    /// <summary>"If the exam were today": the expected score in whole percent.</summary>
    public int ExpectedPercent => (int)Math.Round(100 * Overall);

    public bool Started => Domains.Any(d => d.Studied > 0);
}

/// <summary>
/// Computes readiness from the recall probability of each question today (FSRS retrievability for
/// questions in review, zero for questions never studied). Questions in no domain are not in the
/// blueprint and do not count.
/// </summary>
public static class Readiness
{
    public static ReadinessReport Compute(
        IReadOnlyList<BlueprintDomain> blueprint, IReadOnlyDictionary<string, string> domainOf, IReadOnlyDictionary<string, double> recall)
    {
        var byDomain = domainOf.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList(), StringComparer.Ordinal);
        var domains = blueprint
            .Where(d => d.Id != DomainAssigner.General)
            .Select(d =>
            {
                var ids = byDomain.GetValueOrDefault(d.Id) ?? [];
                var studied = ids.Count(recall.ContainsKey);
                var mean = ids.Count == 0 ? 0 : ids.Sum(id => Math.Clamp(recall.GetValueOrDefault(id), 0, 1)) / ids.Count;
                return new DomainReadiness(d.Id, d.Name, d.Weight, ids.Count, studied, mean);
            })
            .ToList();
        var counted = domains.Where(d => d.Questions > 0).ToList();
        var weights = counted.Sum(d => Math.Max(0, d.Weight));
        var overall = counted.Count == 0 ? 0
            : weights == 0 ? counted.Average(d => d.Recall)
            : counted.Sum(d => Math.Max(0, d.Weight) * d.Recall) / weights;
        var next = counted
            .OrderByDescending(d => Math.Max(0, d.Weight) * (1 - d.Recall))
            .ThenByDescending(d => d.Weight)
            .FirstOrDefault();
        return new ReadinessReport(domains, overall, next);
    }
}
