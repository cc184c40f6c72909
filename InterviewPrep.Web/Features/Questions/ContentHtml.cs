using System.Net;
using ColorCode;
using Ganss.Xss;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Turns content (Markdown, plain text) into HTML that is safe to put on a page: Markdown with
/// tables and lists, code blocks highlighted on the server, mermaid fences as diagram blocks the
/// browser renders, and everything passed through an allow-list sanitizer at the end.
/// </summary>
public sealed class ContentHtml
{
    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public ContentHtml()
    {
        _pipeline = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseTaskLists()
            .UseListExtras()
            .Use<HighlightedCodeExtension>()
            .Build();
        _sanitizer = CreateSanitizer();
    }

    /// <summary>Markdown to safe HTML.</summary>
    public string Markdown(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Focusable(_sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, _pipeline)));

    /// <summary>
    /// Code blocks (and a diagram's source, shown until it is drawn or when it cannot be) and tables
    /// scroll sideways when they are wide, rather than breaking words: they take keyboard focus, so they
    /// can be scrolled without a mouse (added after sanitizing, which allows no tabindex in content).
    /// </summary>
    private static string Focusable(string html) => html
        .Replace("<pre class=\"code-block\">", "<pre class=\"code-block\" tabindex=\"0\">", StringComparison.Ordinal)
        .Replace("<pre class=\"mermaid-source\">", "<pre class=\"mermaid-source\" tabindex=\"0\">", StringComparison.Ordinal)
        .Replace("<table>", "<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>", StringComparison.Ordinal)
        .Replace("</table>", "</table></div>", StringComparison.Ordinal);

    /// <summary>A mermaid diagram block for a <c>diagram</c> field.</summary>
    public static string Diagram(string? source) =>
        string.IsNullOrWhiteSpace(source) ? "" : Focusable(MermaidBlock(source));

    /// <summary>
    /// The allow-list: ordinary document tags, no scripts, styles, forms, frames or event handlers,
    /// links and images only over http(s) (and mailto for links).
    /// </summary>
    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[]
        {
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "del", "s", "ins", "mark", "sub", "sup",
            "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "span", "div", "a", "img", "kbd", "abbr",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "input",
        })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "src", "alt", "title", "class", "colspan", "rowspan", "align", "start", "type", "checked", "disabled" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.UriAttributes.Add("src");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        // Task-list checkboxes are the only inputs content may carry, and they are inert. Classes are
        // only those our own rendering writes, so content cannot borrow the page's styles (an overlay).
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { ClassName: not null } styled)
            {
                var kept = styled.ClassList.Where(AllowedClass).ToList();
                styled.RemoveAttribute("class");
                if (kept.Count > 0)
                {
                    styled.SetAttribute("class", string.Join(' ', kept));
                }
            }

            if (e.Node is AngleSharp.Dom.IElement { TagName: "INPUT" } input)
            {
                if (input.GetAttribute("type") != "checkbox")
                {
                    input.Remove();
                    return;
                }

                input.SetAttribute("disabled", "disabled");
            }

            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }

    /// <summary>The classes content may carry: code highlighting, diagram blocks and task lists, all written by us.</summary>
    private static bool AllowedClass(string name) =>
        name.StartsWith("language-", StringComparison.Ordinal)
        || name is "code-block" or "mermaid-diagram" or "mermaid-source" or "task-list-item" or "contains-task-list" or "task-list-item-checkbox"
        || HighlightClasses.Contains(name);

    /// <summary>The token classes ColorCode writes.</summary>
    private static readonly HashSet<string> HighlightClasses =
    [
        "keyword", "preprocessorKeyword", "string", "stringCSharpVerbatim", "comment", "xmlComment", "xmlDocTag", "xmlDocComment",
        "number", "className", "type", "typeVariable", "operator", "htmlElementName", "htmlAttributeName", "htmlAttributeValue",
        "htmlComment", "htmlEntity", "htmlOperator", "htmlTagDelimiter", "xmlName", "xmlAttribute", "xmlAttributeQuotes",
        "xmlAttributeValue", "xmlCDataSection", "xmlDelimiter", "sqlSystemFunction", "cssPropertyName", "cssPropertyValue",
        "cssSelector", "powershellAttribute", "powershellOperator", "powershellType", "powershellVariable", "namespace",
        "predefinedIdentifier", "markdownHeader", "markdownCode", "markdownListItem", "markdownEmph", "markdownBold",
    ];

    /// <summary>
    /// A diagram block. Mermaid turns HTML in labels into elements even in strict mode; writing
    /// <c>&lt;</c> before a tag as mermaid's <c>#lt;</c> keeps it text.
    /// </summary>
    /// <summary>
    /// A diagram block: its source, drawn in the browser (js/diagrams.js). When the source has the
    /// mistakes the diagram-repair bot fixes (unquoted brackets in labels, literal <c>\n</c>), the same
    /// safe repair rides along, hidden, for the browser to draw if the source itself fails.
    /// </summary>
    internal static string MermaidBlock(string source)
    {
        var repaired = InterviewPrep.Web.Features.Bots.MermaidRepair.Repair(source) is { Repaired: { } fixedSource } ? fixedSource : null;
        return "<div class=\"mermaid-diagram\">"
            + $"<pre class=\"mermaid-source\">{WebUtility.HtmlEncode(DefuseTags(source.Trim()))}</pre>"
            + (repaired is null ? "" : $"<pre class=\"mermaid-repaired\">{WebUtility.HtmlEncode(DefuseTags(repaired.Trim()))}</pre>")
            + "</div>";
    }

    /// <summary>Markup in a diagram's text is shown as text (mermaid's <c>#lt;</c>), except the line breaks mermaid draws.</summary>
    private static string DefuseTags(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, "<(?!br\\s*/?>)(?=[A-Za-z/!?])", "#lt;", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Renders fenced code: mermaid as a diagram block, known languages highlighted, the rest escaped.</summary>
    private sealed class HighlightedCodeExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new HighlightedCodeRenderer());
            }
        }
    }

    private sealed class HighlightedCodeRenderer : HtmlObjectRenderer<CodeBlock>
    {
        // A formatter writes into its own buffer, so one is not safe across threads: each thread has its own.
        private static readonly ThreadLocal<HtmlClassFormatter> Formatter = new(() => new HtmlClassFormatter());

        private static readonly Dictionary<string, ILanguage> Languages_ = new(StringComparer.OrdinalIgnoreCase)
        {
            ["cs"] = Languages.CSharp, ["csharp"] = Languages.CSharp, ["c#"] = Languages.CSharp,
            ["js"] = Languages.JavaScript, ["javascript"] = Languages.JavaScript, ["jsx"] = Languages.JavaScript,
            ["ts"] = Languages.Typescript, ["typescript"] = Languages.Typescript, ["tsx"] = Languages.Typescript,
            ["py"] = Languages.Python, ["python"] = Languages.Python,
            ["sql"] = Languages.Sql, ["java"] = Languages.Java,
            ["cpp"] = Languages.Cpp, ["c++"] = Languages.Cpp, ["c"] = Languages.Cpp,
            ["php"] = Languages.Php, ["ps1"] = Languages.PowerShell, ["powershell"] = Languages.PowerShell,
            ["fs"] = Languages.FSharp, ["fsharp"] = Languages.FSharp,
            ["html"] = Languages.Html, ["xml"] = Languages.Xml, ["css"] = Languages.Css,
            ["md"] = Languages.Markdown, ["markdown"] = Languages.Markdown, ["haskell"] = Languages.Haskell,
        };

        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            // Blank lines before the first line of code would show as an empty first line.
            var code = block.Lines.ToString().TrimStart('\r', '\n');
            var info = (block as FencedCodeBlock)?.Info?.Trim() ?? "";
            if (info.Equals("mermaid", StringComparison.OrdinalIgnoreCase))
            {
                renderer.EnsureLine().Write(MermaidBlock(code)).EnsureLine();
                return;
            }

            var language = info.Length > 0 ? WebUtility.HtmlEncode(info.Split(' ')[0].ToLowerInvariant()) : "text";
            renderer.EnsureLine().Write($"<pre class=\"code-block\"><code class=\"language-{language}\">");
            if (Languages_.TryGetValue(info.Split(' ')[0], out var known))
            {
                renderer.Write(Inner(Formatter.Value!.GetHtmlString(code, known)));
            }
            else
            {
                renderer.Write(WebUtility.HtmlEncode(code));
            }

            renderer.Write("</code></pre>").EnsureLine();
        }

        /// <summary>ColorCode wraps its spans in &lt;div&gt;&lt;pre&gt;; keep only the spans.</summary>
        private static string Inner(string html)
        {
            var start = html.IndexOf("<pre>", StringComparison.Ordinal);
            var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
            return start >= 0 && end > start ? html[(start + 5)..end].Trim('\n', '\r') : html;
        }
    }
}
