using System.Text;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>What a repair did: the repaired source, or why none was safe; and what was changed.</summary>
public sealed record MermaidRepairResult(string? Repaired, string? Refusal, IReadOnlyList<string> Changes)
{
    public bool Succeeded => Repaired is not null;
}

/// <summary>
/// Fixes the common mistakes <see cref="MermaidCheck"/> finds, and only those, in a way that keeps the
/// diagram's meaning: a flowchart node label holding brackets or parentheses is put in quotes (a quote
/// inside it becomes <c>#quot;</c>), and a literal <c>\n</c> becomes a line break (<c>&lt;br/&gt;</c> inside a
/// label, a new line between statements). The result is accepted only when the check finds nothing left
/// and the text is the original's once the quotes and line breaks are read back; otherwise the repair is
/// refused with the reason, for a person to look at.
/// </summary>
public static class MermaidRepair
{
    private static readonly (string Open, string Close)[] Shapes =
    [
        ("(((", ")))"), ("([", "])"), ("[(", ")]"), ("[[", "]]"), ("((", "))"), ("{{", "}}"), ("[/", "/]"), ("[\\", "\\]"),
        ("[/", "\\]"), ("[\\", "/]"), ("[", "]"), ("(", ")"), ("{", "}"), (">", "]"),
    ];

    public static MermaidRepairResult Repair(string source)
    {
        if (MermaidCheck.Problems(source) is not { Count: > 0 } problems)
        {
            return new MermaidRepairResult(null, "nothing to repair", []);
        }

        if (problems.Any(p => p.StartsWith("no diagram type", StringComparison.Ordinal)))
        {
            return new MermaidRepairResult(null, problems[0] + ": the type cannot be guessed safely", []);
        }

        var changes = new List<string>();
        var text = source.Replace("\r\n", "\n");
        var type = text.TrimStart().Split([' ', '\n', ';'], 2)[0];
        var flowchart = type is "flowchart" or "graph";
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            if (flowchart)
            {
                var (quoted, count, refusal) = QuoteLabels(line);
                if (refusal is not null)
                {
                    return new MermaidRepairResult(null, refusal, []);
                }

                if (count > 0)
                {
                    changes.Add($"quoted {count} label{(count == 1 ? "" : "s")} in \"{Shorten(raw.Trim())}\"");
                    line = quoted;
                }
            }

            if (OutsideLabels(line).Contains("\\n", StringComparison.Ordinal))
            {
                var (split, breaks) = ReplaceLiteralBreaks(line);
                changes.Add($"replaced {breaks} literal \\n");
                line = split;
            }

            lines.Add(line);
        }

        var repaired = string.Join("\n", lines);
        if (MermaidCheck.Problems(repaired) is { Count: > 0 } left)
        {
            return new MermaidRepairResult(null, $"still {left[0]} after repair", []);
        }

        if (ReadBack(repaired) != ReadBack(text))
        {
            return new MermaidRepairResult(null, "the repair would change more than quotes and line breaks", []);
        }

        return new MermaidRepairResult(repaired, null, changes);
    }

    /// <summary>The text with the repair's marks read back: what must stay equal for the meaning to stay.</summary>
    public static string ReadBack(string source) =>
        new StringBuilder(source)
            .Replace("#quot;", "").Replace("\"", "")
            .Replace("<br/>", "\\n").Replace("\n", "\\n")
            .ToString()
            .Replace(" ", "").Replace("\t", "");

    /// <summary>A flowchart line with every node label that holds a bracket put in quotes; or why it cannot be done safely.</summary>
    private static (string Line, int Count, string? Refusal) QuoteLabels(string line)
    {
        var trimmed = line.TrimStart();
        if (MermaidCheck.UnquotedBracketLabel(line) is null
            || trimmed.StartsWith("%%", StringComparison.Ordinal) || trimmed.StartsWith("classDef", StringComparison.Ordinal)
            || trimmed.StartsWith("style", StringComparison.Ordinal) || trimmed.StartsWith("click", StringComparison.Ordinal))
        {
            return (line, 0, null);
        }

        var result = new StringBuilder();
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '|')
            {
                // An edge's text, |like this|: copied as it is.
                var end = line.IndexOf('|', i + 1);
                end = end < 0 ? line.Length - 1 : end;
                result.Append(line, i, end - i + 1);
                i = end + 1;
                continue;
            }

            var isId = char.IsLetterOrDigit(c) || c == '_';
            if (!isId || i + 1 >= line.Length || Shape(line, i + 1) is not var (open, close))
            {
                result.Append(c);
                i++;
                continue;
            }

            result.Append(c);
            var labelStart = i + 1 + open.Length;
            if (labelStart < line.Length && line[labelStart] == '"')
            {
                // Already quoted: copy through the closing quote.
                var q = line.IndexOf('"', labelStart + 1);
                var upTo = q < 0 ? line.Length : q + 1;
                result.Append(line, i + 1, upTo - (i + 1));
                i = upTo;
                continue;
            }

            var labelEnd = LabelEnd(line, labelStart, close);
            if (labelEnd < 0)
            {
                return (line, 0, $"a label whose brackets do not pair up: \"{Shorten(line.Trim())}\"");
            }

            var label = line[labelStart..labelEnd];
            if (label.IndexOfAny(['[', ']', '(', ')', '{', '}']) >= 0)
            {
                result.Append(open).Append('"').Append(label.Replace("\"", "#quot;")).Append('"').Append(close);
                count++;
            }
            else
            {
                result.Append(open).Append(label).Append(close);
            }

            i = labelEnd + close.Length;
        }

        return (result.ToString(), count, null);
    }

    /// <summary>The node shape that opens at <paramref name="at"/>, longest first.</summary>
    private static (string Open, string Close)? Shape(string line, int at)
    {
        foreach (var shape in Shapes)
        {
            if (string.CompareOrdinal(line, at, shape.Open, 0, shape.Open.Length) == 0)
            {
                // "[/" and "[\" close two ways; take the one this label ends with.
                if (shape.Open is "[/" or "[\\")
                {
                    var slash = LabelEnd(line, at + 2, shape.Close);
                    if (slash < 0)
                    {
                        continue;
                    }
                }

                return shape;
            }
        }

        return null;
    }

    /// <summary>Where a label that starts at <paramref name="start"/> ends: the first <paramref name="close"/> with its own brackets paired; -1 when none.</summary>
    private static int LabelEnd(string line, int start, string close)
    {
        var depth = 0;
        for (var j = start; j < line.Length; j++)
        {
            if (depth == 0 && string.CompareOrdinal(line, j, close, 0, close.Length) == 0 && ClosesNode(line, j + close.Length))
            {
                return j;
            }

            switch (line[j])
            {
                case '[' or '(' or '{':
                    depth++;
                    break;
                case ']' or ')' or '}':
                    if (--depth < 0)
                    {
                        return -1;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>Whether what follows a closer can follow a node: the end, a space, an arrow, a class or a separator.</summary>
    private static bool ClosesNode(string line, int after) =>
        after >= line.Length || line[after] is ' ' or '\t' or '-' or '=' or '.' or '&' or ';' or ':' or '~' or '<';

    /// <summary>A literal \n outside quotes becomes &lt;br/&gt; inside a label's brackets, and a new line between statements.</summary>
    private static (string Line, int Count) ReplaceLiteralBreaks(string line)
    {
        var text = new StringBuilder();
        var (quoted, depth, count) = (false, 0, 0);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] == 'n')
            {
                if (!quoted)
                {
                    text.Append(depth > 0 ? "<br/>" : "\n");
                    count++;
                    i++;
                    continue;
                }
            }

            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or '(' or '{')
            {
                depth++;
            }
            else if (!quoted && c is ']' or ')' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }

            text.Append(c);
        }

        return (text.ToString(), count);
    }

    private static string OutsideLabels(string line)
    {
        var text = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
