namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// The mistakes that stop many real mermaid diagrams from drawing, found without a browser: no diagram
/// type on the first line, a literal <c>\n</c> where a line break was meant, and (in flowcharts) a node
/// label holding brackets or parentheses without quotes, such as <c>A[Start (here)]</c> or
/// <c>C[dp[i][j]]</c>, which mermaid reads as the end of the label.
/// </summary>
public static class MermaidCheck
{
    private static readonly string[] Types =
    [
        "flowchart", "graph", "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram", "gantt", "pie",
        "journey", "gitGraph", "mindmap", "timeline", "quadrantChart", "requirementDiagram", "C4Context", "C4Container", "C4Component",
        "C4Dynamic", "C4Deployment", "sankey-beta", "xychart-beta", "block-beta", "packet-beta", "architecture-beta", "kanban", "radar-beta",
    ];

    /// <summary>What is wrong with a diagram's source, in words; empty when none of the known mistakes is there.</summary>
    public static IReadOnlyList<string> Problems(string? source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(source))
        {
            return problems;
        }

        var lines = source.Replace("\r", "").Split('\n');
        var first = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("%%", StringComparison.Ordinal) && l != "---") ?? "";
        var type = Types.FirstOrDefault(t => first == t || first.StartsWith(t + " ", StringComparison.Ordinal) || first.StartsWith(t + ";", StringComparison.Ordinal));
        if (type is null)
        {
            problems.Add($"no diagram type on its first line (\"{(first.Length > 30 ? first[..30] + "…" : first)}\")");
        }

        if (lines.Any(l => OutsideQuotes(l).Contains("\\n", StringComparison.Ordinal)))
        {
            problems.Add("a literal \\n where a line break was meant");
        }

        if (type is "flowchart" or "graph")
        {
            var bad = lines.Skip(1).Select(UnquotedBracketLabel).FirstOrDefault(l => l is not null);
            if (bad is not null)
            {
                problems.Add($"a label with brackets or parentheses but no quotes: {bad}");
            }
        }

        return problems;
    }

    private static string OutsideQuotes(string line)
    {
        var text = new System.Text.StringBuilder();
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

    /// <summary>The first node label of a flowchart line that holds an unquoted bracket, or null.</summary>
    public static string? UnquotedBracketLabel(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("%%", StringComparison.Ordinal) || trimmed.StartsWith("classDef", StringComparison.Ordinal)
            || trimmed.StartsWith("style", StringComparison.Ordinal) || trimmed.StartsWith("click", StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = 0; i < line.Length; i++)
        {
            // A node: an id, then its shape's opening bracket.
            if (!(char.IsLetterOrDigit(line[i]) || line[i] == '_') || i + 1 >= line.Length || line[i + 1] is not ('[' or '(' or '{'))
            {
                continue;
            }

            var start = i + 1;
            // The shape's opening run: [ ( { [( (( [[ {{ [/ [\ and so on.
            var open = start;
            while (open < line.Length && line[open] is '[' or '(' or '{' or '/' or '\\' or '>')
            {
                open++;
            }

            if (open < line.Length && line[open] == '"')
            {
                var close = line.IndexOf('"', open + 1);
                i = close < 0 ? line.Length : close;
                continue;
            }

            var closer = line[start] switch { '[' => ']', '(' => ')', _ => '}' };
            var depth = open - start;
            for (var j = open; j < line.Length; j++)
            {
                var c = line[j];
                if (c is ']' or ')' or '}' or '/' or '\\')
                {
                    // The shape closes with as many closers as it opened; a closer first means the label ended early.
                    var run = j;
                    while (run < line.Length && line[run] is ']' or ')' or '}' or '/' or '\\')
                    {
                        run++;
                    }

                    var label = line[open..j];
                    if (run - j < depth && line[j] != closer && label.Length > 0)
                    {
                        return line[i..Math.Min(line.Length, run)].Trim();
                    }

                    i = run;
                    break;
                }

                if (c is '[' or '(' or '{')
                {
                    return line[i..Math.Min(line.Length, line.IndexOfAny([']', ')', '}'], j) + 1 is var e and > 0 ? e : line.Length)].Trim();
                }
            }
        }

        return null;
    }
}
