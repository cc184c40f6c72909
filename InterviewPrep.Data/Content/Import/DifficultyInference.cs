using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content.Import;

/// <summary>A value an import filled in because the row did not carry it.</summary>
/// <param name="Field">The export's field name.</param>
/// <param name="From">Where the value came from, in words.</param>
public sealed record InferredValue(string Field, string Value, string From);

/// <summary>What an import records in a history row's <c>metadata</c>.</summary>
public sealed record ImportHistoryMetadata(IReadOnlyList<InferredValue> Inferred)
{
    public JsonNode ToJson() => System.Text.Json.JsonSerializer.SerializeToNode(this, JsonColumns.Options)!;
}

/// <summary>
/// The difficulty of a question whose row has none: the one the file's name names
/// (<c>cissp-advanced.json</c>), else the difficulty of the certification that is the question's
/// channel, else intermediate.
/// </summary>
public sealed class DifficultyInference(string source, IReadOnlyDictionary<string, Difficulty> certificationDifficulties)
{
    public const Difficulty Default = Difficulty.Intermediate;

    private readonly Difficulty? _fromFileName = FromFileName(source);

    public (Difficulty Value, InferredValue Record) Infer(string channel)
    {
        var (value, from) = _fromFileName is { } named
            ? (named, "named by the file name")
            : certificationDifficulties.TryGetValue(channel, out var certification)
                ? (certification, $"the difficulty of certification {channel}, the question's channel")
                : (Default, "the default: neither the file nor the channel names one");
        return (value, new InferredValue("difficulty", Vocabulary.ToText(value), from));
    }

    /// <summary>The one difficulty the file's name names; none when it names none or several.</summary>
    public static Difficulty? FromFileName(string source)
    {
        var name = Path.GetFileNameWithoutExtension(source.Split(':')[0]);
        var named = name.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => Vocabulary.TryParse<Difficulty>(word, out var d) ? d : (Difficulty?)null)
            .OfType<Difficulty>()
            .Distinct()
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }
}
