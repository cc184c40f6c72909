using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>A voice interview as the admin editor holds it.</summary>
public sealed class VoiceSessionForm
{
    public string Id { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Description { get; set; } = "";
    public string Channel { get; set; } = "";
    public Difficulty Difficulty { get; set; } = Difficulty.Intermediate;
    public List<string> QuestionIds { get; set; } = [];
}

/// <summary>A row of the voice interviews' overview: what it holds and what is wrong with it.</summary>
public sealed record AdminVoiceRow(
    string Id, string Topic, string Channel, Difficulty Difficulty, int Questions, int EstimatedMinutes, int Missing, int NotSuitable);

/// <summary>A question the session editor may add: active and marked for voice.</summary>
public sealed record VoiceQuestionChoice(string Id, string Text, string Channel, Difficulty Difficulty, bool HasKeywords);

/// <summary>A session the builder proposes: its id, topic and questions in order.</summary>
public sealed record VoiceProposal(string Id, string Topic, string Channel, Difficulty Difficulty, IReadOnlyList<VoiceQuestionChoice> Questions);

/// <summary>
/// The admin side of voice interviews: sessions created, edited and deleted with their history, the
/// grader's synonym list, and a builder that proposes sessions from the voice-suitable questions.
/// Every change records a <c>questionHistory</c> row in the transaction that makes it.
/// </summary>
public sealed partial class AdminVoice(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxQuestions = 20;
    public const int MaxTopicLength = 160;
    public const int MaxDescriptionLength = 1000;
    public const int MaxSynonymGroups = 1000;
    public const int MaxPhraseLength = 60;

    /// <summary>Minutes a spoken answer takes, with reading and feedback: more for harder questions.</summary>
    public static int EstimatedMinutes(int questions, Difficulty difficulty) =>
        questions * difficulty switch { Difficulty.Advanced => 4, _ => 3 };

    public async Task<IReadOnlyList<AdminVoiceRow>> OverviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.VoiceSessions.AsNoTracking().OrderBy(s => s.Channel).ThenBy(s => s.Difficulty).ThenBy(s => s.Topic).ToListAsync(ct);
        var ids = sessions.SelectMany(s => s.QuestionIds).Distinct().ToList();
        var questions = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.Id) && q.Status == QuestionStatus.Active)
            .Select(q => new { q.Id, q.VoiceSuitable })
            .ToDictionaryAsync(q => q.Id, q => q.VoiceSuitable, ct);
        return sessions.Select(s => new AdminVoiceRow(s.Id, s.Topic, s.Channel, s.Difficulty, s.QuestionIds.Count, s.EstimatedMinutes,
            s.QuestionIds.Count(id => !questions.ContainsKey(id)), s.QuestionIds.Count(id => questions.TryGetValue(id, out var suitable) && !suitable))).ToList();
    }

    public async Task<VoiceSessionForm?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.VoiceSessions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return s is null ? null : new VoiceSessionForm
        {
            Id = s.Id, Topic = s.Topic, Description = s.Description ?? "", Channel = s.Channel, Difficulty = s.Difficulty, QuestionIds = [.. s.QuestionIds],
        };
    }

    /// <summary>The questions of a list, in its order, as the editor shows them (missing ones left out).</summary>
    public async Task<IReadOnlyList<VoiceQuestionChoice>> QuestionsAsync(IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = ids.ToList();
        var found = await db.Questions.AsNoTracking()
            .Where(q => wanted.Contains(q.Id))
            .Select(q => new VoiceQuestionChoice(q.Id, q.Text, q.Channel, q.Difficulty, q.VoiceKeywords != null && q.VoiceKeywords.Count > 0))
            .ToDictionaryAsync(q => q.Id, ct);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>Voice-suitable active questions matching the words (in the text or id), of a channel when given; 50 at most.</summary>
    public async Task<IReadOnlyList<VoiceQuestionChoice>> ChoicesAsync(string? words, string? channel, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Questions.AsNoTracking().Where(q => q.VoiceSuitable && q.Status == QuestionStatus.Active);
        if (!string.IsNullOrWhiteSpace(channel))
        {
            query = query.Where(q => q.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(words))
        {
            var text = words.Trim();
            query = query.Where(q => q.Id == text || EF.Functions.Like(q.Text, "%" + text.Replace("%", "").Replace("_", "") + "%"));
        }

        return await query.OrderBy(q => q.Channel).ThenBy(q => q.Difficulty).ThenBy(q => q.Id).Take(50)
            .Select(q => new VoiceQuestionChoice(q.Id, q.Text, q.Channel, q.Difficulty, q.VoiceKeywords != null && q.VoiceKeywords.Count > 0))
            .ToListAsync(ct);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")]
    private static partial Regex IdPattern();

    /// <summary>What is wrong with a form, by field; empty when it may be saved.</summary>
    public static Dictionary<string, string> Validate(VoiceSessionForm form)
    {
        var errors = new Dictionary<string, string>();
        if (!IdPattern().IsMatch(form.Id ?? ""))
        {
            errors[nameof(form.Id)] = "An id is 3 to 80 lower-case letters, digits and hyphens, starting and ending with a letter or digit.";
        }

        if (string.IsNullOrWhiteSpace(form.Topic) || form.Topic.Trim().Length > MaxTopicLength)
        {
            errors[nameof(form.Topic)] = $"A topic is 1 to {MaxTopicLength} characters.";
        }

        if ((form.Description ?? "").Length > MaxDescriptionLength)
        {
            errors[nameof(form.Description)] = $"A description is at most {MaxDescriptionLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(form.Channel))
        {
            errors[nameof(form.Channel)] = "Choose the channel the interview is about.";
        }

        if (!Enum.IsDefined(form.Difficulty))
        {
            errors[nameof(form.Difficulty)] = "Choose beginner, intermediate or advanced.";
        }

        if (form.QuestionIds.Count == 0 || form.QuestionIds.Count > MaxQuestions)
        {
            errors[nameof(form.QuestionIds)] = $"An interview has 1 to {MaxQuestions} questions (4 to 6 suit one sitting).";
        }
        else if (form.QuestionIds.Distinct(StringComparer.Ordinal).Count() != form.QuestionIds.Count)
        {
            errors[nameof(form.QuestionIds)] = "A question appears twice.";
        }

        return errors;
    }

    /// <summary>Creates or changes an interview; returns the errors by field, empty when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(VoiceSessionForm form, bool isNew, ChangeSource source, CancellationToken ct = default)
    {
        form.Id = (form.Id ?? "").Trim();
        form.Topic = (form.Topic ?? "").Trim();
        form.Description = (form.Description ?? "").Trim();
        var errors = Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!errors.ContainsKey(nameof(form.Channel)) && !await db.Channels.AnyAsync(c => c.Id == form.Channel, ct)
            && !await db.Questions.AnyAsync(q => q.Channel == form.Channel, ct))
        {
            errors[nameof(form.Channel)] = $"There is no channel \"{form.Channel}\".";
        }

        if (!errors.ContainsKey(nameof(form.QuestionIds)))
        {
            var ids = form.QuestionIds.ToList();
            var present = await db.Questions.Where(q => ids.Contains(q.Id) && q.Status == QuestionStatus.Active).Select(q => q.Id).ToListAsync(ct);
            var missing = ids.Except(present).ToList();
            if (missing.Count > 0)
            {
                errors[nameof(form.QuestionIds)] = $"Not active questions of this collection: {string.Join(", ", missing.Take(5))}.";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await db.VoiceSessions.SingleOrDefaultAsync(s => s.Id == form.Id, ct);
        if (isNew && session is not null)
        {
            return new Dictionary<string, string> { [nameof(form.Id)] = "An interview with this id exists already." };
        }

        if (!isNew && session is null)
        {
            return new Dictionary<string, string> { [nameof(form.Id)] = "This interview was deleted meanwhile." };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = session is null ? null : Snapshot(session);
        if (session is null)
        {
            session = new VoiceSession { Id = form.Id, Topic = form.Topic, Channel = form.Channel, CreatedAt = now };
            db.VoiceSessions.Add(session);
        }

        session.Topic = form.Topic;
        session.Description = form.Description.Length == 0 ? null : form.Description;
        session.Channel = form.Channel;
        session.Difficulty = form.Difficulty;
        session.QuestionIds = [.. form.QuestionIds];
        session.TotalQuestions = form.QuestionIds.Count;
        session.EstimatedMinutes = EstimatedMinutes(form.QuestionIds.Count, form.Difficulty);
        if ((await ItemChanges.RecordAsync(db, HistoryItemTypes.VoiceSession, session.Id, $"the voice interview {session.Topic}", before, Snapshot(session), source, now, ct)).Count > 0)
        {
            session.LastUpdated = now;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>Deletes an interview (learners' attempts stay in their history); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string id, ChangeSource source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await db.VoiceSessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return false;
        }

        await ItemChanges.RecordAsync(db, HistoryItemTypes.VoiceSession, id, $"the voice interview {session.Topic}", Snapshot(session), null, source, clock.GetUtcNow().UtcDateTime, ct);
        db.VoiceSessions.Remove(session);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static JsonObject Snapshot(VoiceSession session)
    {
        var node = JsonSerializer.SerializeToNode(session, JsonColumns.Options)!.AsObject();
        node.Remove("createdAt");
        node.Remove("lastUpdated");
        return node;
    }

    /// <summary>The admins' synonym groups as text: one group a line, phrases separated by commas.</summary>
    public async Task<string> SynonymsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.VoiceSynonyms.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Phrases).ToListAsync(ct);
        return string.Join('\n', groups.Select(g => string.Join(", ", g)));
    }

    /// <summary>Checks the synonym text; returns the problem with its line, or null when it may be saved.</summary>
    public static string? ValidateSynonyms(string text, out List<List<string>> groups)
    {
        groups = [];
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var phrases = lines[i].Split(',').Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().ToList();
            if (phrases.Count < 2)
            {
                return $"Line {i + 1}: a group needs at least two phrases separated by commas.";
            }

            if (phrases.FirstOrDefault(p => p.Length > MaxPhraseLength || !p.Any(char.IsLetterOrDigit)) is { } bad)
            {
                return $"Line {i + 1}: \"{(bad.Length > 20 ? bad[..20] + "…" : bad)}\" is not a phrase of 1 to {MaxPhraseLength} characters with letters or digits.";
            }

            groups.Add(phrases);
        }

        return groups.Count > MaxSynonymGroups ? $"At most {MaxSynonymGroups} groups." : null;
    }

    /// <summary>Replaces the admins' synonym groups; returns the problem, or null when saved.</summary>
    public async Task<string?> SaveSynonymsAsync(string text, ChangeSource source, CancellationToken ct = default)
    {
        if (ValidateSynonyms(text, out var groups) is { } problem)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.VoiceSynonyms.OrderBy(g => g.Id).ToListAsync(ct);
        var before = new JsonObject { ["groups"] = JsonSerializer.SerializeToNode(existing.Select(g => g.Phrases)) };
        var after = new JsonObject { ["groups"] = JsonSerializer.SerializeToNode(groups) };
        var now = clock.GetUtcNow().UtcDateTime;
        if ((await ItemChanges.RecordAsync(db, HistoryItemTypes.VoiceSynonyms, HistoryItemTypes.VoiceSynonyms, "the voice synonym list", before, after, source, now, ct)).Count == 0)
        {
            return null;
        }

        db.VoiceSynonyms.RemoveRange(existing);
        db.VoiceSynonyms.AddRange(groups.Select(g => new VoiceSynonymGroup { Phrases = g, LastUpdated = now }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Sessions the builder proposes: for each channel and level with at least four voice-suitable
    /// questions in no interview yet, one of up to six (those with key terms first); a channel with too
    /// few at every level but enough in all gets one from beginner to advanced. Ids already taken are skipped.
    /// </summary>
    public async Task<IReadOnlyList<VoiceProposal>> ProposeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.VoiceSessions.AsNoTracking().Select(s => new { s.Id, s.QuestionIds }).ToListAsync(ct);
        var used = taken.SelectMany(s => s.QuestionIds).ToHashSet(StringComparer.Ordinal);
        var ids = taken.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var suitable = (await db.Questions.AsNoTracking()
                .Where(q => q.VoiceSuitable && q.Status == QuestionStatus.Active)
                .OrderBy(q => q.Channel).ThenBy(q => q.Id)
                .Select(q => new VoiceQuestionChoice(q.Id, q.Text, q.Channel, q.Difficulty, q.VoiceKeywords != null && q.VoiceKeywords.Count > 0))
                .ToListAsync(ct))
            .Where(q => !used.Contains(q.Id))
            .ToList();
        var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var proposals = new List<VoiceProposal>();
        foreach (var channel in suitable.GroupBy(q => q.Channel))
        {
            var name = names.GetValueOrDefault(channel.Key) ?? channel.Key;
            var byLevel = channel.GroupBy(q => q.Difficulty).Where(g => g.Count() >= 4).ToList();
            foreach (var level in byLevel.OrderBy(g => g.Key))
            {
                var id = $"{channel.Key}-{Vocabulary.ToText(level.Key)}";
                if (!ids.Contains(id))
                {
                    proposals.Add(new VoiceProposal(id, $"{name}: {Vocabulary.ToText(level.Key)}", channel.Key, level.Key,
                        level.OrderByDescending(q => q.HasKeywords).ThenBy(q => q.Id, StringComparer.Ordinal).Take(6).ToList()));
                }
            }

            if (byLevel.Count == 0 && channel.Count() >= 4)
            {
                var id = $"{channel.Key}-mixed";
                if (!ids.Contains(id))
                {
                    proposals.Add(new VoiceProposal(id, $"{name}: beginner to advanced", channel.Key, Difficulty.Intermediate,
                        channel.OrderBy(q => q.Difficulty).ThenByDescending(q => q.HasKeywords).Take(6).ToList()));
                }
            }
        }

        return proposals;
    }

    /// <summary>Creates the chosen proposals; returns how many were created.</summary>
    public async Task<int> CreateAsync(IEnumerable<VoiceProposal> chosen, ChangeSource source, CancellationToken ct = default)
    {
        var created = 0;
        foreach (var p in chosen)
        {
            var form = new VoiceSessionForm
            {
                Id = p.Id, Topic = p.Topic, Channel = p.Channel, Difficulty = p.Difficulty, QuestionIds = p.Questions.Select(q => q.Id).ToList(),
                Description = $"{p.Questions.Count} questions to answer out loud, proposed from the voice-suitable questions of this channel.",
            };
            if ((await SaveAsync(form, isNew: true, source, ct)).Count == 0)
            {
                created++;
            }
        }

        return created;
    }
}
