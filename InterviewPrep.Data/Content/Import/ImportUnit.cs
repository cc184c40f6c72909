using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Content.Import;

/// <summary>The kinds of content an import understands, in the order they are applied.</summary>
public enum ImportKind { Notices, Channels, Questions, ChannelMappings, Relationships, Certifications, LearningPaths, VoiceSessions }

/// <summary>
/// One unit of an import: a file, or a table of a database, with its rows as JSON objects in
/// the export's (camelCase) field names. A unit that could not be read carries the reason instead.
/// </summary>
public sealed record ImportUnit(string Source, ImportKind Kind, IReadOnlyList<JsonNode?> Rows, string? Error = null)
{
    /// <summary>Something the report should say about this unit that is neither a row nor an error.</summary>
    public string? Notice { get; init; }

    public static ImportUnit Failed(string source, ImportKind kind, string error) => new(source, kind, [], error);

    /// <summary>Reads a JSON export file. Anything that is not the expected shape fails the whole file.</summary>
    public static ImportUnit FromJsonFile(string path, ImportKind kind)
    {
        var source = Path.GetFileName(Path.GetDirectoryName(path)) is "questions"
            ? $"questions/{Path.GetFileName(path)}"
            : Path.GetFileName(path);
        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(path);
            root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return Failed(source, kind, $"not valid JSON (line {e.LineNumber + 1}: {FirstSentence(e.Message)})");
        }
        catch (IOException e)
        {
            return Failed(source, kind, $"cannot be read: {e.Message}");
        }

        // voice-sessions.json wraps its array: {"sessions": [...]}
        if (kind == ImportKind.VoiceSessions && root is JsonObject wrapper && wrapper["sessions"] is JsonArray sessions)
        {
            root = sessions;
        }

        return root switch
        {
            JsonArray array => new ImportUnit(source, kind, array.ToList()),
            JsonObject => Failed(source, kind, $"holds a single JSON object; an export of {Describe(kind)} is a JSON array"),
            _ => Failed(source, kind, $"holds no JSON array; an export of {Describe(kind)} is a JSON array"),
        };
    }

    private static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.Questions => "questions",
        ImportKind.LearningPaths => "learning paths",
        ImportKind.VoiceSessions => "voice sessions",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
