using System.Text.Json.Nodes;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content.Import;

/// <summary>Turns export rows into content, or into the reasons they cannot be imported.</summary>
public static class RowParsers
{
    /// <summary>A question and, for certification practice questions, the certification channel it belongs to.</summary>
    /// <param name="Fields">The fields the row carried; on an update only these change.</param>
    /// <param name="DifficultyGiven">
    /// False when the row has no difficulty: <see cref="QuestionData.Difficulty"/> is then only a
    /// placeholder for the importer to infer, and an update keeps the current difficulty.
    /// </param>
    public sealed record ParsedQuestion(QuestionData Data, ChannelMapping? ExtraMapping, IReadOnlySet<string> Fields, bool DifficultyGiven = true);

    /// <summary>Fields every valid question row sets, even when derived (channel from a certification).</summary>
    private static readonly string[] AlwaysSet = ["id", "question", "answer", "channel", "subChannel"];

    public static ParsedQuestion? Question(RowReader r)
    {
        var id = r.RequiredString("id", "id");
        var text = r.RequiredString("question", "question text");
        // Certification practice questions name their certification, which is also their channel.
        var certification = Blank(r.OptionalString("certificationId"));
        var domain = Blank(r.OptionalString("domain"));
        var channel = Blank(r.OptionalString("channel")) ?? certification ?? r.RequiredString("channel", "channel");
        var difficulty = r.OptionalEnum<Difficulty>("difficulty");
        var options = Options(r);
        var answer = r.OptionalString("answer");
        if (string.IsNullOrWhiteSpace(answer))
        {
            answer = AnswerFromOptions(options);
            if (answer is null)
            {
                r.Errors.Add("missing answer");
            }
        }

        var subChannel = Blank(r.OptionalString("subChannel")) ?? (channel == certification ? domain : null);
        if (string.IsNullOrWhiteSpace(subChannel) && channel.Length > 0)
        {
            subChannel = "general";
            r.Warnings.Add("no subChannel; filed under 'general'");
        }

        var data = new QuestionData
        {
            Id = id.Trim(),
            Text = text,
            Answer = answer ?? "",
            Explanation = r.OptionalString("explanation") ?? "",
            Diagram = Blank(r.OptionalString("diagram")),
            Difficulty = difficulty ?? Difficulty.Intermediate,
            Tags = r.StringList("tags"),
            Channel = channel.Trim(),
            SubChannel = subChannel?.Trim() ?? "",
            SourceUrl = Blank(r.OptionalString("sourceUrl")),
            Videos = r.Object<QuestionVideos>("videos"),
            Options = options,
            Companies = r.StringList("companies"),
            Eli5 = Blank(r.OptionalString("eli5")),
            Tldr = Blank(r.OptionalString("tldr")),
            RelevanceScore = r.OptionalInt("relevanceScore"),
            RelevanceDetails = r.Node("relevanceDetails"),
            JobTitleRelevance = r.Object<Dictionary<string, double>>("jobTitleRelevance"),
            ExperienceLevelTags = r.StringList("experienceLevelTags"),
            VoiceKeywords = r.StringList("voiceKeywords"),
            VoiceSuitable = r.Bool("voiceSuitable"),
            Status = r.Enum<QuestionStatus>("status", QuestionStatus.Active),
            IsNew = r.Bool("isNew"),
            CreatedAt = r.Timestamp("createdAt"),
            LastUpdated = r.Timestamp("lastUpdated"),
        };

        // A question of another channel that also belongs to a certification is mapped to it too.
        var extra = certification is not null && certification != data.Channel
            ? new ChannelMapping { ChannelId = certification, SubChannel = domain ?? data.SubChannel, QuestionId = data.Id }
            : null;
        r.Read.Add("_sanitized");
        var fields = r.Row.Select(p => p.Key).Concat(AlwaysSet).ToHashSet(StringComparer.Ordinal);
        if (difficulty is null)
        {
            fields.Remove("difficulty");
        }

        return r.Errors.Count == 0 ? new ParsedQuestion(data, extra, fields, difficulty is not null) : null;
    }

    /// <summary>
    /// A multiple-choice row's options: each with an id, a text and whether it is correct; at least two,
    /// distinct ids, at least one correct. Anything else is reported and the question stays open.
    /// </summary>
    private static List<QuestionOption>? Options(RowReader r)
    {
        r.Read.Add("options");
        if (!r.Row.TryGetPropertyValue("options", out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            r.Warnings.Add("options is not a list; the question is kept as an open question");
            return null;
        }

        var options = new List<QuestionOption>();
        foreach (var item in array)
        {
            if (item is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && !string.IsNullOrWhiteSpace(idText)
                && o["text"] is JsonValue text && text.TryGetValue<string>(out var textValue) && !string.IsNullOrWhiteSpace(textValue))
            {
                var correct = o["isCorrect"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
                options.Add(new QuestionOption(idText.Trim(), textValue.Trim(), correct));
            }
        }

        if (options.Count < 2 || options.Count != array.Count || options.Select(o => o.Id).Distinct().Count() != options.Count || !options.Any(o => o.IsCorrect))
        {
            r.Warnings.Add("options need two or more choices, each with a distinct id and a text, and one correct; the question is kept as an open question");
            return null;
        }

        return options;
    }

    /// <summary>Multiple-choice rows may carry their answer only as the correct options.</summary>
    private static string? AnswerFromOptions(List<QuestionOption>? options) =>
        options is null ? null : string.Join("\n", options.Where(o => o.IsCorrect).Select(o => $"{o.Id.ToUpperInvariant()}. {o.Text}"));

    public static Channel? Channel(RowReader r, int index)
    {
        var channel = new Channel
        {
            Id = r.RequiredString("id", "id").Trim(),
            Name = r.RequiredString("name", "name"),
            Category = r.OptionalString("category") is { Length: > 0 } c ? c : "Other",
            Description = Blank(r.OptionalString("description")),
            Icon = Blank(r.OptionalString("icon")),
            SortOrder = r.Int("sortOrder", index),
        };
        return r.Errors.Count == 0 ? channel : null;
    }

    public static Certification? Certification(RowReader r)
    {
        var cert = new Certification
        {
            Id = r.RequiredString("id", "id").Trim(),
            Name = r.RequiredString("name", "name"),
            Provider = r.RequiredString("provider", "provider"),
            Description = r.OptionalString("description") ?? "",
            Icon = Blank(r.OptionalString("icon")),
            Color = Blank(r.OptionalString("color")),
            Difficulty = r.Enum<Difficulty>("difficulty"),
            Category = r.OptionalString("category") is { Length: > 0 } c ? c : "general",
            EstimatedHours = r.Int("estimatedHours", 40),
            ExamCode = Blank(r.OptionalString("examCode")),
            OfficialUrl = Blank(r.OptionalString("officialUrl")),
            Domains = r.Object<List<CertificationDomain>>("domains"),
            ChannelMappings = r.Object<List<CertificationChannelMapping>>("channelMappings"),
            Tags = r.StringList("tags"),
            Prerequisites = r.StringList("prerequisites"),
            Status = r.OptionalString("status") is { Length: > 0 } s ? s : "active",
            QuestionCount = r.Int("questionCount", 0),
            PassingScore = r.Int("passingScore", 70),
            ExamDuration = r.Int("examDuration", 90),
            CreatedAt = r.Timestamp("createdAt") ?? default,
            LastUpdated = r.Timestamp("lastUpdated") ?? default,
        };
        if (cert.Domains is { Count: > 0 } domains && domains.Sum(d => d.Weight) != 100)
        {
            r.Warnings.Add($"domain weights sum to {domains.Sum(d => d.Weight)}, not 100");
        }

        return r.Errors.Count == 0 ? cert : null;
    }

    public static LearningPath? LearningPath(RowReader r)
    {
        var path = new LearningPath
        {
            Id = r.RequiredString("id", "id").Trim(),
            Title = r.RequiredString("title", "title"),
            Description = r.OptionalString("description") ?? "",
            PathType = r.RequiredString("pathType", "pathType"),
            TargetCompany = Blank(r.OptionalString("targetCompany")),
            TargetJobTitle = Blank(r.OptionalString("targetJobTitle")),
            Difficulty = r.Enum<Difficulty>("difficulty"),
            EstimatedHours = r.Int("estimatedHours", 40),
            QuestionIds = r.StringList("questionIds") ?? [],
            Channels = r.StringList("channels") ?? [],
            Tags = r.StringList("tags"),
            Prerequisites = r.StringList("prerequisites"),
            LearningObjectives = r.StringList("learningObjectives"),
            Milestones = r.Object<List<Milestone>>("milestones"),
            Metadata = r.Node("metadata"),
            Status = r.OptionalString("status") is { Length: > 0 } s ? s : "active",
            CreatedAt = r.Timestamp("createdAt") ?? default,
            LastUpdated = r.Timestamp("lastUpdated") ?? default,
            LastGenerated = r.Timestamp("lastGenerated"),
        };
        // popularity, completionRate and averageRating are read (they are part of the format) and set
        // aside: a path's numbers are computed from this system's own enrolments and ratings (PathNumbers).
        _ = (r.Int("popularity", 0), r.Int("completionRate", 0), r.Int("averageRating", 0));
        if (path.QuestionIds.Count == 0)
        {
            r.Errors.Add("no questionIds");
        }

        return r.Errors.Count == 0 ? path : null;
    }

    public static VoiceSession? VoiceSession(RowReader r)
    {
        var session = new VoiceSession
        {
            Id = r.RequiredString("id", "id").Trim(),
            Topic = r.RequiredString("topic", "topic"),
            Description = Blank(r.OptionalString("description")),
            Channel = r.RequiredString("channel", "channel"),
            Difficulty = r.Enum<Difficulty>("difficulty"),
            QuestionIds = r.StringList("questionIds") ?? [],
            EstimatedMinutes = r.Int("estimatedMinutes", 5),
            CreatedAt = r.Timestamp("createdAt") ?? default,
            LastUpdated = r.Timestamp("lastUpdated") ?? default,
        };
        session.TotalQuestions = r.Int("totalQuestions", session.QuestionIds.Count);
        if (session.QuestionIds.Count == 0)
        {
            r.Errors.Add("no questionIds");
        }

        return r.Errors.Count == 0 ? session : null;
    }

    public static QuestionRelationship? Relationship(RowReader r)
    {
        var relationship = new QuestionRelationship
        {
            SourceQuestionId = r.RequiredString("sourceQuestionId", "sourceQuestionId").Trim(),
            TargetQuestionId = r.RequiredString("targetQuestionId", "targetQuestionId").Trim(),
            RelationshipType = r.RequiredString("relationshipType", "relationshipType").Trim(),
            Strength = r.Int("strength", 50),
            CreatedAt = r.Timestamp("createdAt") ?? default,
        };
        r.Read.Add("id");
        if (relationship.Strength is < 0 or > 100)
        {
            r.Errors.Add($"strength {relationship.Strength} is outside 0..100");
        }

        if (relationship.SourceQuestionId.Length > 0 && relationship.SourceQuestionId == relationship.TargetQuestionId)
        {
            r.Errors.Add("a question cannot be related to itself");
        }

        return r.Errors.Count == 0 ? relationship : null;
    }

    public static ChannelMapping? ChannelMapping(RowReader r)
    {
        var mapping = new ChannelMapping
        {
            ChannelId = r.RequiredString("channelId", "channelId").Trim(),
            SubChannel = r.OptionalString("subChannel") ?? "general",
            QuestionId = r.RequiredString("questionId", "questionId").Trim(),
        };
        r.Read.Add("id");
        return r.Errors.Count == 0 ? mapping : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
