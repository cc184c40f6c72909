using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>
/// The admin editor's form: every field of the design's <c>questions</c> table as the form edits
/// it, checked field by field before it becomes the <see cref="QuestionData"/> the content-change
/// path takes.
/// </summary>
public sealed partial class QuestionDraft
{
    public const int MaxTextLength = 1_000;
    public const int MaxAnswerLength = 5_000;
    public const int MaxLongTextLength = 100_000;
    public const int MaxListItems = 50;
    public const int MaxListItemLength = 100;

    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public string Answer { get; set; } = "";
    public string Explanation { get; set; } = "";
    public string? Diagram { get; set; }
    public Difficulty Difficulty { get; set; } = Difficulty.Intermediate;
    public string Channel { get; set; } = "";
    public string SubChannel { get; set; } = "";
    public string? SourceUrl { get; set; }
    public string? ShortVideo { get; set; }
    public string? LongVideo { get; set; }
    public string? Eli5 { get; set; }
    public string? Tldr { get; set; }
    public int? RelevanceScore { get; set; }
    public string? RelevanceDetails { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<string> Companies { get; set; } = [];
    public List<string> ExperienceLevelTags { get; set; } = [];
    public List<string> VoiceKeywords { get; set; } = [];

    /// <summary>Job titles with their relevance, each as "Title: score".</summary>
    public List<string> JobTitleRelevance { get; set; } = [];

    public bool VoiceSuitable { get; set; }
    public QuestionStatus Status { get; set; } = QuestionStatus.Active;
    public bool IsNew { get; set; }

    /// <summary>Kept from the loaded question: the form does not edit it.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>A multiple-choice question's options, kept from the loaded question (the form shows them, an import changes them).</summary>
    public List<QuestionOption>? Options { get; set; }

    public static QuestionDraft From(QuestionData q) => new()
    {
        Id = q.Id,
        Text = q.Text,
        Answer = q.Answer,
        Explanation = q.Explanation,
        Diagram = q.Diagram,
        Difficulty = q.Difficulty,
        Channel = q.Channel,
        SubChannel = q.SubChannel,
        SourceUrl = q.SourceUrl,
        ShortVideo = q.Videos?.ShortVideo,
        LongVideo = q.Videos?.LongVideo,
        Eli5 = q.Eli5,
        Tldr = q.Tldr,
        RelevanceScore = q.RelevanceScore,
        RelevanceDetails = q.RelevanceDetails?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
        Tags = q.Tags?.ToList() ?? [],
        Companies = q.Companies?.ToList() ?? [],
        ExperienceLevelTags = q.ExperienceLevelTags?.ToList() ?? [],
        VoiceKeywords = q.VoiceKeywords?.ToList() ?? [],
        JobTitleRelevance = q.JobTitleRelevance?.Select(p => FormatRelevance(p.Key, p.Value)).ToList() ?? [],
        VoiceSuitable = q.VoiceSuitable,
        Status = q.Status,
        IsNew = q.IsNew,
        CreatedAt = q.CreatedAt,
        Options = q.Options?.ToList(),
    };

    public static string FormatRelevance(string title, double score) => $"{title}: {score.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The draft as content, or null with a message per field (keyed by property name) that says
    /// what is wrong and what is allowed.
    /// </summary>
    public QuestionData? Validate(IReadOnlyCollection<string> channels, out Dictionary<string, string> errors)
    {
        errors = [];
        var id = Id.Trim();
        if (id.Length == 0)
        {
            errors[nameof(Id)] = "An id is required.";
        }
        else if (!IdPattern().IsMatch(id))
        {
            errors[nameof(Id)] = "Use 1 to 100 letters, digits, dots, hyphens or underscores, starting with a letter or digit (like q-1234).";
        }

        Required(errors, nameof(Text), Text, "The question", MaxTextLength);
        Required(errors, nameof(Answer), Answer, "The answer", MaxAnswerLength);
        Limit(errors, nameof(Explanation), Explanation, "The explanation");
        Limit(errors, nameof(Diagram), Diagram, "The diagram");
        Limit(errors, nameof(Eli5), Eli5, "The ELI5 text");
        Limit(errors, nameof(Tldr), Tldr, "The TL;DR");

        var channel = Channel.Trim();
        if (channel.Length == 0)
        {
            errors[nameof(Channel)] = "Choose a channel.";
        }
        else if (!channels.Contains(channel))
        {
            errors[nameof(Channel)] = $"There is no channel '{channel}'. Create it first, or choose one of the list.";
        }

        Required(errors, nameof(SubChannel), SubChannel, "The sub-channel", MaxListItemLength);
        Url(errors, nameof(SourceUrl), SourceUrl);
        Url(errors, nameof(ShortVideo), ShortVideo);
        Url(errors, nameof(LongVideo), LongVideo);
        if (RelevanceScore is < 0 or > 100)
        {
            errors[nameof(RelevanceScore)] = "The relevance score is from 0 to 100.";
        }

        JsonNode? details = null;
        if (!string.IsNullOrWhiteSpace(RelevanceDetails))
        {
            try
            {
                details = JsonNode.Parse(RelevanceDetails);
            }
            catch (JsonException e)
            {
                errors[nameof(RelevanceDetails)] = $"Not valid JSON: {e.Message}";
            }
        }

        var tags = List(errors, nameof(Tags), Tags, "tag");
        var companies = List(errors, nameof(Companies), Companies, "company");
        var levels = List(errors, nameof(ExperienceLevelTags), ExperienceLevelTags, "experience level");
        var keywords = List(errors, nameof(VoiceKeywords), VoiceKeywords, "keyword");
        var relevance = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in List(errors, nameof(JobTitleRelevance), JobTitleRelevance, "job title") ?? [])
        {
            if (ParseRelevance(entry) is not { } parsed)
            {
                errors[nameof(JobTitleRelevance)] = $"'{entry}' is not \"Job title: score\" with a score from 0 to 100.";
                break;
            }

            relevance[parsed.Title] = parsed.Score;
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new QuestionData
        {
            Id = id,
            Text = Text.Trim(),
            Answer = Answer.Trim(),
            Explanation = Explanation.Trim(),
            Diagram = Blank(Diagram),
            Difficulty = Difficulty,
            Tags = tags,
            Channel = channel,
            SubChannel = SubChannel.Trim(),
            SourceUrl = Blank(SourceUrl),
            Videos = Blank(ShortVideo) is null && Blank(LongVideo) is null ? null : new QuestionVideos(Blank(ShortVideo), Blank(LongVideo)),
            Companies = companies,
            Eli5 = Blank(Eli5),
            Tldr = Blank(Tldr),
            RelevanceScore = RelevanceScore,
            RelevanceDetails = details,
            JobTitleRelevance = relevance.Count == 0 ? null : relevance,
            ExperienceLevelTags = levels,
            VoiceKeywords = keywords,
            VoiceSuitable = VoiceSuitable,
            Status = Status,
            IsNew = IsNew,
            CreatedAt = CreatedAt,
            Options = Options?.ToList(),
        };
    }

    public static (string Title, double Score)? ParseRelevance(string entry)
    {
        var at = entry.LastIndexOf(':');
        if (at <= 0)
        {
            return null;
        }

        var title = entry[..at].Trim();
        return title.Length > 0
            && double.TryParse(entry[(at + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            && score is >= 0 and <= 100
            ? (title, score)
            : null;
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"{what} is required.";
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"{what} is {value.Trim().Length:N0} characters long; at most {max:N0} are allowed.";
        }
    }

    private static void Limit(Dictionary<string, string> errors, string field, string? value, string what)
    {
        if (value?.Length > MaxLongTextLength)
        {
            errors[field] = $"{what} is {value.Length:N0} characters long; at most {MaxLongTextLength:N0} are allowed.";
        }
    }

    private static void Url(Dictionary<string, string> errors, string field, string? value)
    {
        if (Blank(value) is { } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors[field] = "Use a full http:// or https:// address.";
        }
    }

    private static List<string>? List(Dictionary<string, string> errors, string field, List<string> values, string what)
    {
        var cleaned = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (cleaned.Count > MaxListItems)
        {
            errors[field] = $"At most {MaxListItems} of them; there are {cleaned.Count}.";
        }
        else if (cleaned.FirstOrDefault(v => v.Length > MaxListItemLength) is { } tooLong)
        {
            errors[field] = $"The {what} '{tooLong[..20]}…' is longer than {MaxListItemLength} characters.";
        }

        return cleaned.Count == 0 ? null : cleaned;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();
}
