using System.Text.Json;
using System.Text.Json.Nodes;
using DiffPlex;
using DiffPlex.Chunkers;
using InterviewPrep.Data.Content;

namespace InterviewPrep.Web.Features.Admin;

public enum PieceKind { Same, Removed, Added }

/// <summary>A run of words on one side of a comparison.</summary>
public sealed record DiffPiece(string Text, PieceKind Kind);

/// <summary>One field of two versions, side by side; for a changed field, word by word.</summary>
public sealed record FieldComparison(string Field, string Left, string Right, bool Changed, IReadOnlyList<DiffPiece> LeftPieces, IReadOnlyList<DiffPiece> RightPieces);

/// <summary>Compares two history snapshots (the export's field names) field by field, with word-level differences.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<FieldComparison> Compare(JsonObject? left, JsonObject? right)
    {
        var fields = (left?.Select(p => p.Key) ?? []).Concat(right?.Select(p => p.Key) ?? [])
            .Where(f => !QuestionData.BookkeepingFields.Contains(f))
            .Distinct()
            .ToList();
        var result = new List<FieldComparison>(fields.Count);
        foreach (var field in fields)
        {
            var a = Display(left?[field]);
            var b = Display(right?[field]);
            var changed = !string.Equals(a, b, StringComparison.Ordinal);
            var (leftPieces, rightPieces) = changed ? Words(a, b) : ([new DiffPiece(a, PieceKind.Same)], [new DiffPiece(b, PieceKind.Same)]);
            result.Add(new FieldComparison(field, a, b, changed, leftPieces, rightPieces));
        }

        return result;
    }

    /// <summary>A field's value as an admin reads it: text as is, lists joined, other JSON indented.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonArray list when list.All(i => i is JsonValue) => string.Join(", ", list.Select(i => i?.ToString())),
        _ => value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
    };

    /// <summary>Word-level differences: the left side with its removed words, the right with its added ones.</summary>
    public static (IReadOnlyList<DiffPiece> Left, IReadOnlyList<DiffPiece> Right) Words(string left, string right)
    {
        var diff = Differ.Instance.CreateDiffs(left, right, false, false, WordChunker.Instance);
        var leftPieces = new List<DiffPiece>();
        var rightPieces = new List<DiffPiece>();
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(leftPieces, diff.PiecesOld, a, block.DeleteStartA - a, PieceKind.Same);
            Add(rightPieces, diff.PiecesNew, b, block.InsertStartB - b, PieceKind.Same);
            Add(leftPieces, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA, PieceKind.Removed);
            Add(rightPieces, diff.PiecesNew, block.InsertStartB, block.InsertCountB, PieceKind.Added);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        Add(leftPieces, diff.PiecesOld, a, diff.PiecesOld.Count - a, PieceKind.Same);
        Add(rightPieces, diff.PiecesNew, b, diff.PiecesNew.Count - b, PieceKind.Same);
        return (leftPieces, rightPieces);
    }

    private static void Add(List<DiffPiece> into, IReadOnlyList<string> pieces, int start, int count, PieceKind kind)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        // Neighbouring runs of the same kind read as one.
        if (into.Count > 0 && into[^1].Kind == kind)
        {
            into[^1] = into[^1] with { Text = into[^1].Text + text };
        }
        else
        {
            into.Add(new DiffPiece(text, kind));
        }
    }
}
