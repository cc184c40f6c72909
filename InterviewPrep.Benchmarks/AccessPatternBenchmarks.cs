using System.Diagnostics;
using System.Globalization;
using System.Text;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// The design's nine access patterns ("Access Patterns"), written against our schema, on a SQLite
/// database made by the real migrations and filled to ten times the design's "Table Sizes
/// (Estimated)". Prints each query plan, then the latency of 1,000 runs per pattern against the
/// design's monitoring targets (average under 50 ms, p95 under 200 ms, p99 under 500 ms).
/// Prints figures; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- access-patterns
/// </summary>
public sealed class AccessPatternBenchmarks
{
    private const int Warmup = 20;
    private const int Samples = 1000;
    private const int Seed = 20261127;
    private const int RowsPerTransaction = 100_000;

    // Fixed rather than the clock's time, so that two runs load the same rows.
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    // The channels of the original system's export, padded to the 30 a grown catalog would have.
    private static readonly string[] Channels =
    [
        "system-design", "algorithms", "kubernetes", "behavioral", "aws", "backend", "frontend", "database", "devops",
        "python", "sre", "security", "networking", "linux", "machine-learning", "generative-ai", "data-structures",
        "testing", "terraform-associate", "aws-saa", "azure-fundamentals", "cka", "docker-dca", "complexity-analysis",
        "javascript", "react", "java", "golang", "observability", "data-engineering",
    ];

    private static readonly string[] Bots =
    [
        "creator", "verifier", "improver", "deduplicator", "linker", "tagger", "diagrammer", "eli5-writer",
        "tldr-writer", "video-finder", "relevance-scorer", "company-tagger", "voice-keyworder", "difficulty-calibrator",
        "channel-mapper", "certification-mapper", "path-generator", "voice-session-builder", "cleaner", "reporter",
    ];

    // The path types the original system's export uses.
    private static readonly string[] PathTypes = ["certification", "company", "job-title", "skill"];

    private static readonly string[] Companies = ["Google", "Amazon", "Meta", "Microsoft", "Apple", "Netflix", "Stripe", "Uber", "NVIDIA", "Two Sigma"];

    private static readonly string[] Words =
    [
        "cache", "latency", "throughput", "replica", "partition", "consistency", "queue", "index", "request", "service",
        "cluster", "node", "pod", "deploy", "rollback", "shard", "lock", "thread", "memory", "heap", "tree", "graph",
        "hash", "token", "schema", "query", "join", "transaction", "isolation", "retry", "backoff", "timeout", "load",
        "balancer", "gateway", "stream", "event", "consumer", "producer", "the", "a", "of", "to", "and", "when", "why",
        "how", "with", "under", "before", "after", "each", "every", "design", "explain", "compare", "trade-off",
    ];

    private readonly Random _random = new(Seed);

    public async Task NinePatterns_AtTenTimesDesignVolumes()
    {
        var output = Console.Out;
        await using var db = await TestDatabase.CreateAsync();
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            output.WriteLine("skipped: the access-pattern benchmark is about SQLite (unset TEST_DATABASE_PROVIDER)");
            return;
        }

        using var connection = db.OpenConnection();
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; SQLite {connection.ServerVersion}");

        var loaded = Load(connection, output);
        var patterns = Patterns(loaded);

        // The app never runs a full ANALYZE: PRAGMA optimize after migrating, and a bounded one after an
        // import. The plans without statistics show whether the indexes alone carry the patterns.
        var plansWithoutStatistics = patterns.ToDictionary(p => p.Name, p => QueryPlans.Plan(connection, p.Sql));
        var analyze = Stopwatch.StartNew();
        Execute(connection, "ANALYZE;");
        output.WriteLine($"ANALYZE: {analyze.Elapsed.TotalSeconds:0.0} s");

        output.WriteLine();
        output.WriteLine("## Query plans (after ANALYZE; the plan before ANALYZE is shown only where it differs)");
        var results = new List<string>();
        foreach (var pattern in patterns)
        {
            var plan = QueryPlans.Plan(connection, pattern.Sql);
            var tempSort = plan.Any(IsTempSort);
            output.WriteLine();
            output.WriteLine($"### {pattern.Name}");
            output.WriteLine("```sql");
            output.WriteLine(pattern.Sql);
            output.WriteLine("```");
            foreach (var line in plan)
            {
                output.WriteLine($"    {line}{(IsTempSort(line) ? "   <-- TEMP B-TREE: sorts the matching rows instead of reading them in index order" : "")}");
            }

            if (!plan.SequenceEqual(plansWithoutStatistics[pattern.Name]))
            {
                output.WriteLine("  before ANALYZE the plan was:");
                plansWithoutStatistics[pattern.Name].ForEach(line => output.WriteLine($"    {line}"));
            }

            var (times, rows) = Measure(connection, pattern);
            results.Add(Row(pattern.Name, times, rows, tempSort));
        }

        output.WriteLine();
        output.WriteLine($"## Latency: {Samples:N0} runs per pattern, parameters drawn at random, every column of every row read");
        output.WriteLine();
        output.WriteLine("| pattern | rows returned (avg) | avg | p50 | p95 | p99 | max (ms) | temp sort? | within target (avg<50, p95<200, p99<500) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        results.ForEach(output.WriteLine);
        output.WriteLine();
        output.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private sealed record AccessPattern(string Name, string Sql, Func<Random, (string Name, object Value)[]> Draw);

    /// <summary>What the patterns draw their parameters from.</summary>
    private sealed record LoadedData(string[] QuestionIds);

    /// <summary>
    /// The design's SQL with our table and column names. Status literals are inlined, as EF inlines
    /// the constants of the app's LINQ, so the planner sees the same text it sees from the app.
    /// </summary>
    private static List<AccessPattern> Patterns(LoadedData data)
    {
        var active = Vocabulary.ToText(QuestionStatus.Active);
        var activeSession = Vocabulary.ToText(SessionStatus.Active);
        var pending = Vocabulary.ToText(WorkQueueStatus.Pending);
        var completed = Vocabulary.ToText(BotRunStatus.Completed);
        return
        [
            new("1. questions by channel", $"SELECT * FROM questions WHERE channel = $channel AND status = '{active}' ORDER BY createdAt DESC",
                r => [("$channel", Pick(r, Channels))]),
            new("2. active user sessions (LIMIT 50)", $"SELECT * FROM userSessions WHERE status = '{activeSession}' ORDER BY lastAccessedAt DESC LIMIT 50",
                _ => []),
            new("3. certification questions", $"SELECT q.* FROM questions q JOIN channelMappings cm ON q.id = cm.questionId WHERE cm.channelId = $channel AND q.status = '{active}'",
                r => [("$channel", Pick(r, Channels))]),
            new("4. learning paths of a type", "SELECT * FROM learningPaths WHERE status = 'active' AND pathType = $pathType ORDER BY popularity DESC",
                r => [("$pathType", Pick(r, PathTypes))]),
            new("5. question history", "SELECT * FROM questionHistory WHERE questionId = $questionId ORDER BY createdAt DESC",
                r => [("$questionId", Pick(r, data.QuestionIds))]),
            new("6. related questions", "SELECT q.* FROM questions q JOIN questionRelationships qr ON q.id = qr.targetQuestionId WHERE qr.sourceQuestionId = $questionId ORDER BY qr.strength DESC",
                r => [("$questionId", Pick(r, data.QuestionIds))]),
            new("7. bot activity (LIMIT 100)", "SELECT * FROM botLedger WHERE botName = $botName ORDER BY createdAt DESC LIMIT 100",
                r => [("$botName", Pick(r, Bots))]),
            new("8. pending work queue", $"SELECT * FROM workQueue WHERE status = '{pending}' ORDER BY priority ASC, createdAt ASC",
                _ => []),
            new("9. a bot's completed runs", $"SELECT * FROM botRuns WHERE botName = $botName AND status = '{completed}' ORDER BY startedAt DESC",
                r => [("$botName", Pick(r, Bots))]),
        ];
    }

    /// <summary>
    /// Runs a pattern as the app would: a new command each time (EF prepares every query afresh), and
    /// every column of every row read. Parameters are drawn before the clock starts.
    /// </summary>
    private (List<double> Times, long Rows) Measure(SqliteConnection connection, AccessPattern pattern)
    {
        var times = new List<double>(Samples);
        long rows = 0;
        for (var run = -Warmup; run < Samples; run++)
        {
            var parameters = pattern.Draw(_random);
            var watch = Stopwatch.StartNew();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = pattern.Sql;
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                using var reader = command.ExecuteReader();
                var returned = 0;
                while (reader.Read())
                {
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        _ = reader.GetValue(column);
                    }

                    returned++;
                }

                if (run >= 0)
                {
                    rows += returned;
                }
            }

            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (times, rows);
    }

    private static string Row(string name, List<double> times, long rows, bool tempSort)
    {
        var sorted = times.Order().ToList();
        double P(double q) => Percentiles.Of(sorted, q);
        var average = times.Average();
        var within = average < 50 && P(0.95) < 200 && P(0.99) < 500;
        return $"| {name} | {(double)rows / times.Count:0.0} | {average:0.00} | {P(0.50):0.00} | {P(0.95):0.00} | {P(0.99):0.00} | {sorted[^1]:0.00} | "
            + $"{(tempSort ? "**yes**" : "no")} | {(within ? "yes" : "**NO**")} |";
    }

    private static bool IsTempSort(string planLine) => planLine.Contains("USE TEMP B-TREE", StringComparison.Ordinal);

    // ----- Loading: ten times the design's estimates, deterministic, within our schema's constraints -----

    private LoadedData Load(SqliteConnection connection, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Data loaded (ten times the design's estimated table sizes)");
        output.WriteLine();
        output.WriteLine("| table | rows | load time (s) |");
        output.WriteLine("| --- | ---: | ---: |");
        var total = Stopwatch.StartNew();

        // Channel sizes are uneven, as in the export: the largest channel is a few times the smallest.
        var channelOfQuestion = Enumerable.Range(0, 10_000).Select(_ => Channels[Skewed(Channels.Length, 1.6)]).ToArray();
        var questionIds = Enumerable.Range(0, 10_000).Select(i => $"q-{i + 1:D5}").ToArray();
        var questionCreated = questionIds.Select(_ => RandomTime(365)).ToArray();
        var byChannel = Channels.ToDictionary(c => c, c => Enumerable.Range(0, questionIds.Length).Where(i => channelOfQuestion[i] == c).ToArray());

        Table(connection, output, "questions",
            ["id", "question", "answer", "explanation", "diagram", "difficulty", "tags", "channel", "subChannel", "sourceUrl", "videos", "companies",
             "eli5", "tldr", "relevanceScore", "relevanceDetails", "jobTitleRelevance", "experienceLevelTags", "voiceKeywords", "voiceSuitable",
             "status", "isNew", "lastUpdated", "createdAt"],
            questionIds.Length, i => [
                questionIds[i], Sentence(40, 90) + "?", Sentence(20, 110), "## Why this is asked\n" + Sentence(120, 220),
                Chance(0.55) ? "flowchart TD\n  A[Client] --> B[Load balancer]\n  B --> C[Service]\n  C --> D[(Database)]" : null,
                Weighted(Vocabulary.Values<Difficulty>(), 30, 45, 20, 5), Json(Enumerable.Range(0, 3).Select(_ => Pick(_random, Words)).Distinct()),
                channelOfQuestion[i], Chance(0.6) ? "general" : Pick(_random, Words), Chance(0.2) ? $"https://example.org/{questionIds[i]}" : null,
                Json(new QuestionVideos(Chance(0.3) ? $"https://www.youtube.com/watch?v={questionIds[i]}" : null, null)),
                Json(Companies.Where(_ => Chance(0.15))), Chance(0.4) ? Sentence(20, 50) : null, Chance(0.5) ? Sentence(10, 25) : null,
                Chance(0.7) ? _random.Next(1, 101) : null, Chance(0.7) ? Json(new { Depth = _random.Next(1, 6), Frequency = _random.Next(1, 6) }) : null,
                Chance(0.5) ? Json(new Dictionary<string, double> { ["backend-engineer"] = Math.Round(_random.NextDouble(), 2), ["sre"] = Math.Round(_random.NextDouble(), 2) }) : null,
                Chance(0.5) ? Json(new[] { "mid", "senior" }) : null, Chance(0.3) ? Json(new[] { "latency", "cache", "trade-off" }) : null,
                Chance(0.3), Weighted(Vocabulary.Values<QuestionStatus>(), 90, 6, 4), Chance(0.05),
                UtcIso.Format(Later(questionCreated[i])), UtcIso.Format(questionCreated[i])]);

        // Every question in its own channel, and half of them in a second one (a certification's channel).
        // Lists keep the order of the draws (a HashSet's order is not promised), so every run inserts the same rows.
        var mappings = Enumerable.Range(0, questionIds.Length).Select(i => (Channel: channelOfQuestion[i], Question: i)).ToList();
        var mapped = mappings.ToHashSet();
        while (mappings.Count < 20_000)
        {
            var mapping = (Pick(_random, Channels), _random.Next(questionIds.Length));
            if (mapped.Add(mapping))
            {
                mappings.Add(mapping);
            }
        }

        Table(connection, output, "channelMappings", ["channelId", "subChannel", "questionId"], mappings.Count,
            i => [mappings[i].Channel, "general", questionIds[mappings[i].Question]]);

        // Every question has its "created" event; the edits gather on a minority of much-edited questions.
        var hotOrder = questionIds.Select((_, i) => i).OrderBy(_ => _random.Next()).ToArray();
        var eventTypes = new[] { HistoryEventTypes.Updated, HistoryEventTypes.Deleted, HistoryEventTypes.Restored };
        Table(connection, output, "questionHistory",
            ["questionId", "questionType", "eventType", "eventSource", "sourceName", "changesSummary", "changedFields", "beforeSnapshot", "afterSnapshot", "reason", "metadata", "createdAt"],
            100_000, n =>
            {
                var created = n < questionIds.Length;
                var q = created ? n : hotOrder[Skewed(questionIds.Length, 1.5)];
                var source = created ? HistoryEventSources.Import : Weighted([HistoryEventSources.Bot, HistoryEventSources.Admin, HistoryEventSources.Import, HistoryEventSources.System], 60, 15, 20, 5);
                var snapshot = Json(new { Id = questionIds[q], Channel = channelOfQuestion[q], Difficulty = "intermediate", Status = "active", Question = Sentence(8, 16) });
                return [
                    questionIds[q], "question", created ? HistoryEventTypes.Created : Weighted(eventTypes, 90, 6, 4), source,
                    source == HistoryEventSources.Bot ? Pick(_random, Bots) : "admin", created ? $"Created in {channelOfQuestion[q]}" : "Changed answer, tags",
                    Json(created ? [] : new[] { "answer", "tags" }), created ? null : snapshot, snapshot, Chance(0.3) ? Sentence(5, 12) : null,
                    Chance(0.2) ? Json(new { File = $"{channelOfQuestion[q]}.json" }) : null, UtcIso.Format(created ? questionCreated[q] : Later(questionCreated[q]))];
            });

        // About five links per question, mostly within its channel, strongest listed first by the app.
        var links = new List<(int Source, int Target, string Type)>();
        var linked = new HashSet<(int, int, string)>();
        while (links.Count < 50_000)
        {
            var source = _random.Next(questionIds.Length);
            var target = Chance(0.8) ? Pick(_random, byChannel[channelOfQuestion[source]]) : _random.Next(questionIds.Length);
            var link = (source, target, Weighted(["related", "similar", "prerequisite", "follow-up"], 50, 20, 15, 15));
            if (target != source && linked.Add(link))
            {
                links.Add(link);
            }
        }

        Table(connection, output, "questionRelationships", ["sourceQuestionId", "targetQuestionId", "relationshipType", "strength", "createdAt"], links.Count,
            i => [questionIds[links[i].Source], questionIds[links[i].Target], links[i].Type, _random.Next(0, 101), UtcIso.Format(RandomTime(365))]);

        Table(connection, output, "certifications",
            ["id", "name", "provider", "description", "icon", "color", "difficulty", "category", "estimatedHours", "examCode", "officialUrl", "domains",
             "channelMappings", "tags", "prerequisites", "status", "questionCount", "passingScore", "examDuration", "createdAt", "lastUpdated"],
            500, i => [
                $"cert-{i + 1:D3}", $"Certified {Pick(_random, Words)} professional {i + 1}", Pick(_random, ["AWS", "Microsoft", "Google", "CNCF", "HashiCorp", "ISC2"]),
                Sentence(15, 40), "verified", "#3366cc", Weighted(Vocabulary.Values<Difficulty>(), 20, 40, 30, 10), Pick(_random, ["cloud", "devops", "security", "data"]),
                _random.Next(20, 120), $"EX-{i:D3}", null,
                Json(new[] { new CertificationDomain("d1", "Design", 40), new CertificationDomain("d2", "Operations", 60) }),
                Json(new[] { new CertificationChannelMapping(Pick(_random, Channels), null, 100) }), Json(new[] { "cloud" }), null,
                Chance(0.9) ? "active" : "archived", _random.Next(50, 400), 70, 90, UtcIso.Format(RandomTime(365)), UtcIso.Format(RandomTime(30))]);

        Table(connection, output, "learningPaths",
            ["id", "title", "description", "pathType", "targetCompany", "targetJobTitle", "difficulty", "estimatedHours", "questionIds", "channels", "tags",
             "prerequisites", "learningObjectives", "milestones", "popularity", "completionRate", "averageRating", "metadata", "status", "createdAt", "lastUpdated", "lastGenerated"],
            1_000, i =>
            {
                var items = Enumerable.Range(0, _random.Next(20, 120)).Select(_ => Pick(_random, questionIds)).ToList();
                var type = Weighted(PathTypes, 45, 40, 10, 5);
                return [
                    $"path-{i + 1:D4}", $"{Pick(_random, Words)} interview prep {i + 1}", Sentence(15, 40), type, type == "company" ? Pick(_random, Companies) : null,
                    type == "job-title" ? "backend-engineer" : null, Weighted(Vocabulary.Values<Difficulty>(), 30, 45, 20, 5), _random.Next(10, 80),
                    Json(items), Json(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Pick(_random, Channels)).Distinct()), Json(new[] { type }), null, Json(new[] { Sentence(5, 10) }),
                    Json(new[] { new Milestone("Foundations", Math.Min(10, items.Count), items.Take(10).ToList()) }),
                    Skewed(10_000, 3), _random.Next(0, 101), _random.Next(1, 6), null, Chance(0.85) ? "active" : "archived",
                    UtcIso.Format(RandomTime(365)), UtcIso.Format(RandomTime(30)), null];
            });

        Table(connection, output, "voiceSessions",
            ["id", "topic", "description", "channel", "difficulty", "questionIds", "totalQuestions", "estimatedMinutes", "createdAt", "lastUpdated"],
            2_000, i =>
            {
                var channel = Pick(_random, Channels);
                var items = Enumerable.Range(0, _random.Next(3, 8)).Select(_ => questionIds[Pick(_random, byChannel[channel])]).ToList();
                return [$"voice-{i + 1:D4}", $"{channel} mock interview {i + 1}", Sentence(10, 25), channel, Weighted(Vocabulary.Values<Difficulty>(), 30, 45, 20, 5),
                    Json(items), items.Count, items.Count * 2, UtcIso.Format(RandomTime(365)), UtcIso.Format(RandomTime(30))];
            });

        // Identity rows written directly: UserManager would spend a password hash per user; they share one.
        var passwordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), "benchmark-password");
        var userIds = Enumerable.Range(0, 1_000).Select(_ => RandomGuid()).ToArray();
        Table(connection, output, "users",
            ["id", "createdAt", "username", "normalizedUserName", "email", "normalizedEmail", "emailConfirmed", "password", "securityStamp",
             "concurrencyStamp", "phoneNumber", "phoneNumberConfirmed", "twoFactorEnabled", "lockoutEnd", "lockoutEnabled", "accessFailedCount"],
            userIds.Length, i => [
                userIds[i], UtcIso.Format(RandomTime(365)), $"learner{i + 1}@example.org", $"LEARNER{i + 1}@EXAMPLE.ORG", $"learner{i + 1}@example.org",
                $"LEARNER{i + 1}@EXAMPLE.ORG", true, passwordHash, RandomGuid().ToUpperInvariant(), RandomGuid(), null, false, false, null, true, 0]);

        // Sessions belong to the accounts above; a few heavy learners own many of them.
        Table(connection, output, "userSessions",
            ["id", "userId", "sessionType", "sessionKey", "title", "subtitle", "channelId", "certificationId", "progress", "totalItems", "completedItems",
             "sessionData", "startedAt", "lastAccessedAt", "completedAt", "status"],
            10_000, _ =>
            {
                var channel = Pick(_random, Channels);
                var items = byChannel[channel].Take(_random.Next(10, 300)).Select(q => questionIds[q]).ToList();
                var position = _random.Next(items.Count);
                var status = Weighted(Vocabulary.Values<SessionStatus>(), 25, 50, 25);
                var started = RandomTime(365);
                var accessed = Later(started);
                var done = status == Vocabulary.ToText(SessionStatus.Completed) ? items.Count : position;
                return [
                    RandomGuid("N"), userIds[Skewed(userIds.Length, 2)], Vocabulary.ToText(SessionType.Channel), $"study/{channel}", channel, null, channel, null,
                    100 * done / items.Count, items.Count, done, Json(SessionData.Start(items) with { Position = position }), UtcIso.Format(started),
                    UtcIso.Format(accessed), done == items.Count ? UtcIso.Format(accessed) : null, status];
            });

        // Queue items are transient: they date from the last month, not the whole year.
        Table(connection, output, "workQueue",
            ["itemType", "itemId", "action", "priority", "status", "reason", "createdBy", "assignedTo", "createdAt", "processedAt", "result"],
            1_000, _ =>
            {
                var status = Weighted(Vocabulary.Values<WorkQueueStatus>(), 30, 5, 55, 10);
                var handled = status != Vocabulary.ToText(WorkQueueStatus.Pending);
                var created = RandomTime(30);
                return [
                    "question", Pick(_random, questionIds), Pick(_random, ["improve", "verify", "add-diagram", "add-eli5", "rescore"]), 1 + Skewed(10, 0.7), status,
                    Sentence(4, 10), Pick(_random, Bots), handled ? Pick(_random, Bots) : null, UtcIso.Format(created), handled ? UtcIso.Format(Later(created)) : null,
                    handled ? Json(new { Ok = status != Vocabulary.ToText(WorkQueueStatus.Failed) }) : null];
            });

        // A few bots do most of the work, in the ledger as in the runs.
        Table(connection, output, "botLedger",
            ["botName", "action", "itemType", "itemId", "beforeState", "afterState", "reason", "createdAt"],
            500_000, _ => [
                Bots[Skewed(Bots.Length, 2)], Weighted(["update", "create", "flag", "verify", "delete"], 50, 15, 15, 15, 5), "question", Pick(_random, questionIds),
                Json(new { Status = "active", Difficulty = "intermediate" }), Json(new { Status = Chance(0.1) ? "flagged" : "active", Difficulty = "advanced" }),
                Chance(0.5) ? Sentence(4, 12) : null, UtcIso.Format(RandomTime(365))]);

        Table(connection, output, "botRuns",
            ["botName", "startedAt", "completedAt", "status", "itemsProcessed", "itemsCreated", "itemsUpdated", "itemsDeleted", "summary"],
            10_000, _ =>
            {
                var status = Weighted(Vocabulary.Values<BotRunStatus>(), 1, 91, 8);
                var started = RandomTime(365);
                var processed = _random.Next(0, 200);
                return [
                    Bots[Skewed(Bots.Length, 2)], UtcIso.Format(started), status == Vocabulary.ToText(BotRunStatus.Running) ? null : UtcIso.Format(started.AddMinutes(_random.Next(1, 30))),
                    status, processed, processed / 10, processed / 2, processed / 50, Json(new { Processed = processed, Errors = _random.Next(0, 3) })];
            });

        var bytes = Scalar(connection, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size();");
        output.WriteLine();
        output.WriteLine($"loaded in {total.Elapsed.TotalSeconds:0.0} s; database file {bytes / 1024.0 / 1024.0:0.0} MB (the FTS index of questions fills through the app's triggers)");
        return new LoadedData(questionIds);
    }

    /// <summary>
    /// Inserts <paramref name="count"/> rows through one prepared statement, in transactions of
    /// <see cref="RowsPerTransaction"/> rows, then prints the row count the table really holds.
    /// </summary>
    private static void Table(SqliteConnection connection, TextWriter output, string table, string[] columns, int count, Func<int, object?[]> row)
    {
        var watch = Stopwatch.StartNew();
        var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            command.Transaction = transaction;
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
            command.Prepare();
            for (var n = 0; n < count; n++)
            {
                var values = row(n);
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
                if ((n + 1) % RowsPerTransaction == 0 && n + 1 < count)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                }
            }
        }

        transaction.Commit();
        transaction.Dispose();
        output.WriteLine($"| {table} | {Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\""):N0} | {watch.Elapsed.TotalSeconds:0.0} |");
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Json<T>(T value) => JsonColumns.Serialize(value);

    private bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>An index below <paramref name="count"/>, low indexes more likely the larger <paramref name="exponent"/> is (1 is uniform).</summary>
    private int Skewed(int count, double exponent) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), exponent)));

    private string Weighted(IReadOnlyList<string> values, params int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private DateTime RandomTime(int withinDays) => Now.AddSeconds(-_random.NextDouble() * withinDays * 86_400);

    private DateTime Later(DateTime after) => after.AddSeconds(_random.NextDouble() * (Now - after).TotalSeconds);

    private string RandomGuid(string format = "D")
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString(format);
    }

    private string Sentence(int minWords, int maxWords)
    {
        var text = new StringBuilder();
        for (var i = _random.Next(minWords, maxWords + 1); i > 0; i--)
        {
            text.Append(Pick(_random, Words)).Append(i > 1 ? ' ' : '.');
        }

        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }
}
