using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Features.Questions;

public sealed class ContentHtmlTests
{
    [Fact]
    public async Task Markdown_WithHighlightedCode_RenderedOnManyThreadsAtOnce_GivesEveryoneTheSameHtml()
    {
        var content = new ContentHtml();
        const string markdown = "Intro\n\n```sql\nSELECT a.id, b.name FROM a JOIN b ON a.id = b.a_id WHERE b.name LIKE 'x%';\n```\n\n```csharp\nvar total = items.Where(i => i.Active).Sum(i => i.Price);\n```\n";
        var expected = content.Markdown(markdown);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => content.Markdown(markdown))));

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    [Theory]
    [InlineData("```sql\nSELECT 1;\n```", "sql")]            // highlighted
    [InlineData("```yaml\nkind: Pod\n```", "yaml")]          // escaped only
    [InlineData("```python\n\n\nprint(1)\n```", "python")] // blank lines before the code
    [InlineData("```\n\nplain\n```", "text")]
    public void CodeBlocks_DoNotStartWithAnEmptyLine(string markdown, string language)
    {
        var html = new ContentHtml().Markdown(markdown);

        var opening = $"<code class=\"language-{language}\">";
        var start = html.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(start >= 0, html);
        var first = html[(start + opening.Length)..];
        Assert.False(first.StartsWith('\n') || first.StartsWith('\r'), html);
        Assert.DoesNotMatch("^<span[^>]*>\\r?\\n", first);
    }

    [Fact]
    public void Tables_ScrollInAFocusableBox_AndStaySanitized()
    {
        var html = new ContentHtml().Markdown("| Complexity | Name |\n| --- | --- |\n| O(1) | constant |\n");

        Assert.Contains("<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>", html, StringComparison.Ordinal);
        Assert.EndsWith("</table></div>", html.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADiagramWithUnquotedBrackets_CarriesItsSafeRepair_AndAGoodOneDoesNot()
    {
        var broken = ContentHtml.Diagram("flowchart TD\n  A[Client (browser)] --> B[API]");
        var good = ContentHtml.Diagram("flowchart TD\n  A[Client] --> B[API]");

        Assert.Contains("<pre class=\"mermaid-source\" tabindex=\"0\">flowchart TD\n  A[Client (browser)] --&gt; B[API]</pre>", broken, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"mermaid-repaired\">flowchart TD\n  A[&quot;Client (browser)&quot;] --&gt; B[API]</pre>", broken, StringComparison.Ordinal);
        Assert.DoesNotContain("mermaid-repaired", good, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagramMarkup_IsShownAsText_ButLineBreaksStay()
    {
        var html = ContentHtml.Diagram("flowchart TD\n  A[\"one<br/>two\"] --> B[\"<img src=x>\"]");

        Assert.Contains("one&lt;br/&gt;two", html, StringComparison.Ordinal);
        Assert.Contains("#lt;img src=x&gt;", html, StringComparison.Ordinal);
    }
}
