using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content;

/// <summary>
/// The channels (and sub-channels) each certification draws its questions from
/// (<c>certifications.channelMappings</c>). A question whose channel a certification draws from
/// has a <c>channelMappings</c> row for that certification; the rules keep those rows in step
/// when a question is created, moved or restored, whoever changes it.
/// </summary>
public sealed class CertificationRules
{
    private readonly List<(string CertificationId, List<CertificationChannelMapping> Sources)> _rules;

    private CertificationRules(List<(string, List<CertificationChannelMapping>)> rules) => _rules = rules;

    public static async Task<CertificationRules> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var certifications = await db.Certifications.AsNoTracking()
            .Where(c => c.ChannelMappings != null)
            .Select(c => new { c.Id, c.ChannelMappings })
            .ToListAsync(ct);
        return new CertificationRules(certifications
            .Where(c => c.ChannelMappings is { Count: > 0 })
            .Select(c => (c.Id, c.ChannelMappings!))
            .ToList());
    }

    /// <summary>The certifications that draw from <paramref name="channel"/>/<paramref name="subChannel"/>.</summary>
    public IEnumerable<string> CertificationsOf(string channel, string subChannel) =>
        _rules.Where(r => Covers(r.Sources, channel, subChannel)).Select(r => r.CertificationId);

    /// <summary>
    /// Brings a tracked question's certification mappings in line with where it is now: an active
    /// question gains the mapping of every certification that draws from its channel; a question
    /// moved out of a certification's channels loses that mapping. Mappings that no rule made
    /// (an import's own certification and domain) and the question's own channel are left alone,
    /// and a status change alone removes nothing, so an archived question keeps its domain.
    /// </summary>
    public void Follow(AppDbContext db, Question question, string oldChannel, string oldSubChannel, bool created)
    {
        foreach (var (certificationId, sources) in _rules)
        {
            var isIn = Covers(sources, question.Channel, question.SubChannel);
            var wasIn = !created && Covers(sources, oldChannel, oldSubChannel);
            var mapping = question.ChannelMappings.FirstOrDefault(m => m.ChannelId == certificationId);
            if (isIn && mapping is null && question.Status == QuestionStatus.Active)
            {
                question.ChannelMappings.Add(new ChannelMapping
                {
                    ChannelId = certificationId, SubChannel = question.SubChannel, QuestionId = question.Id,
                });
            }
            else if (wasIn && !isIn && mapping is not null && certificationId != question.Channel)
            {
                question.ChannelMappings.Remove(mapping);
                db.ChannelMappings.Remove(mapping);
            }
        }
    }

    private static bool Covers(List<CertificationChannelMapping> sources, string channel, string subChannel) =>
        sources.Any(s => s.ChannelId == channel && (s.SubChannels is not { Count: > 0 } subs || subs.Contains(subChannel)));
}
