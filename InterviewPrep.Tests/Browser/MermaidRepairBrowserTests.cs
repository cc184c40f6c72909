using System.Text.Json.Nodes;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;

namespace InterviewPrep.Tests.Browser;

/// <summary>
/// The diagram repair checked by mermaid's own parser, in the browser, on every diagram of the original
/// system's dataset (../shared/datasets): what it repairs parses, and most of what mermaid rejects is repaired.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MermaidRepairBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task OnTheDataset_EveryRepairParses_AndMostDiagramsMermaidRejectsAreRepaired()
    {
        var diagrams = Directory.GetFiles(SharedFolder.QuestionsFolder, "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f)))
            .SelectMany(n => n is JsonArray all ? all : [n])
            .Select(q => q!["diagram"]?.GetValue<string>())
            .Where(d => !string.IsNullOrWhiteSpace(d))
            .Select(d => d!)
            .ToList();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var parses = await ParseAsync(page, diagrams);
        var rejected = diagrams.Where((_, i) => !parses[i]).ToList();
        var repairs = rejected.Select(MermaidRepair.Repair).ToList();
        var repaired = repairs.Where(r => r.Succeeded).Select(r => r.Repaired!).ToList();
        var repairedParse = await ParseAsync(page, repaired);
        // What the check flags: does mermaid agree?
        var flagged = diagrams.Select((d, i) => (Flagged: MermaidCheck.Problems(d).Count > 0, Parses: parses[i])).ToList();
        var allRepairs = diagrams.Where(d => MermaidCheck.Problems(d).Count > 0).Select(MermaidRepair.Repair).Where(r => r.Succeeded).Select(r => r.Repaired!).ToList();
        var allRepairsParse = await ParseAsync(page, allRepairs);

        var fixedCount = repairedParse.Count(p => p);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{diagrams.Count} diagrams; mermaid rejects {rejected.Count}; the check flags {flagged.Count(f => f.Flagged)} " +
            $"({flagged.Count(f => f.Flagged && !f.Parses)} of them rejected, {flagged.Count(f => !f.Flagged && !f.Parses)} rejected but not flagged); " +
            $"repair offered for {repaired.Count} of the rejected, {fixedCount} then parse ({100.0 * fixedCount / Math.Max(1, rejected.Count):F1}% of the rejected); " +
            $"of all {allRepairs.Count} repairs, {allRepairsParse.Count(p => p)} parse");
        foreach (var (d, _) in diagrams.Select((d, i) => (d, i)).Where(x => parses[x.i] && MermaidCheck.Problems(x.d).Count > 0).Take(10))
        {
            TestContext.Current.TestOutputHelper?.WriteLine("flagged, yet mermaid draws it: " + MermaidCheck.Problems(d)[0]);
        }

        Assert.All(allRepairsParse.Select((ok, i) => (ok, i)), x => Assert.True(x.ok, $"a repair mermaid cannot parse:\n{allRepairs[x.i]}"));
        Assert.True(fixedCount >= rejected.Count * 0.9, $"only {fixedCount} of the {rejected.Count} diagrams mermaid rejects were repaired");
        await page.Context.CloseAsync();
    }

    private static async Task<bool[]> ParseAsync(Microsoft.Playwright.IPage page, IReadOnlyList<string> diagrams) =>
        await page.EvaluateAsync<bool[]>("""
            async diagrams => {
                const mermaid = (await import('/lib/mermaid/mermaid.esm.min.mjs')).default;
                mermaid.initialize({ startOnLoad: false });
                const results = [];
                for (const d of diagrams) {
                    try { results.push(await mermaid.parse(d, { suppressErrors: false }) !== false); } catch { results.push(false); }
                }
                return results;
            }
            """, diagrams);
}
