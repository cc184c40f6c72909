using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Tests.Data.Certifications;

/// <summary>Which channels feed a certification that has no questions of its own.</summary>
public sealed class CertificationFeedsTests
{
    private static readonly IReadOnlyList<(string Id, string? Name, int Questions)> Channels =
    [
        ("kubernetes", "Kubernetes", 328), ("networking", "Networking", 328), ("security", "Security", 328), ("devops", "DevOps", 328),
        ("sre", "SRE", 329), ("data-structures", "Data Structures", 330), ("database", "Database", 329), ("machine-learning", "Machine Learning", 327),
        ("aws", "AWS", 328), ("tiny", "Kubernetes extras", 5),
    ];

    private static Certification Certification(string id, string name, string category, string description, params string[] domains) => new()
    {
        Id = id, Name = name, Provider = "Provider", Category = category, Description = description,
        Domains = domains.Select((d, i) => new CertificationDomain($"d{i}", d, 100 / domains.Length)).ToList(),
    };

    [Fact]
    public void AChannelNamedInTheTitle_OrInSeveralDomains_FeedsIt()
    {
        var kcsa = Certification("kcsa", "Kubernetes and Cloud Native Security Associate", "security", "Security for Kubernetes clusters.",
            "Overview of Cloud Native Security", "Kubernetes Cluster Component Security", "Kubernetes Security Fundamentals", "Platform Security", "Compliance");

        var chosen = CertificationFeeds.Choose(kcsa, Channels);

        Assert.Equal(["security", "kubernetes"], chosen.Select(c => c.ChannelId));
        Assert.True(chosen[0].Score > chosen[1].Score);
        Assert.DoesNotContain(chosen, c => c.ChannelId == "tiny"); // too few questions to draw from
    }

    [Fact]
    public void EveryWordOfTheChannelMustMatch_AndOneDomainAloneIsNotEnough()
    {
        var engineer = Certification("data-eng", "Data Engineer", "ai", "Pipelines and neural networks.", "Data Ingestion", "Neural Networks");

        var chosen = CertificationFeeds.Choose(engineer, Channels);

        // Not "data structures" (only "data" matches), not "networking" (one domain and the description: 3 points):
        // the category's fallback, machine learning, feeds it.
        Assert.Equal(["machine-learning"], chosen.Select(c => c.ChannelId));
        Assert.Equal(1, chosen[0].Score);
    }

    [Fact]
    public void NothingMatching_FeedsNothing()
    {
        var odd = Certification("odd", "Underwater Basket Weaving", "crafts", "Baskets.", "Reeds", "Knots");

        Assert.Empty(CertificationFeeds.Choose(odd, Channels));
    }
}
