using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewPrep.Data.Content.Import;

/// <summary>The kinds of content an import understands, in the order they are applied.</summary>
/// <remarks>Certifications come before questions: a certification's difficulty is what a question of its channel without one gets.</remarks>
public enum ImportKind { Notices, Channels, Certifications, Questions, ChannelMappings, Relationships, LearningPaths, VoiceSessions }

/// <summary>What a check of a whole unit found: its number of rows, or why nothing of it can be imported.</summary>
public readonly record struct UnitCheck(int Rows, string? Error);

/// <summary>
/// One unit of an import: a file, or a table of a database, whose rows are JSON objects in the
/// export's (camelCase) field names. Rows are streamed, never held all at once: the unit is first
/// checked whole (<see cref="CheckAsync"/>), then read again row by row (<see cref="ReadAsync"/>).
/// </summary>
public sealed class ImportUnit
{
    private static readonly JsonSerializerOptions StreamOptions = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    private readonly Func<CancellationToken, Task<UnitCheck>> _check;
    private readonly Func<CancellationToken, IAsyncEnumerable<JsonNode?>> _read;

    internal ImportUnit(
        string source, ImportKind kind, Func<CancellationToken, Task<UnitCheck>> check, Func<CancellationToken, IAsyncEnumerable<JsonNode?>> read)
    {
        Source = source;
        Kind = kind;
        _check = check;
        _read = read;
    }

    public string Source { get; internal set; }

    public ImportKind Kind { get; }

    /// <summary>Something the report should say about this unit that is neither a row nor an error.</summary>
    public string? Notice { get; init; }

    /// <summary>Reads the whole unit once, keeping nothing: how many rows it has, or why it cannot be imported at all.</summary>
    public Task<UnitCheck> CheckAsync(CancellationToken ct = default) => _check(ct);

    /// <summary>The unit's rows, one at a time.</summary>
    public IAsyncEnumerable<JsonNode?> ReadAsync(CancellationToken ct = default) => _read(ct);

    public static ImportUnit Failed(string source, ImportKind kind, string error) =>
        new(source, kind, _ => Task.FromResult(new UnitCheck(0, error)), _ => AsyncEnumerable.Empty<JsonNode?>());

    /// <summary>A unit without rows that only says something in the report.</summary>
    public static ImportUnit Noticed(string source, string notice) =>
        new(source, ImportKind.Notices, _ => Task.FromResult(new UnitCheck(0, null)), _ => AsyncEnumerable.Empty<JsonNode?>()) { Notice = notice };

    /// <summary>A unit whose rows are already in memory.</summary>
    public static ImportUnit FromRows(string source, ImportKind kind, IReadOnlyList<JsonNode?> rows) =>
        new(source, kind, _ => Task.FromResult(new UnitCheck(rows.Count, null)), _ => rows.ToAsyncEnumerable());

    /// <summary>
    /// A JSON export file: an array of rows (streamed), a single row object (what the original
    /// system writes for one generated question), or voice sessions' <c>{"sessions": [...]}</c>.
    /// A file over <paramref name="maxBytes"/>, not valid JSON or of another shape fails whole.
    /// </summary>
    public static ImportUnit FromJsonFile(string path, ImportKind kind, long maxBytes)
    {
        var source = Path.GetFileName(Path.GetDirectoryName(path)) is "questions"
            ? $"questions/{Path.GetFileName(path)}"
            : Path.GetFileName(path);
        return new ImportUnit(source, kind, ct => CheckJsonAsync(path, kind, maxBytes, ct), ct => ReadJsonAsync(path, kind, ct));
    }

    private static async Task<UnitCheck> CheckJsonAsync(string path, ImportKind kind, long maxBytes, CancellationToken ct)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return new UnitCheck(0, $"is {Megabytes(length)}, over the import limit of {Megabytes(maxBytes)} " +
                    $"({ImportOptions.Section}:{nameof(ImportOptions.MaxFileBytes)}); split the file or raise the limit");
            }

            var rows = 0;
            await foreach (var _ in ReadJsonAsync(path, kind, ct))
            {
                rows++;
            }

            return new UnitCheck(rows, null);
        }
        catch (JsonException e)
        {
            return new UnitCheck(0, $"not valid JSON (line {e.LineNumber + 1}: {FirstSentence(e.Message)})");
        }
        catch (ArgumentException e)
        {
            // Streamed rows are JsonObjects, which refuse a property that appears twice this way.
            return new UnitCheck(0, $"not valid JSON (a property appears twice in one object: {FirstSentence(e.Message)})");
        }
        catch (InvalidDataException e)
        {
            return new UnitCheck(0, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UnitCheck(0, $"cannot be read: {e.Message}");
        }
    }

    private static async IAsyncEnumerable<JsonNode?> ReadJsonAsync(string path, ImportKind kind, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (await FirstSignificantByteAsync(stream, ct) == '[')
        {
            await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable<JsonNode>(stream, StreamOptions, ct))
            {
                yield return row;
            }

            yield break;
        }

        // An object is one row (or the sessions wrapper); it is read whole, within the size limit.
        var root = await JsonNode.ParseAsync(stream, documentOptions: DocumentOptions, cancellationToken: ct);
        if (kind == ImportKind.VoiceSessions && root is JsonObject wrapper && wrapper["sessions"] is JsonArray sessions)
        {
            root = sessions;
        }

        switch (root)
        {
            case JsonArray array:
                foreach (var row in array)
                {
                    yield return row;
                }

                break;
            case JsonObject single:
                yield return single;
                break;
            default:
                throw new InvalidDataException($"holds no JSON array or object; an export of {Describe(kind)} is a JSON array");
        }
    }

    /// <summary>The first byte after a byte-order mark and white space; the stream is rewound.</summary>
    private static async Task<int> FirstSignificantByteAsync(FileStream stream, CancellationToken ct)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, ct);
        stream.Position = 0;
        var start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        for (var i = start; i < read; i++)
        {
            if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return buffer[i];
            }
        }

        return -1;
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("#,0.#", CultureInfo.InvariantCulture) + " MB";

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
