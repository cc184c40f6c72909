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
        // Literal \n first: a diagram written on one line becomes lines, whose labels are then quoted one line at a time.
        var broken = text.Split('\n').Select(line =>
        {
            if (!MermaidCheck.OutsideQuotes(line).Contains("\\n", StringComparison.Ordinal))
            {
                return line;
            }

            var (split, breaks) = ReplaceLiteralBreaks(line);
            changes.Add($"replaced {breaks} literal \\n");
            return split;
        }).ToList();
        var all = string.Join("\n", broken).Split('\n');
        var header = Array.FindIndex(all, l => l.TrimStart().StartsWith(type, StringComparison.Ordinal));
        var lines = all[..(header + 1)].ToList();
        foreach (var line in flowchart ? FlowchartLine.Statements(all[(header + 1)..]) : [.. all[(header + 1)..]])
        {
            if (!flowchart)
            {
                lines.Add(line);
                continue;
            }

            var (quoted, count, refusal) = QuoteLabels(line);
            if (refusal is not null)
            {
                return new MermaidRepairResult(null, refusal, []);
            }

            if (count > 0)
            {
                changes.Add($"quoted {count} label{(count == 1 ? "" : "s")} in \"{Shorten(line.Trim())}\"");
            }

            lines.Add(quoted);
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
        if (!FlowchartLine.IsStatement(line) || FlowchartLine.Read(line).Readable)
        {
            return (line, 0, null);
        }

        var reading = FlowchartLine.Read(line, lenient: true);
        if (!reading.Readable)
        {
            return (line, 0, reading.Error!.StartsWith("a label", StringComparison.Ordinal) ? reading.Error : $"{reading.Error}: \"{Shorten(line.Trim())}\"");
        }

        var result = line;
        var count = 0;
        foreach (var label in reading.Labels.Where(l => !l.Quoted && FlowchartLine.NeedsQuotes(l.Text(line), l.Open)).OrderByDescending(l => l.Start))
        {
            result = result[..label.Start] + "\"" + label.Text(line).Replace("\"", "#quot;") + "\"" + result[label.End..];
            count++;
        }

        return (result, count, null);
    }

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

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
