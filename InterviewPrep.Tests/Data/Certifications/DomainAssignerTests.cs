using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Tests.Data.Certifications;

/// <summary>The domain assigner on labelled questions written for it: right where it commits, "general" where nothing fits, the same every run.</summary>
public sealed class DomainAssignerTests
{
    private static readonly CertificationDomain[] Kubernetes =
    [
        new("cluster-arch", "Cluster Architecture, Installation and Configuration", 25),
        new("workloads", "Workloads and Scheduling", 15),
        new("services", "Services and Networking", 20),
        new("storage", "Storage", 10),
        new("troubleshoot", "Troubleshooting", 30),
    ];

    // (expected domain, question, answer, tags)
    private static readonly (string Domain, string Text, string Answer, string[] Tags)[] Labelled =
    [
        ("cluster-arch", "How do you install a highly available control plane with kubeadm?", "Run kubeadm init with a load balancer endpoint for the API servers and join more control plane nodes; etcd runs stacked or external.", ["kubeadm", "installation"]),
        ("cluster-arch", "How do you upgrade a cluster's control plane and nodes?", "kubeadm upgrade plan, then apply on the control plane, drain each node, upgrade kubelet, uncordon; the cluster architecture allows one minor version at a time.", ["upgrade", "cluster"]),
        ("cluster-arch", "What does RBAC configuration with Roles and ClusterRoles control?", "Which subjects may do which verbs on which resources, namespaced or cluster wide; configuration of access in the cluster.", ["rbac", "configuration"]),
        ("workloads", "How do you roll out a new image for a Deployment and roll it back?", "kubectl set image, watch the rollout status, kubectl rollout undo; Deployments manage ReplicaSets as workloads.", ["deployment", "workloads"]),
        ("workloads", "How do taints, tolerations and node affinity affect scheduling?", "Taints repel pods without a matching toleration; node affinity attracts them; the scheduler weighs both when scheduling pods.", ["scheduling", "scheduler"]),
        ("workloads", "How do resource requests and limits influence where a pod is scheduled?", "The scheduler places pods on nodes with enough allocatable resources for their requests; limits cap usage at runtime.", ["scheduling", "resources"]),
        ("services", "What is the difference between ClusterIP, NodePort and LoadBalancer Services?", "ClusterIP is internal, NodePort opens a port on each node, LoadBalancer asks the cloud for an external load balancer; all are Services.", ["services", "networking"]),
        ("services", "How does an Ingress route HTTP traffic to Services?", "An ingress controller reads Ingress rules (hosts and paths) and proxies to the backend Services; networking at layer 7.", ["ingress", "networking"]),
        ("services", "What do NetworkPolicies do?", "They restrict pod-to-pod networking: ingress and egress rules by pod selector, namespace and port.", ["networking", "security"]),
        ("storage", "What is the difference between a PersistentVolume and a PersistentVolumeClaim?", "A PersistentVolume is a piece of storage; a claim requests storage of a size and access mode and binds to a volume.", ["storage", "volumes"]),
        ("storage", "How does a StorageClass enable dynamic provisioning?", "A claim naming a StorageClass makes its provisioner create a volume on demand; reclaim policy decides what happens to the storage after.", ["storage", "storageclass"]),
        ("troubleshoot", "A pod is in CrashLoopBackOff. How do you troubleshoot it?", "kubectl describe and kubectl logs --previous, check the exit code, probes and configuration; troubleshooting starts from events.", ["troubleshooting", "debugging"]),
        ("troubleshoot", "A node is NotReady. What do you check when troubleshooting?", "The kubelet status and logs with journalctl, disk and memory pressure, the container runtime, and certificates.", ["troubleshooting", "nodes"]),
        ("troubleshoot", "How do you troubleshoot a Service that does not reach its pods?", "Check the selector against pod labels, the endpoints, the target port, and kube-proxy; troubleshooting connectivity with a debug pod.", ["troubleshooting", "services"]),
    ];

    private static readonly (string Text, string Answer)[] Unrelated =
    [
        ("What is your favourite way to learn new things?", "Reading and practice."),
        ("Who founded the Cloud Native Computing Foundation?", "The Linux Foundation created it in 2015."),
    ];

    private static List<DomainQuestion> Questions() =>
        Labelled.Select((q, i) => new DomainQuestion($"k-{i}", q.Text, q.Answer, null, q.Tags, "general"))
            .Concat(Unrelated.Select((q, i) => new DomainQuestion($"u-{i}", q.Text, q.Answer, null, null, "general")))
            .ToList();

    [Fact]
    public void LabelledQuestions_AreMostlyPlacedRight_AndNeverInTheWrongDomainWithHighConfidence()
    {
        var result = DomainAssigner.Assign("Certified Kubernetes Administrator", Kubernetes, Questions());

        var byId = result.Assignments.ToDictionary(a => a.QuestionId);
        var right = Labelled.Select((q, i) => byId[$"k-{i}"].Domain == q.Domain).Count(r => r);
        Assert.True(right >= 12, $"{right} of {Labelled.Length} placed right: " +
            string.Join("; ", Labelled.Select((q, i) => $"{q.Domain}→{byId[$"k-{i}"].Domain} ({byId[$"k-{i}"].Confidence})")));
        Assert.All(Labelled.Select((q, i) => (q.Domain, byId[$"k-{i}"])),
            p => Assert.True(p.Item2.Domain == p.Domain || p.Item2.Domain == DomainAssigner.General || p.Item2.Confidence < 0.6,
                $"{p.Item2.QuestionId} went to {p.Item2.Domain} with confidence {p.Item2.Confidence}, not {p.Domain}"));
    }

    [Fact]
    public void AQuestionThatFitsNoDomain_StaysGeneral()
    {
        var result = DomainAssigner.Assign("Certified Kubernetes Administrator", Kubernetes, Questions());

        Assert.All(result.Assignments.Where(a => a.QuestionId.StartsWith("u-", StringComparison.Ordinal)),
            a => Assert.Equal(DomainAssigner.General, a.Domain));
    }

    [Fact]
    public void TheSameQuestionsInAnotherOrder_GetTheSameDomains()
    {
        var questions = Questions();
        var once = DomainAssigner.Assign("Certified Kubernetes Administrator", Kubernetes, questions);
        var reversed = DomainAssigner.Assign("Certified Kubernetes Administrator", Kubernetes, questions.AsEnumerable().Reverse().ToList());

        Assert.Equal(
            once.Assignments.OrderBy(a => a.QuestionId, StringComparer.Ordinal),
            reversed.Assignments.OrderBy(a => a.QuestionId, StringComparer.Ordinal));
        Assert.Equal(once.Profiles.Select(p => string.Join(",", p.DerivedTerms)), reversed.Profiles.Select(p => string.Join(",", p.DerivedTerms)));
    }

    [Fact]
    public void WordsEveryDomainShares_DoNotDecide()
    {
        CertificationDomain[] aws =
        [
            new("design-secure", "Design Secure Architectures", 30),
            new("design-resilient", "Design Resilient Architectures", 26),
            new("design-performant", "Design High-Performing Architectures", 24),
            new("design-cost", "Design Cost-Optimized Architectures", 20),
        ];
        var question = new DomainQuestion("q", "How do you design a cost-optimized storage tier for logs?", "Use S3 lifecycle rules to move objects to cheaper classes; cost drops.", null, ["cost"], null);

        var result = DomainAssigner.Assign("AWS Solutions Architect Associate", aws, [question]);

        Assert.Equal("design-cost", Assert.Single(result.Assignments).Domain);
        Assert.DoesNotContain("design", result.Profiles[0].NameTerms);
        Assert.DoesNotContain("architectur", result.Profiles[0].NameTerms);
    }

    [Theory]
    [InlineData("volumes", "volum")]
    [InlineData("volume", "volum")]
    [InlineData("scheduling", "schedul")]
    [InlineData("scheduled", "schedul")]
    [InlineData("policies", "policy")]
    [InlineData("classes", "class")]
    [InlineData("analysis", "analysis")]
    [InlineData("dns", "dns")]
    public void Stem_BringsWordFormsTogether(string word, string stem) => Assert.Equal(stem, DomainAssigner.Stem(word));
}
