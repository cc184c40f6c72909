using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content;

/// <summary>
/// The content of a question as it enters the content-change path, and as history snapshots
/// store it (in the original export's field names).
/// </summary>
public sealed record QuestionData
{
    public required string Id { get; init; }

    [JsonPropertyName("question")]
    public required string Text { get; init; }

    public required string Answer { get; init; }

    public string Explanation { get; init; } = "";

    public string? Diagram { get; init; }

    public Difficulty Difficulty { get; init; }

    public List<string>? Tags { get; init; }

    public required string Channel { get; init; }

    public required string SubChannel { get; init; }

    public string? SourceUrl { get; init; }

    public QuestionVideos? Videos { get; init; }

    /// <summary>Multiple-choice options; null for open questions.</summary>
    public List<QuestionOption>? Options { get; init; }

    public List<string>? Companies { get; init; }

    public string? Eli5 { get; init; }

    public string? Tldr { get; init; }

    public int? RelevanceScore { get; init; }

    public JsonNode? RelevanceDetails { get; init; }

    public Dictionary<string, double>? JobTitleRelevance { get; init; }

    public List<string>? ExperienceLevelTags { get; init; }

    public List<string>? VoiceKeywords { get; init; }

    public bool VoiceSuitable { get; init; }

    public QuestionStatus Status { get; init; } = QuestionStatus.Active;

    public bool IsNew { get; init; }

    /// <summary>When null, a new question gets the current time.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>When null, the time of the change.</summary>
    public DateTime? LastUpdated { get; init; }

    /// <summary>Fields that are not content: they never make a change on their own.</summary>
    public static readonly IReadOnlySet<string> BookkeepingFields = new HashSet<string> { "createdAt", "lastUpdated" };

    public static QuestionData FromEntity(Question q) => new()
    {
        Id = q.Id,
        Text = q.Text,
        Answer = q.Answer,
        Explanation = q.Explanation,
        Diagram = q.Diagram,
        Difficulty = q.Difficulty,
        Tags = q.Tags?.ToList(),
        Channel = q.Channel,
        SubChannel = q.SubChannel,
        SourceUrl = q.SourceUrl,
        Videos = q.Videos,
        Options = q.Options?.ToList(),
        Companies = q.Companies?.ToList(),
        Eli5 = q.Eli5,
        Tldr = q.Tldr,
        RelevanceScore = q.RelevanceScore,
        RelevanceDetails = q.RelevanceDetails?.DeepClone(),
        JobTitleRelevance = q.JobTitleRelevance is null ? null : new(q.JobTitleRelevance),
        ExperienceLevelTags = q.ExperienceLevelTags?.ToList(),
        VoiceKeywords = q.VoiceKeywords?.ToList(),
        VoiceSuitable = q.VoiceSuitable,
        Status = q.Status,
        IsNew = q.IsNew,
        CreatedAt = q.CreatedAt,
        LastUpdated = q.LastUpdated,
    };

    /// <summary>Copies the content onto <paramref name="q"/>; timestamps are the caller's.</summary>
    public void ApplyTo(Question q)
    {
        q.Text = Text;
        q.Answer = Answer;
        q.Explanation = Explanation;
        q.Diagram = Diagram;
        q.Difficulty = Difficulty;
        q.Tags = Tags?.ToList();
        q.Channel = Channel;
        q.SubChannel = SubChannel;
        q.SourceUrl = SourceUrl;
        q.Videos = Videos;
        q.Options = Options?.ToList();
        q.Companies = Companies?.ToList();
        q.Eli5 = Eli5;
        q.Tldr = Tldr;
        q.RelevanceScore = RelevanceScore;
        q.RelevanceDetails = RelevanceDetails?.DeepClone();
        q.JobTitleRelevance = JobTitleRelevance is null ? null : new(JobTitleRelevance);
        q.ExperienceLevelTags = ExperienceLevelTags?.ToList();
        q.VoiceKeywords = VoiceKeywords?.ToList();
        q.VoiceSuitable = VoiceSuitable;
        q.Status = Status;
        q.IsNew = IsNew;
    }

    /// <summary>This question as a JSON object in the export's field names.</summary>
    public JsonObject ToSnapshot()
    {
        return System.Text.Json.JsonSerializer.SerializeToNode(this, JsonColumns.Options)!.AsObject();
    }

    /// <summary>
    /// <paramref name="existing"/> with the <paramref name="fields"/> of <paramref name="incoming"/>
    /// laid over it: what an import row does not carry keeps its current value (a status set by a
    /// moderator, keywords added by a bot).
    /// </summary>
    public static QuestionData Overlay(QuestionData existing, QuestionData incoming, IReadOnlySet<string> fields)
    {
        var merged = existing.ToSnapshot();
        var source = incoming.ToSnapshot();
        foreach (var field in fields)
        {
            if (source.ContainsKey(field))
            {
                merged[field] = source[field]?.DeepClone();
            }
        }

        return System.Text.Json.JsonSerializer.Deserialize<QuestionData>(merged, JsonColumns.Options)!;
    }

    /// <summary>The export field names whose values differ between two snapshots, timestamps excluded.</summary>
    public static List<string> ChangedFields(JsonObject? before, JsonObject after)
    {
        if (before is null)
        {
            return [];
        }

        return after.Select(p => p.Key)
            .Union(before.Select(p => p.Key))
            .Where(k => !BookkeepingFields.Contains(k) && !JsonNode.DeepEquals(before[k], after[k]))
            .ToList();
    }
}
