using System.Text.Json.Nodes;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>The safe mermaid repair on diagrams written for these tests and on the original system's diagrams (../shared/datasets).</summary>
public sealed class MermaidRepairTests
{
    [Theory]
    [InlineData("flowchart TD\n  D{Need O(1) Random Access?} --> E[Choose Array]", "flowchart TD\n  D{\"Need O(1) Random Access?\"} --> E[Choose Array]")]
    [InlineData("graph TD\n    A[Start dp[i][j]] --> B{s[i] == s[j]}", "graph TD\n    A[\"Start dp[i][j]\"] --> B{\"s[i] == s[j]\"}")]
    [InlineData("graph LR\n  A[Call f(x)] -->|yes| B(Say \"hi\" (twice))", "graph LR\n  A[\"Call f(x)\"] -->|yes| B(\"Say #quot;hi#quot; (twice)\")")]
    [InlineData("graph TD\n  A[(Database)] --> B[Read (hot)]", "graph TD\n  A[(Database)] --> B[\"Read (hot)\"]")]
    [InlineData("flowchart TD\n  A[First\\nSecond] --> B", "flowchart TD\n  A[First<br/>Second] --> B")]
    [InlineData("graph TD\\n  A --> B\\n  B --> C", "graph TD\n  A --> B\n  B --> C")]
    public void CommonMistakes_AreRepaired_AndTheResultPassesTheCheck(string source, string expected)
    {
        var result = MermaidRepair.Repair(source);

        Assert.True(result.Succeeded, result.Refusal);
        Assert.Equal(expected, result.Repaired);
        Assert.Empty(MermaidCheck.Problems(result.Repaired));
        Assert.NotEmpty(result.Changes);
    }

    [Theory]
    [InlineData("A --> B", "no diagram type")]
    [InlineData("graph TD\n  A[Start (here] --> B", "does not close")]
    [InlineData("graph TD\n  A[Start) here] --> B", "do not pair up")]
    [InlineData("flowchart TD\n  A --> B", "nothing to repair")]
    public void WhatCannotBeRepairedSafely_IsRefusedWithTheReason(string source, string reason)
    {
        var result = MermaidRepair.Repair(source);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Refusal);
    }

    [Fact]
    public void OnTheDataset_MostBrokenDiagramsAreRepaired_AndEveryRepairReadsBackToTheOriginal()
    {
        var diagrams = Directory.GetFiles(SharedFolder.QuestionsFolder, "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f)))
            .SelectMany(n => n is JsonArray all ? all : [n])
            .Select(q => q!["diagram"]?.GetValue<string>())
            .Where(d => !string.IsNullOrWhiteSpace(d))
            .ToList();
        var broken = diagrams.Where(d => MermaidCheck.Problems(d).Count > 0).ToList();

        var results = broken.Select(d => (Source: d!, Result: MermaidRepair.Repair(d!))).ToList();

        var repaired = results.Count(r => r.Result.Succeeded);
        var refusals = results.Where(r => !r.Result.Succeeded).GroupBy(r => r.Result.Refusal!.Split(':')[0]).OrderByDescending(g => g.Count());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{diagrams.Count} diagrams, {broken.Count} broken, {repaired} repaired ({100.0 * repaired / broken.Count:F1}%); refused: " +
            string.Join("; ", refusals.Select(g => $"{g.Key} {g.Count()}")));
        Assert.All(results.Where(r => r.Result.Succeeded), r =>
        {
            Assert.Empty(MermaidCheck.Problems(r.Result.Repaired));
            Assert.Equal(MermaidRepair.ReadBack(r.Source.Replace("\r\n", "\n")), MermaidRepair.ReadBack(r.Result.Repaired!));
        });
        Assert.True(repaired >= broken.Count * 0.9, $"only {repaired} of {broken.Count} repaired");
    }
}
