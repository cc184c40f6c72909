using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Questions;

/// <summary>
/// Hostile content pushed through the real import and the real question page: nothing executable
/// survives, in any field that reaches HTML.
/// </summary>
public sealed class XssCorpusTests : IAsyncLifetime
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">entity</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">hex entity</a>",
        "<a href=\"java&#09;script:alert(1)\">tab</a>",
        "<a href=\" javascript:alert(1)\">space</a>",
        "<a href=\"vbscript:msgbox(1)\">vb</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"javascript:alert(1)\">",
        "[markdown link](javascript:alert(1))",
        "[entity link](&#106;avascript:alert(1))",
        "![markdown image](javascript:alert(1))",
        "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<form action=\"https://evil.example\"><input name=x><button>go</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=alert(1)></video>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok link with handler</a>",
        "```html\n<script>alert(1)</script>\n```",
        "```mermaid\nflowchart TD\n  A-->B\n  click A call alert(1)\n  click B \"javascript:alert(1)\"\n```",
        "<template><script>alert(1)</script></template>",
        "<x onclick=alert(1)>custom element</x>",
        "Covering text {.mud-overlay}",
        "<a class=\"mud-overlay\" href=\"https://evil.example\">invisible page-wide link</a>",
        "<p id=\"app-search-q\">a second element with the page's id</p>",
        "<div class=\"mud-layout theme-dark mud-popover-open\">borrowed classes</div>",
    ];

    private readonly AppFactory _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("interviewprep-xss-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Corpus_HasAtLeastFortyPayloads() => Assert.True(Payloads.Length >= 40);

    [Fact]
    public async Task NoPayload_SurvivesImportAndRendering_InAnyField()
    {
        var rows = new JsonArray();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            rows.Add(new JsonObject
            {
                ["id"] = $"xss-{i}",
                ["question"] = payload,
                ["answer"] = payload,
                ["tldr"] = payload,
                ["explanation"] = $"## Heading\n\n{payload}\n\nText after.",
                ["eli5"] = payload,
                ["diagram"] = $"flowchart TD\n  A[\"{payload.Replace("\"", "'")}\"] --> B\n  click A call alert(1)",
                ["difficulty"] = "beginner",
                ["channel"] = "xss",
                ["subChannel"] = payload,
                ["tags"] = new JsonArray(payload),
                ["companies"] = new JsonArray(payload),
                ["sourceUrl"] = "javascript:alert(1)",
                ["videos"] = new JsonObject { ["shortVideo"] = "javascript:alert(1)", ["longVideo"] = "data:text/html,<script>alert(1)</script>" },
            });
        }

        var file = Path.Combine(_folder, "xss.json");
        await File.WriteAllTextAsync(file, rows.ToJsonString());
        var report = await _app.Services.GetRequiredService<ContentImporter>().ImportAsync([file]);
        Assert.Equal(Payloads.Length, report.Created);

        var client = _app.CreateClient();
        var parser = new HtmlParser();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var html = await client.GetStringAsync($"/questions/xss-{i}");
            var document = await parser.ParseDocumentAsync(html);
            var problems = Problems(document).ToList();
            Assert.True(problems.Count == 0, $"payload {i} `{Payloads[i]}` survived: {string.Join("; ", problems)}");
        }
    }

    /// <summary>Everything that could run script: inline or foreign scripts, handlers, script URLs, frames, objects, styles.</summary>
    private static IEnumerable<string> Problems(IDocument document)
    {
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (tag == "script")
            {
                var src = element.GetAttribute("src");
                if (src is null || !src.StartsWith('_') && !src.StartsWith("js/", StringComparison.Ordinal) && !src.StartsWith("Components/", StringComparison.Ordinal))
                {
                    yield return $"script element {element.OuterHtml[..Math.Min(80, element.OuterHtml.Length)]}";
                }
            }

            if (tag is "iframe" && !(element.GetAttribute("src") ?? "").StartsWith("https://www.youtube-nocookie.com/embed/", StringComparison.Ordinal))
            {
                yield return "iframe not from YouTube";
            }

            if (tag is "object" or "embed" or "template" or "math" or "noscript" || tag == "meta" && element.HasAttribute("http-equiv"))
            {
                yield return $"<{tag}>";
            }

            if (tag is "base" && (element.Closest("head") is null || element.GetAttribute("href") != "/"))
            {
                yield return "a base element of content";
            }

            // Content lands in the article; the layout's own styles and icons are outside it.
            var inContent = element.Closest("article") is not null;
            if (inContent && tag is "style" or "link" or "form" or "input" or "button" or "textarea" or "select")
            {
                yield return $"<{tag}> in the content";
            }

            if (inContent && tag is "svg" && !element.ClassList.Contains("mud-icon-root"))
            {
                yield return "svg element from content";
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal))
                {
                    yield return $"event handler {name} on <{tag}>";
                }

                if (name is "href" or "src" or "xlink:href" or "action" or "formaction" or "srcdoc" or "data" or "poster")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    if (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal) || name == "srcdoc")
                    {
                        yield return $"{name}=\"{attribute.Value}\" on <{tag}>";
                    }
                }

                if (name == "style" && element.Closest(".markdown-body, .answer, .tldr, .question-title") is not null)
                {
                    yield return $"style attribute from content on <{tag}>";
                }

                if (name is "class" or "id" && element.Closest(".markdown-body") is not null
                    && (name == "id" || attribute.Value.Split(' ').Any(c => c.StartsWith("mud-", StringComparison.Ordinal) || c.StartsWith("theme-", StringComparison.Ordinal))))
                {
                    yield return $"{name}=\"{attribute.Value}\" from content on <{tag}>";
                }
            }
        }
    }
}
