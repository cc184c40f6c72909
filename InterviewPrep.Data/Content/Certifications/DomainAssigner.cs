using System.Globalization;
using System.Text;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content.Certifications;

/// <summary>What a question is read by, to place it in a domain.</summary>
public sealed record DomainQuestion(string Id, string Text, string Answer, string? Explanation, IReadOnlyList<string>? Tags, string? SubChannel);

/// <summary>
/// Where the assigner put a question: a domain id, or <see cref="DomainAssigner.General"/> when no
/// domain fits well; <paramref name="Confidence"/> runs from 0 (a guess) to 1 (only one domain fits).
/// </summary>
public sealed record DomainAssignment(string QuestionId, string Domain, double Confidence);

/// <summary>A domain's terms: from its name, and derived from the questions that matched the name best.</summary>
public sealed record DomainProfile(string DomainId, IReadOnlyList<string> NameTerms, IReadOnlyList<string> DerivedTerms);

public sealed record DomainAssignmentResult(IReadOnlyList<DomainAssignment> Assignments, IReadOnlyList<DomainProfile> Profiles);

/// <summary>
/// Places a certification's questions in the domains of its blueprint, offline and
/// deterministically. First each question is scored against the words of each domain's name
/// (weighted by where they appear: the question, its tags and sub-channel count more than the
/// answer, and by how rare they are among the certification's questions). The questions that
/// match one domain clearly then lend it the terms that set them apart from the other domains'
/// questions, and every question is scored again with both. A question whose best domain is weak,
/// or hardly ahead of the next, stays "general".
/// </summary>
public static class DomainAssigner
{
    public const string General = "general";

    /// <summary>Below this score no domain is taken.</summary>
    public const double MinScore = 1.5;

    /// <summary>Below this confidence no domain is taken.</summary>
    public const double MinConfidence = 0.15;

    private const int DerivedTermsPerDomain = 12;
    private const double DerivedWeight = 0.5;

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "in", "into", "is", "it",
        "its", "of", "on", "or", "that", "the", "their", "this", "to", "use", "used", "using", "what", "when", "which", "with",
        "you", "your", "why", "will", "would", "should", "between", "about", "other", "than", "then", "these", "those", "has",
        "have", "not", "all", "any", "each", "more", "most", "such", "also", "but", "if", "so", "was", "were", "we", "our",
        "explain", "describe", "difference", "example", "i", "e", "g", "vs",
    ];

    /// <summary>
    /// What blueprint words mean in questions: a domain named "Design Resilient Architectures" is
    /// about failover and backups though its questions rarely say "resilient". Keys and values are
    /// stemmed when used.
    /// </summary>
    private static readonly Dictionary<string, string[]> Concepts = new(StringComparer.Ordinal)
    {
        ["resilient"] = ["availability", "failover", "disaster", "recovery", "redundancy", "replica", "replication", "backup", "multi-az", "outage", "rto", "rpo"],
        ["reliability"] = ["availability", "failover", "disaster", "recovery", "redundancy", "replica", "backup", "outage"],
        ["performant"] = ["latency", "throughput", "caching", "cache", "autoscaling", "scaling", "performance", "iops"],
        ["performance"] = ["latency", "throughput", "caching", "cache", "autoscaling", "scaling", "iops"],
        ["cost"] = ["pricing", "budget", "savings", "reserved", "spot", "billing", "cheaper"],
        ["pricing"] = ["cost", "billing", "budget", "tco", "calculator", "subscription"],
        ["secure"] = ["security", "iam", "encryption", "kms", "least", "privilege", "permissions", "secrets", "tls"],
        ["security"] = ["iam", "encryption", "rbac", "tls", "secrets", "vulnerability", "permissions", "privilege", "firewall"],
        ["troubleshoot"] = ["debug", "debugging", "logs", "failing", "error", "crashloopbackoff", "diagnose", "fix", "broken", "notready"],
        ["orchestration"] = ["swarm", "stack", "replicas", "scheduling", "cluster", "services", "rolling", "kubernetes"],
        ["workload"] = ["deployment", "pod", "replicaset", "daemonset", "statefulset", "job", "cronjob", "rollout"],
        ["networking"] = ["network", "dns", "ingress", "egress", "load", "balancer", "overlay", "subnet", "vpc", "cni", "port"],
        ["network"] = ["dns", "ingress", "egress", "balancer", "overlay", "subnet", "vpc", "cni", "port"],
        ["storage"] = ["volume", "persistent", "pvc", "disk", "blob", "bucket", "s3", "snapshot", "mount"],
        ["image"] = ["dockerfile", "build", "layer", "registry", "tag", "multi-stage", "digest"],
        ["installation"] = ["install", "daemon", "engine", "setup", "upgrade", "kubeadm", "bootstrap"],
        ["concept"] = ["benefits", "model", "principles", "declarative", "idempotent"],
        ["iac"] = ["infrastructure", "code", "declarative", "idempotent", "provisioning", "drift"],
        ["basic"] = ["provider", "resource", "variable", "output", "init", "plan", "apply", "hcl"],
        ["state"] = ["tfstate", "backend", "lock", "locking", "remote", "import", "drift"],
        ["module"] = ["registry", "source", "inputs", "outputs", "reusable", "version"],
        ["workflow"] = ["init", "plan", "apply", "destroy", "validate", "fmt"],
        ["generate"] = ["expression", "function", "dynamic", "for_each", "count", "locals", "interpolation", "template", "data"],
        ["modify"] = ["refactor", "moved", "rename", "taint", "replace", "expression", "function"],
        ["cloud"] = ["sentinel", "workspace", "hcp", "saas", "iaas", "paas", "elasticity", "scalability", "vcs"],
        ["governance"] = ["policy", "policies", "compliance", "blueprint", "tags", "lock", "rbac", "audit"],
        ["management"] = ["portal", "cli", "arm", "monitor", "advisor", "automation"],
        ["architecture"] = ["region", "zone", "availability", "vm", "subscription"],
        ["support"] = ["sla", "plan", "ticket", "lifecycle", "preview"],
        ["cluster"] = ["control", "plane", "etcd", "kubeadm", "node", "api", "server", "kubelet"],
        ["monitoring"] = ["metrics", "logs", "alert", "alerts", "dashboard", "tracing", "observability"],
        ["responsible"] = ["bias", "fairness", "transparency", "explainability", "ethics", "toxicity"],
        ["generative"] = ["llm", "prompt", "tokens", "foundation", "gpt", "embeddings", "hallucination"],
    };

    public static DomainAssignmentResult Assign(
        string certificationName, IReadOnlyList<CertificationDomain> domains, IReadOnlyList<DomainQuestion> questions)
    {
        if (domains.Count == 0 || questions.Count == 0)
        {
            return new DomainAssignmentResult(questions.Select(q => new DomainAssignment(q.Id, General, 0)).ToList(), []);
        }

        var docs = questions.Select(Document).ToList();
        var idf = InverseDocumentFrequency(docs);
        var nameTerms = NameTerms(certificationName, domains);

        var first = docs.Select(d => Scores(d, nameTerms, idf, [])).ToList();
        var seeds = first.Select(s => Best(s) is var (best, second, index) && best >= MinScore && best > second ? index : -1).ToList();
        var derived = DeriveTerms(docs, seeds, domains.Count, nameTerms);

        var assignments = new List<DomainAssignment>(questions.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            var (best, second, index) = Best(Scores(docs[i], nameTerms, idf, derived));
            var confidence = best <= 0 ? 0 : Math.Round((best - second) / best, 3);
            var domain = best >= MinScore && confidence >= MinConfidence ? domains[index].Id : General;
            assignments.Add(new DomainAssignment(questions[i].Id, domain, domain == General ? Math.Round(confidence, 3) : confidence));
        }

        var profiles = domains.Select((d, i) => new DomainProfile(d.Id, nameTerms[i], derived[i])).ToList();
        return new DomainAssignmentResult(assignments, profiles);
    }

    /// <summary>The words of each domain's name, without those every domain or the certification itself shares.</summary>
    private static List<List<string>> NameTerms(string certificationName, IReadOnlyList<CertificationDomain> domains)
    {
        var certification = Terms(certificationName).ToHashSet(StringComparer.Ordinal);
        var perDomain = domains.Select(d => Terms(d.Name + " " + d.Id.Replace('-', ' ')).Distinct().ToList()).ToList();
        var shared = perDomain.SelectMany(t => t).GroupBy(t => t)
            .Where(g => domains.Count > 2 && g.Count() > domains.Count / 2)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return perDomain
            .Select(terms => terms.Where(t => !shared.Contains(t) && !certification.Contains(t)).ToList() is { Count: > 0 } kept ? kept : terms)
            .Select(terms => terms.Concat(terms.SelectMany(Related)).Where(t => !certification.Contains(t)).Distinct().ToList())
            .ToList();
    }

    // Keys that stem alike ("network", "networking") pool their terms.
    private static readonly Dictionary<string, string[]> StemmedConcepts = Concepts
        .GroupBy(p => Terms(p.Key).First(), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).SelectMany(Terms).Distinct().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>The terms a name term stands for in questions (<see cref="Concepts"/>).</summary>
    private static IEnumerable<string> Related(string term) => StemmedConcepts.GetValueOrDefault(term) ?? [];

    /// <summary>A question's terms, each weighted by the fields it appears in (log-damped counts).</summary>
    private static Dictionary<string, double> Document(DomainQuestion q)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string? text, double weight)
        {
            foreach (var group in Terms(text).GroupBy(t => t))
            {
                counts[group.Key] = counts.GetValueOrDefault(group.Key) + weight * (1 + Math.Log(group.Count()));
            }
        }

        Add(q.Text, 3);
        Add(q.Tags is null ? null : string.Join(' ', q.Tags), 3);
        Add(q.SubChannel is null or General ? null : q.SubChannel.Replace('-', ' '), 2);
        Add(q.Answer, 1);
        Add(q.Explanation, 0.5);
        return counts;
    }

    private static Dictionary<string, double> InverseDocumentFrequency(List<Dictionary<string, double>> docs)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in docs.SelectMany(d => d.Keys))
        {
            df[term] = df.GetValueOrDefault(term) + 1;
        }

        return df.ToDictionary(p => p.Key, p => Math.Log(1 + (double)docs.Count / p.Value), StringComparer.Ordinal);
    }

    private static double[] Scores(
        Dictionary<string, double> doc, List<List<string>> nameTerms, Dictionary<string, double> idf, List<List<string>> derived)
    {
        var scores = new double[nameTerms.Count];
        for (var d = 0; d < nameTerms.Count; d++)
        {
            foreach (var term in nameTerms[d])
            {
                scores[d] += doc.GetValueOrDefault(term) * idf.GetValueOrDefault(term);
            }

            if (derived.Count > d)
            {
                foreach (var term in derived[d])
                {
                    scores[d] += DerivedWeight * doc.GetValueOrDefault(term) * idf.GetValueOrDefault(term);
                }
            }
        }

        return scores;
    }

    /// <summary>The best score, the runner-up's, and the best domain's index (the first of equals).</summary>
    private static (double Best, double Second, int Index) Best(double[] scores)
    {
        var index = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[index])
            {
                index = i;
            }
        }

        var second = scores.Where((_, i) => i != index).DefaultIfEmpty(0).Max();
        return (scores[index], second, index);
    }

    /// <summary>
    /// For each domain, the terms most over-represented in its seed questions against the other
    /// domains' seeds (smoothed log odds times frequency), ties broken by the term itself.
    /// </summary>
    private static List<List<string>> DeriveTerms(List<Dictionary<string, double>> docs, List<int> seeds, int domainCount, List<List<string>> nameTerms)
    {
        var inDomain = Enumerable.Range(0, domainCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var seeded = new int[domainCount];
        for (var i = 0; i < docs.Count; i++)
        {
            if (seeds[i] < 0)
            {
                continue;
            }

            seeded[seeds[i]]++;
            foreach (var term in docs[i].Keys)
            {
                inDomain[seeds[i]][term] = inDomain[seeds[i]].GetValueOrDefault(term) + 1;
            }
        }

        var total = seeded.Sum();
        var result = new List<List<string>>(domainCount);
        for (var d = 0; d < domainCount; d++)
        {
            var others = total - seeded[d];
            var own = nameTerms[d].ToHashSet(StringComparer.Ordinal);
            result.Add(inDomain[d]
                .Where(p => p.Value >= 2 && !own.Contains(p.Key))
                .Select(p =>
                {
                    var elsewhere = Enumerable.Range(0, domainCount).Where(o => o != d).Sum(o => inDomain[o].GetValueOrDefault(p.Key));
                    var odds = Math.Log((p.Value + 0.5) / (seeded[d] + 1.0)) - Math.Log((elsewhere + 0.5) / (others + 1.0));
                    return (Term: p.Key, Score: odds * Math.Log(1 + p.Value));
                })
                .Where(t => t.Score > 0)
                .OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(DerivedTermsPerDomain)
                .Select(t => t.Term)
                .ToList());
        }

        return result;
    }

    /// <summary>Lower-case words of two or more characters, stop words left out, light suffixes removed.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            if (word.Length >= 2 && !StopWords.Contains(word.ToString()))
            {
                yield return Stem(word.ToString());
            }

            word.Clear();
        }
    }

    /// <summary>
    /// Plural and verb endings off, then a final "e": "volumes" meets "volume", "scheduling" and
    /// "scheduled" meet "schedule".
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 4)
        {
            return word;
        }

        var stem = word switch
        {
            _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
            _ when word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 6 => word[..^3],
            _ when word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 5 => word[..^2],
            _ when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
                || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
            _ when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
                && !word.EndsWith("is", StringComparison.Ordinal) => word[..^1],
            _ => word,
        };
        return stem.Length > 4 && stem.EndsWith('e') ? stem[..^1] : stem;
    }
}
