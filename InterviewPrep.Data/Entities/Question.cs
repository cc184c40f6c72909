using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Entities;

/// <summary>An interview question with its enriched metadata (table <c>questions</c>).</summary>
public class Question
{
    public required string Id { get; set; }

    /// <summary>The question itself (column <c>question</c>).</summary>
    public required string Text { get; set; }

    public required string Answer { get; set; }

    /// <summary>Markdown.</summary>
    public required string Explanation { get; set; }

    /// <summary>Mermaid source.</summary>
    public string? Diagram { get; set; }

    public Difficulty Difficulty { get; set; }

    public List<string>? Tags { get; set; }

    public required string Channel { get; set; }

    public required string SubChannel { get; set; }

    public string? SourceUrl { get; set; }

    public QuestionVideos? Videos { get; set; }

    /// <summary>The choices of a multiple-choice question (certification practice questions); null for open questions.</summary>
    public List<QuestionOption>? Options { get; set; }

    public List<string>? Companies { get; set; }

    public string? Eli5 { get; set; }

    public string? Tldr { get; set; }

    public int? RelevanceScore { get; set; }

    public JsonNode? RelevanceDetails { get; set; }

    /// <summary>Relevance score per job title.</summary>
    public Dictionary<string, double>? JobTitleRelevance { get; set; }

    public List<string>? ExperienceLevelTags { get; set; }

    public List<string>? VoiceKeywords { get; set; }

    public bool VoiceSuitable { get; set; }

    public QuestionStatus Status { get; set; } = QuestionStatus.Active;

    public bool IsNew { get; set; }

    public DateTime LastUpdated { get; set; }

    /// <summary>
    /// Incremented by every change (the content-change path), so an editor that loaded revision N
    /// can tell that someone else saved since: the optimistic-concurrency token on both providers.
    /// </summary>
    public int Revision { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public List<ChannelMapping> ChannelMappings { get; set; } = [];
}

/// <summary>One choice of a multiple-choice question (JSON <c>{id, text, isCorrect}</c>).</summary>
public sealed record QuestionOption(string Id, string Text, bool IsCorrect);

/// <summary>The short and long video of a question (JSON <c>{shortVideo, longVideo}</c>).</summary>
public sealed record QuestionVideos(string? ShortVideo, string? LongVideo);
