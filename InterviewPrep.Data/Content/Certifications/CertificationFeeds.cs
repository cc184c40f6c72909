using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Certifications;

/// <summary>A channel that could feed a certification, with how well its name matches the certification.</summary>
public sealed record FeedCandidate(string ChannelId, int Questions, int Score, IReadOnlyList<string> Matched);

/// <summary>What feeding a certification did: the channels chosen and the questions mapped from them.</summary>
public sealed record FeedRun(string CertificationId, IReadOnlyList<FeedCandidate> Channels, int Mapped);

/// <summary>
/// Where a certification's questions come from when it has none of its own (no channel of its id, no
/// channels named in its <c>channelMappings</c>): the channels whose names match the certification's,
/// deterministically and offline. Every word of a channel (its id and name) must be found in the
/// certification's name, id or provider (3 points), its domains' names (2 for each domain that has it)
/// or its description (1); channels scoring at least <see cref="MinScore"/> feed it, the best
/// <see cref="MaxChannels"/> of them. When none does, the channels its category covers feed it. Their
/// active questions are mapped to it, to be placed in its domains like any other; the certification's
/// own row is not changed (an admin who wants those channels to keep feeding it, new questions
/// included, names them in the certification editor).
/// </summary>
public sealed class CertificationFeeds(IDbContextFactory<AppDbContext> dbFactory, CertificationDomains domains)
{
    public const int MinScore = 4;
    public const int MaxChannels = 3;

    /// <summary>Channels with fewer active questions are not worth drawing an exam from.</summary>
    public const int MinQuestions = 20;

    /// <summary>Words too general to tell channels apart (as stems, the way they are compared).</summary>
    private static readonly HashSet<string> Weak = new[]
    {
        "certified", "certification", "associate", "professional", "specialty", "expert", "foundation", "foundations", "fundamentals",
        "engineer", "engineering", "developer", "administrator", "architect", "practitioner", "solutions", "services", "management",
    }.SelectMany(DomainAssigner.Terms).ToHashSet(StringComparer.Ordinal);

    /// <summary>What each of the data's certification categories covers, in channel words, for the fallback.</summary>
    private static readonly Dictionary<string, string> CategoryWords = new(StringComparer.Ordinal)
    {
        ["ai"] = "ai machine learning generative",
        ["data"] = "data database",
        ["cloud"] = "cloud system design",
        ["development"] = "development backend",
        ["devops"] = "devops sre",
        ["security"] = "security",
    };

    /// <summary>The channels that would feed <paramref name="certification"/>, best first.</summary>
    public static IReadOnlyList<FeedCandidate> Choose(Certification certification, IReadOnlyList<(string Id, string? Name, int Questions)> channels)
    {
        HashSet<string> Words(params string?[] texts) =>
            texts.SelectMany(t => DomainAssigner.Terms(t?.Replace('-', ' '))).Where(w => w.Length >= 2 && !Weak.Contains(w)).ToHashSet(StringComparer.Ordinal);

        var title = Words(certification.Name, certification.Provider, certification.Id);
        var domainWords = (certification.Domains ?? []).Select(d => Words(d.Name)).ToList();
        var about = Words(certification.Description);
        var category = Words(certification.Category, CategoryWords.GetValueOrDefault(certification.Category.Trim().ToLowerInvariant()));
        int ScoreOf(string w) => (title.Contains(w) ? 3 : 0) + 2 * domainWords.Count(d => d.Contains(w)) + (about.Contains(w) ? 1 : 0);

        var candidates = channels
            .Where(c => c.Id != certification.Id && c.Questions >= MinQuestions)
            .Select(c => (c.Id, c.Questions, Words: Words(c.Id, c.Name)))
            .Where(c => c.Words.Count > 0)
            .ToList();
        // Every word of the channel must match: "data structures" does not feed a data engineer.
        var chosen = candidates
            .Where(c => c.Words.All(w => ScoreOf(w) > 0))
            .Select(c => new FeedCandidate(c.Id, c.Questions, c.Words.Sum(ScoreOf), c.Words.Order(StringComparer.Ordinal).ToList()))
            .Where(c => c.Score >= MinScore)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Questions)
            .ThenBy(c => c.ChannelId, StringComparer.Ordinal)
            .Take(MaxChannels)
            .ToList();
        if (chosen.Count > 0)
        {
            return chosen;
        }

        // Nothing names it: the channels its category covers ("devops", "security"; "ai": machine learning), the largest first.
        return candidates
            .Where(c => c.Words.All(category.Contains))
            .OrderByDescending(c => c.Questions)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(MaxChannels)
            .Select(c => new FeedCandidate(c.Id, c.Questions, 1, c.Words.Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>
    /// Feeds every certification that has no questions and names no channels; returns what each got.
    /// Certifications with questions, or with channels chosen by an admin, are left as they are.
    /// </summary>
    public async Task<IReadOnlyList<FeedRun>> FeedEmptyAsync(CancellationToken ct = default)
    {
        List<Certification> empty;
        List<(string Id, string? Name, int Questions)> channels;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var mapped = await db.ChannelMappings.AsNoTracking()
                .Where(m => m.Question!.Status == QuestionStatus.Active)
                .Select(m => m.ChannelId).Distinct().ToListAsync(ct);
            empty = (await db.Certifications.AsNoTracking().ToListAsync(ct))
                .Where(c => !mapped.Contains(c.Id) && c.ChannelMappings is not { Count: > 0 })
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            if (empty.Count == 0)
            {
                return [];
            }

            var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            channels = (await db.Questions.AsNoTracking()
                    .Where(q => q.Status == QuestionStatus.Active)
                    .GroupBy(q => q.Channel)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync(ct))
                .Select(c => (c.Key, names.GetValueOrDefault(c.Key), c.Count))
                .ToList();
        }

        var runs = new List<FeedRun>();
        foreach (var certification in empty)
        {
            var chosen = Choose(certification, channels);
            if (chosen.Count == 0)
            {
                runs.Add(new FeedRun(certification.Id, [], 0));
                continue;
            }

            // The certification row itself is left as imported (importing it again changes nothing); its
            // questions are mapped, and an admin who wants the channels to keep feeding it names them in the editor.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var added = await MapAsync(db, WithFeeds(certification, chosen), ct);
            await tx.CommitAsync(ct);
            await domains.AssignAsync(certification.Id, onlyUnassigned: true, ct);
            runs.Add(new FeedRun(certification.Id, chosen, added));
        }

        return runs;
    }

    private static Certification WithFeeds(Certification certification, IReadOnlyList<FeedCandidate> chosen) => new()
    {
        Id = certification.Id, Name = certification.Name, Provider = certification.Provider, Description = certification.Description,
        Category = certification.Category,
        ChannelMappings = chosen.Select(c => new CertificationChannelMapping(c.ChannelId, null, 100 / chosen.Count)).ToList(),
    };

    /// <summary>
    /// Maps the active questions of the channels that feed <paramref name="certification"/> (narrowed to
    /// their sub-channels where it names some) that are not mapped to it yet; they start in no domain.
    /// Returns how many were mapped. The caller saves in its own transaction.
    /// </summary>
    public static async Task<int> MapAsync(AppDbContext db, Certification certification, CancellationToken ct = default)
    {
        if (certification.ChannelMappings is not { Count: > 0 } feeds)
        {
            return 0;
        }

        var present = (await db.ChannelMappings.Where(m => m.ChannelId == certification.Id).Select(m => m.QuestionId).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var feed in feeds)
        {
            var questions = await db.Questions.AsNoTracking()
                .Where(q => q.Channel == feed.ChannelId && q.Status == QuestionStatus.Active)
                .Select(q => new { q.Id, q.SubChannel })
                .ToListAsync(ct);
            foreach (var q in questions.Where(q => feed.SubChannels is not { Count: > 0 } subs || subs.Contains(q.SubChannel)))
            {
                if (present.Add(q.Id))
                {
                    db.ChannelMappings.Add(new ChannelMapping { ChannelId = certification.Id, SubChannel = DomainAssigner.General, QuestionId = q.Id });
                    added++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
