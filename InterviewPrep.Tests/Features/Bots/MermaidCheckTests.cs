using InterviewPrep.Web.Features.Bots;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>The mermaid mistakes found without a browser, on diagrams written for these tests.</summary>
public sealed class MermaidCheckTests
{
    [Theory]
    [InlineData("flowchart TD\n  A[Start] --> B{Done?}\n  B -->|Yes| C((End))")]
    [InlineData("graph TD\n    A[\"n=4 (target)\"] --> B[\"n=3 (4 ways)\"]")]
    [InlineData("graph LR\n  A[(Database)] --> B([Stadium]) --> C[[Subroutine]] --> D{{Hexagon}} --> E[/Parallelogram/]")]
    [InlineData("sequenceDiagram\n  Alice->>Bob: Hello (there)\n  Bob-->>Alice: Hi")]
    [InlineData("flowchart TD\n  A --> B\n  style A fill:#f9f\n  classDef x fill:#fff")]
    public void ADiagramThatDraws_HasNoProblems(string source) => Assert.Empty(MermaidCheck.Problems(source));

    [Theory]
    [InlineData("flowchart TD\n  D{Need O(1) Random Access?} --> E[Choose Array]", "O(1)")]
    [InlineData("graph TD\n    A[Start dp[i][j]] --> B{s[i] == s[j]}", "dp[i]")]
    [InlineData("graph TD\n    A[Call f(x)] --> B", "f(x)")]
    public void ALabelWithUnquotedBrackets_IsNamed(string source, string part)
    {
        var problem = Assert.Single(MermaidCheck.Problems(source));
        Assert.Contains("no quotes", problem);
        Assert.Contains(part, problem);
    }

    [Fact]
    public void NoDiagramType_OrALiteralNewline_IsNamed()
    {
        Assert.Contains(MermaidCheck.Problems("A --> B"), p => p.StartsWith("no diagram type", StringComparison.Ordinal));
        Assert.Contains(MermaidCheck.Problems("flowchart TD\n  A[First\\nSecond] --> B"), p => p.Contains("literal", StringComparison.Ordinal));
        Assert.Empty(MermaidCheck.Problems("flowchart TD\n  A[\"First\\nSecond\"] --> B"));
    }
}
