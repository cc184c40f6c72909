namespace InterviewPrep.Web.Features.Voice.Grading;

/// <summary>
/// A unit of a text as the grader compares it: one word, or several words that name one thing
/// ("k8s", "cube control" and "kubectl" each become that group's key). <see cref="First"/> and
/// <see cref="Last"/> are the indexes of the words it spans.
/// </summary>
public sealed record Unit(string Key, int First, int Last, bool IsFunction);

/// <summary>
/// Groups of words and phrases that mean one thing: abbreviations (k8s, DB, authn), spellings and
/// what speech recognisers hear instead ("sequel" for SQL, "cube control" for kubectl). Each line of
/// the text form is one group, its phrases separated by commas; the first names the group.
/// </summary>
public sealed class Synonyms
{
    /// <summary>The groups every installation starts with; admins add their own.</summary>
    public const string Defaults = """
        kubernetes, k8s, k eights, kube
        kubectl, cube control, cube cuttle, cube ctl, kube control, kube ctl, kube cuttle, cube c t l
        database, db, data base, databases
        authentication, authn, auth n
        authorization, authz, auth z
        sql, sequel, s q l, structured query language
        nosql, no sql, no sequel, non relational
        postgres, postgresql, post gress, post grass, postgre, post gres
        mysql, my sql, my sequel
        redis, reddis, read is, red is
        nginx, engine x, engine ex
        json, jason, j son
        javascript, js, java script
        typescript, ts, type script
        graphql, graph ql, graph q l
        websocket, web socket, web sockets, websockets
        asynchronous, async, a sink, a sync, asynchronously
        synchronous, sync, synchronously
        cache, cash, caching, cached
        load balancer, lb, load balancing, load balancers
        time to live, ttl, t t l
        service level objective, slo, s l o
        service level agreement, sla, s l a
        service level indicator, sli, s l i
        content delivery network, cdn, c d n
        domain name system, dns, d n s
        garbage collection, gc, garbage collector
        object oriented programming, oop, object oriented
        application programming interface, api, a p i, apis
        continuous integration, ci
        continuous delivery, ci cd, cicd
        virtual machine, vm, virtual machines
        operating system, os
        mean time to recovery, mttr, mean time to repair
        publish subscribe, pub sub, pubsub, publish and subscribe
        message queue, mq, message broker, message queues
        hash map, hashmap, hash table, hashtable, hash tables
        linked list, linkedlist
        binary search tree, bst
        depth first search, dfs
        breadth first search, bfs
        dynamic programming, dp, memoization
        least recently used, lru
        role based access control, rbac
        json web token, jwt, j w t
        oauth, o auth, oh auth
        single sign on, sso
        cross site scripting, xss
        cross site request forgery, csrf, sea surf
        transport layer security, tls, ssl, t l s
        microservice, micro service, microservices, micro services
        idempotent, idem potent, item potent, idempotency
        horizontal pod autoscaler, hpa
        infrastructure as code, iac
        amazon web services, aws
        simple storage service, s3, s three
        virtual private cloud, vpc
        relational database, rdbms, relational databases
        primary key, pk
        foreign key, fk
        sharding, shard, horizontal partitioning, shards
        replica, replication, replicas, replicate, read replica
        autoscaling, auto scaling, auto scale, autoscale, autoscaler
        rate limiting, rate limit, rate limiter, throttling
        circuit breaker, circuit breakers, circuit breaking
        exponential backoff, exponential back off, back off, backoff
        single point of failure, spof
        big o, big oh
        constant time, o 1, o of 1, o of one, big o of one, order one, order of one
        linear time, o n, o of n, big o of n, order n, order of n
        logarithmic time, o log n, o of log n, big o of log n, log time
        linearithmic, o n log n, o of n log n, n log n
        quadratic time, o n squared, o n 2, o of n squared, n squared
        time complexity, runtime complexity
        event driven, event based
        observability, o eleven y, o11y
        opentelemetry, open telemetry, otel
        prometheus, promethius, prometheous
        terraform, terra form
        """;

    private readonly Dictionary<string, List<(string[] Stems, string Key)>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _joined = new(StringComparer.Ordinal);

    public static Synonyms Default { get; } = Parse(Defaults);

    /// <summary>The groups, as parsed (each group's phrases, the first naming it).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    private Synonyms(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        Groups = groups;
        foreach (var group in groups)
        {
            var key = "≈" + group[0];
            foreach (var phrase in group)
            {
                var stems = Word.Split(phrase).Select(w => w.Stem).ToArray();
                if (stems.Length == 0)
                {
                    continue;
                }

                if (!_byFirstStem.TryGetValue(stems[0], out var list))
                {
                    _byFirstStem[stems[0]] = list = [];
                }

                list.Add((stems, key));
                // "auto scaling" may be heard as one word: the phrase written as one word names the group too.
                _joined.TryAdd(Word.StemOf(string.Concat(phrase.Where(c => !char.IsWhiteSpace(c)))), key);
            }
        }

        foreach (var list in _byFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length)); // the longest phrase first
        }
    }

    /// <summary>The groups that grading uses: those built in, then the admins' (table <c>voiceSynonyms</c>).</summary>
    public static Synonyms WithAdmins(IEnumerable<IReadOnlyList<string>> adminGroups) =>
        Parse(Defaults, string.Join('\n', adminGroups.Select(g => string.Join(", ", g))));

    /// <summary>Reads groups, one per line, phrases separated by commas; a line with one phrase is ignored.</summary>
    public static Synonyms Parse(params string[] texts) =>
        new(texts
            .SelectMany(t => t.Split('\n'))
            .Select(line => (IReadOnlyList<string>)line.Split(',').Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().ToList())
            .Where(group => group.Count >= 2)
            .ToList());

    /// <summary>The units of a text: each phrase of a group becomes one unit with the group's key.</summary>
    public List<Unit> Units(IReadOnlyList<Word> words)
    {
        var units = new List<Unit>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var matched = Match(words, i);
            if (matched is { } m)
            {
                units.Add(new Unit(m.Key, i, i + m.Length - 1, false));
                i += m.Length;
                continue;
            }

            units.Add(new Unit(words[i].Stem, i, i, words[i].IsFunction));
            i++;
        }

        return units;
    }

    /// <summary>The key a word or a phrase written as one word stands for, if it is in a group.</summary>
    public string? KeyOfJoined(string stem) => _joined.GetValueOrDefault(stem);

    private (string Key, int Length)? Match(IReadOnlyList<Word> words, int at)
    {
        if (!_byFirstStem.TryGetValue(words[at].Stem, out var candidates))
        {
            return null;
        }

        foreach (var (stems, key) in candidates)
        {
            if (at + stems.Length > words.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 1; k < stems.Length && all; k++)
            {
                all = words[at + k].Stem == stems[k];
            }

            if (all)
            {
                return (key, stems.Length);
            }
        }

        return null;
    }
}
