namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// The mistakes that stop many real mermaid diagrams from drawing, found without a browser: no diagram
/// type on the first line, a literal <c>\n</c> where a line break was meant, and in flowcharts a line
/// mermaid cannot read (<see cref="FlowchartLine"/>), most often a node label holding brackets or
/// parentheses without quotes, such as <c>A[Start (here)]</c> or <c>C[dp[i][j]]</c>, which mermaid reads
/// as the end of the label.
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
            var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith(type, StringComparison.Ordinal));
            var unread = FlowchartLine.Statements(lines[(header + 1)..]).Where(FlowchartLine.IsStatement).Select(l => (Line: l, Reading: FlowchartLine.Read(l))).FirstOrDefault(r => !r.Reading.Readable);
            if (unread.Reading is { } reading)
            {
                problems.Add(reading.Error!.StartsWith("a label", StringComparison.Ordinal)
                    ? reading.Error
                    : $"{reading.Error}: \"{Shorten(unread.Line.Trim())}\"");
            }
        }

        return problems;
    }

    /// <summary>A line with its quoted parts left out.</summary>
    public static string OutsideQuotes(string line)
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

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
