using System.Text.Json.Nodes;
using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Tests.Data.Certifications;

/// <summary>The domain assigner on the original system's certification questions (../shared/datasets).</summary>
public sealed class DatasetDomainTests
{
    public static TheoryData<string> Certifications => ["aws-saa", "cka", "terraform-associate", "docker-dca", "azure-fundamentals"];

    [Theory]
    [MemberData(nameof(Certifications))]
    public void EveryDomainGetsQuestions_AndMostQuestionsADomain(string id)
    {
        var root = SharedFolder.OpenInterview;
        var certification = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "certifications.json")))!.AsArray()
            .Single(c => c!["id"]!.GetValue<string>() == id)!;
        var domains = certification["domains"]!.AsArray()
            .Select(d => new CertificationDomain(d!["id"]!.GetValue<string>(), d["name"]!.GetValue<string>(), d["weight"]!.GetValue<int>()))
            .ToList();
        var questions = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.QuestionsFolder, $"{id}.json")))!.AsArray()
            .Select(q => new DomainQuestion(
                q!["id"]!.GetValue<string>(), q["question"]!.GetValue<string>(), q["answer"]?.GetValue<string>() ?? "",
                q["explanation"]?.GetValue<string>(), q["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList(), q["subChannel"]?.GetValue<string>()))
            .ToList();

        var result = DomainAssigner.Assign(certification["name"]!.GetValue<string>(), domains, questions);

        var counts = result.Assignments.GroupBy(a => a.Domain).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"{id}: {questions.Count} questions; " +
            string.Join(", ", domains.Select(d => $"{d.Id} {counts.GetValueOrDefault(d.Id)}")) + $", general {counts.GetValueOrDefault(DomainAssigner.General)}");
        Assert.Equal(questions.Count, result.Assignments.Count);
        Assert.All(domains, d => Assert.True(counts.GetValueOrDefault(d.Id) > 0, $"{d.Id} has no questions"));
        Assert.True(counts.GetValueOrDefault(DomainAssigner.General) < questions.Count * 0.35,
            $"{counts.GetValueOrDefault(DomainAssigner.General)} of {questions.Count} left general");
    }
}
