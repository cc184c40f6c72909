using System.Text.RegularExpressions;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>
/// Reads one statement line of a mermaid flowchart the way mermaid does, enough to tell whether it can be
/// drawn: nodes (an id, an optional shape with its label, an optional <c>:::class</c>) joined by <c>&amp;</c>
/// and by links (<c>--&gt;</c>, <c>---</c>, <c>-.-&gt;</c>, <c>==&gt;</c>, <c>~~~</c>, with <c>|text|</c> or
/// <c>-- text --&gt;</c>). A label holding brackets, parentheses, braces, a pipe or a quote, or starting with a
/// slash, must be in quotes; the parser finds where such a label ends by pairing its brackets, so that the
/// repair can quote it.
/// </summary>
public static partial class FlowchartLine
{
    /// <summary>A node's label as written: where it starts and ends in the line, its shape, and whether it needs quotes.</summary>
    public sealed record Label(int Start, int End, string Open, string Close, bool Quoted)
    {
        public string Text(string line) => line[Start..End];
    }

    /// <summary>What was read: the labels found, or where and why the line cannot be read.</summary>
    public sealed record Reading(IReadOnlyList<Label> Labels, string? Error, int ErrorAt)
    {
        public bool Readable => Error is null;
    }

    private static readonly (string Open, string Close)[] Shapes =
    [
        ("(((", ")))"), ("([", "])"), ("[(", ")]"), ("[[", "]]"), ("((", "))"), ("{{", "}}"), ("[/", "/]"), ("[\\", "\\]"),
        ("[/", "\\]"), ("[\\", "/]"), ("[", "]"), ("(", ")"), ("{", "}"), (">", "]"),
    ];

    private static readonly string[] NotStatements =
        ["%%", "classDef ", "class ", "style ", "linkStyle ", "click ", "subgraph", "end", "direction ", "accTitle", "accDescr", "title ", "graph", "flowchart", "---"];

    [GeneratedRegex(@"\G<?(?:--|==|-\.)(?![->=.ox]\s|[->=.])")]
    private static partial Regex TextLinkStart();

    [GeneratedRegex(@"(?<=\S\s*)(?:-{2,}[>ox]?|={2,}[>ox]?|\.-+[>ox]?)(?=\s|[\p{L}\p{N}_]|$)")]
    private static partial Regex TextLinkEnd();

    [GeneratedRegex(@"\G<?(?:-{2,}|={2,}|-\.+-|~{3,})[>ox]?")]
    private static partial Regex Link();

    /// <summary>
    /// The lines as statements: a line whose label is still open at its end is joined (with its line break) to
    /// the lines after it until the label closes, as mermaid reads a label over several lines.
    /// </summary>
    public static List<string> Statements(IReadOnlyList<string> lines)
    {
        var statements = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var statement = lines[i];
            var joined = i;
            while (IsStatement(statement) && joined + 1 < lines.Count && joined - i < 5
                   && Read(statement, lenient: true).Error?.StartsWith(UnclosedLabel, StringComparison.Ordinal) == true)
            {
                statement += "\n" + lines[++joined];
            }

            if (joined > i && Read(statement, lenient: true).Readable)
            {
                i = joined;
            }
            else
            {
                statement = lines[i];
            }

            statements.Add(statement);
        }

        return statements;
    }

    /// <summary>Whether a line is a statement of nodes and links (not a comment, style, class, subgraph or direction).</summary>
    public static bool IsStatement(string line)
    {
        var t = line.Trim();
        return t.Length > 0 && !NotStatements.Any(p => t.StartsWith(p, StringComparison.Ordinal) && (p != "end" || t == "end" || t.StartsWith("end ", StringComparison.Ordinal) || t.StartsWith("end;", StringComparison.Ordinal)));
    }

    /// <summary>Reads a statement line; <paramref name="lenient"/> takes an unquoted label with brackets as a label (to be quoted) instead of an error.</summary>
    public static Reading Read(string line, bool lenient = false)
    {
        var labels = new List<Label>();
        var i = 0;
        while (true)
        {
            Skip(line, ref i);
            if (!Node(line, ref i, labels, lenient, out var error))
            {
                return new Reading(labels, error, i);
            }

            Skip(line, ref i);
            if (i >= line.Length)
            {
                return new Reading(labels, null, -1);
            }

            if (line[i] is '&' or ';' or ',')
            {
                i++;
                Skip(line, ref i);
                if (i >= line.Length)
                {
                    return new Reading(labels, null, -1);
                }

                continue;
            }

            if (TextLinkStart().Match(line, i) is { Success: true } start && TextLinkEnd().Match(line, start.Index + start.Length) is { Success: true } end)
            {
                i = end.Index + end.Length;
            }
            else if (Link().Match(line, i) is { Success: true } link)
            {
                i += link.Length;
                Skip(line, ref i);
                if (i < line.Length && line[i] == '|')
                {
                    var close = line.IndexOf('|', i + 1);
                    if (close < 0)
                    {
                        return new Reading(labels, "a link's text has no closing |", i);
                    }

                    i = close + 1;
                }
            }
            else
            {
                return new Reading(labels, "text mermaid cannot read", i);
            }
        }
    }

    private static void Skip(string line, ref int i)
    {
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
    }

    private static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool Node(string line, ref int i, List<Label> labels, bool lenient, out string? error)
    {
        error = null;
        var start = i;
        while (i < line.Length && (IsIdChar(line[i]) || (line[i] is '-' or '.' or '/' && i > start && i + 1 < line.Length && IsIdChar(line[i + 1]))))
        {
            i++;
        }

        if (i == start)
        {
            error = "no node where one was expected";
            return false;
        }

        if (i < line.Length && Shape(line, i) is var (open, close))
        {
            var labelStart = i + open.Length;
            if (labelStart < line.Length && line[labelStart] == '"')
            {
                var quote = line.IndexOf('"', labelStart + 1);
                if (quote < 0 || string.CompareOrdinal(line, quote + 1, close, 0, close.Length) != 0)
                {
                    error = "a quoted label that does not close";
                    return false;
                }

                labels.Add(new Label(labelStart, quote + 1, open, close, Quoted: true));
                i = quote + 1 + close.Length;
            }
            else
            {
                var end = LabelEnd(line, labelStart, close);
                if (end < 0)
                {
                    error = $"{(end == Unclosed ? UnclosedLabel : "a label whose brackets do not pair up")}: \"{Shorten(line[start..].Trim())}\"";
                    return false;
                }

                var label = new Label(labelStart, end, open, close, Quoted: false);
                if (NeedsQuotes(label.Text(line), open) && !lenient)
                {
                    error = $"a label with brackets or parentheses but no quotes: {line[start..(end + close.Length)].Trim()}";
                    return false;
                }

                labels.Add(label);
                i = end + close.Length;
            }
        }

        if (string.CompareOrdinal(line, i, ":::", 0, 3) == 0)
        {
            i += 3;
            while (i < line.Length && (IsIdChar(line[i]) || line[i] == '-'))
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>Whether mermaid would misread an unquoted label: it holds a bracket, brace, parenthesis, pipe or quote, or starts with a slash.</summary>
    public static bool NeedsQuotes(string label, string open) =>
        label.IndexOfAny(['[', ']', '(', ')', '{', '}', '|', '"']) >= 0 || (open == "[" && label.TrimStart().StartsWith('/')) || (open == "[" && label.TrimStart().StartsWith('\\'));

    /// <summary>The node shape that opens at <paramref name="at"/>, longest first.</summary>
    private static (string Open, string Close)? Shape(string line, int at)
    {
        foreach (var shape in Shapes)
        {
            if (string.CompareOrdinal(line, at, shape.Open, 0, shape.Open.Length) != 0)
            {
                continue;
            }

            // "[/" and "[\" are shapes only when the label ends the same way; otherwise the slash is the label's.
            if (shape.Open is "[/" or "[\\" && LabelEnd(line, at + 2, shape.Close) < 0)
            {
                continue;
            }

            return shape;
        }

        return null;
    }

    /// <summary>The error of a label still open at the end of its line: it may go on on the next (mermaid allows labels over several lines).</summary>
    public const string UnclosedLabel = "a label that does not close";

    private const int Unclosed = -2;

    /// <summary>
    /// Where a label that starts at <paramref name="start"/> ends: the first <paramref name="close"/> with its own
    /// brackets paired, followed by what may follow a node; -1 when a closer comes first, <see cref="Unclosed"/> when the line ends first.
    /// </summary>
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

        return Unclosed;
    }

    /// <summary>What may follow a node: the end, a space, a link, <c>&amp;</c>, <c>;</c> or <c>:::class</c>.</summary>
    private static bool ClosesNode(string line, int after) =>
        after >= line.Length || line[after] is ' ' or '\t' or '-' or '=' or '.' or '&' or ';' or '~' or '<'
        || string.CompareOrdinal(line, after, ":::", 0, 3) == 0;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
