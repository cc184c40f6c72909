using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>The importer on crafted files: validation, conflicts, atomicity.</summary>
public sealed class ImporterTests : IAsyncLifetime
{
    private readonly TempFolder _files = new();
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _files.Dispose();
    }

    private string Folder => _files.Path;

    private string Write(string name, string json) => _files.Write(name, json);

    private static JsonObject Question(string id, string channel = "databases", string text = "What is an index?", string difficulty = "beginner") => new()
    {
        ["id"] = id,
        ["question"] = text,
        ["answer"] = "A lookup structure.",
        ["explanation"] = "## Index\nA B-tree.",
        ["difficulty"] = difficulty,
        ["tags"] = new JsonArray("index"),
        ["channel"] = channel,
        ["subChannel"] = "indexing",
        ["companies"] = new JsonArray("Google"),
        ["voiceSuitable"] = 1,
        ["isNew"] = true,
        ["createdAt"] = "2025-12-26 12:51:05",
        ["lastUpdated"] = "2025-12-29T08:49:28.737Z",
    };

    private static string Array(params JsonObject[] rows) => new JsonArray(rows.Select(r => (JsonNode)r).ToArray()).ToJsonString();

    private ContentImporter Importer(int chunkRows = 500, long maxFileBytes = 1 << 20) =>
        new(_db.Factory, _db.Changes, _db.Clock, Options.Create(new ImportOptions { ChunkRows = chunkRows, MaxFileBytes = maxFileBytes }));

    /// <summary>Runs one statement on another connection just before the next transaction begins.</summary>
    private sealed class ChangeBeforeNextTransaction : DbTransactionInterceptor
    {
        public string? Sql { get; set; }

        public string? ConnectionString { get; set; }

        public InterviewPrep.Data.Providers.DatabaseProvider Provider { get; set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Sql is { } sql && ConnectionString is { } connectionString)
            {
                Sql = null;
                await using System.Data.Common.DbConnection other = Provider == InterviewPrep.Data.Providers.DatabaseProvider.PostgreSQL
                    ? new Npgsql.NpgsqlConnection(connectionString)
                    : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                await other.OpenAsync(cancellationToken);
                await using var command = other.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }

    /// <summary>Counts committed transactions.</summary>
    private sealed class CommitCounter : DbTransactionInterceptor
    {
        public int Count;

        public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
            Interlocked.Increment(ref Count);
    }

    [Fact]
    public async Task Import_NormalizesTimestampsBooleansAndDifficulty()
    {
        var row = Question("q-1", difficulty: "Intermediate");
        var report = await _db.Importer.ImportAsync([Write("databases.json", Array(row))]);

        Assert.Equal(1, report.Created);
        await using var db = _db.CreateContext();
        var q = await db.Questions.SingleAsync();
        Assert.Equal(Difficulty.Intermediate, q.Difficulty);
        Assert.Equal(new DateTime(2025, 12, 26, 12, 51, 5, DateTimeKind.Utc), q.CreatedAt);
        Assert.True(q.VoiceSuitable);
        Assert.True(q.IsNew);
        var history = await db.QuestionHistory.SingleAsync();
        Assert.Equal(("created", "import", "databases.json"), (history.EventType, history.EventSource, history.SourceName));
    }

    [Fact]
    public async Task MultipleChoiceOptions_AreKept_AndTheCorrectOneIsTheAnswerWhenThereIsNone_MalformedOnesLeaveAnOpenQuestion()
    {
        static JsonArray Options(params (string Id, string Text, bool Correct)[] options) =>
            new(options.Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["text"] = o.Text, ["isCorrect"] = o.Correct }).ToArray());
        var choice = Question("q-choice");
        choice.Remove("answer");
        choice["options"] = Options(("a", "A heap", false), ("b", "A B-tree", true), ("c", "A queue", false));
        var noneCorrect = Question("q-none");
        noneCorrect["options"] = Options(("a", "One", false), ("b", "Two", false));
        var sameIds = Question("q-same");
        sameIds["options"] = Options(("a", "One", true), ("a", "Two", false));

        var report = await _db.Importer.ImportAsync([Write("databases.json", Array(choice, noneCorrect, sameIds))]);

        Assert.Equal(3, report.Created);
        Assert.Equal(2, report.Files.Single().Warnings.Count(w => w.Contains("kept as an open question")));
        await using var db = _db.CreateContext();
        var q = await db.Questions.SingleAsync(x => x.Id == "q-choice");
        Assert.Equal("B. A B-tree", q.Answer);
        Assert.Equal([new QuestionOption("a", "A heap", false), new QuestionOption("b", "A B-tree", true), new QuestionOption("c", "A queue", false)], q.Options);
        Assert.Null((await db.Questions.SingleAsync(x => x.Id == "q-none")).Options);
        Assert.Null((await db.Questions.SingleAsync(x => x.Id == "q-same")).Options);
        var history = await db.QuestionHistory.SingleAsync(h => h.QuestionId == "q-choice");
        Assert.Contains("\"isCorrect\":true", history.AfterSnapshot!.ToJsonString());

        // Importing the same row again changes nothing.
        var again = await _db.Importer.ImportAsync([Write("databases.json", Array(choice.DeepClone().AsObject()))]);
        Assert.Equal(1, again.Files.Single().Unchanged);
    }

    [Fact]
    public async Task InvalidRows_AreRejectedWithTheirReasons_AndTheRestImports()
    {
        var noId = Question("x");
        noId.Remove("id");
        var noChannel = Question("q-2");
        noChannel.Remove("channel");
        var noText = Question("q-3");
        noText["question"] = "  ";
        var path = Write("mixed.json", Array(Question("q-1"), noId, noChannel, noText, Question("q-4", difficulty: "legendary")));

        var file = (await _db.Importer.ImportAsync([path])).Files.Single();

        Assert.Equal(1, file.Created);
        Assert.Equal(4, file.Rejected.Count);
        Assert.Contains(file.Rejected, r => r.StartsWith("row 2:") && r.Contains("missing id"));
        Assert.Contains(file.Rejected, r => r.Contains("(id q-2)") && r.Contains("missing channel"));
        Assert.Contains(file.Rejected, r => r.Contains("(id q-3)") && r.Contains("missing question text"));
        Assert.Contains(file.Rejected, r => r.Contains("(id q-4)") && r.Contains("'legendary' is not a valid difficulty"));
    }

    [Fact]
    public async Task UnparsableFile_IsReportedAndSkipped_WhileOtherFilesImport()
    {
        var broken = Write("broken.json", "[{\"id\": \"q-9\", ");
        var scalar = Write("scalar.json", "42");
        var good = Write("good.json", Array(Question("q-1")));

        var report = await _db.Importer.ImportAsync([broken, scalar, good]);

        Assert.Contains("not valid JSON", report.Files.Single(f => f.Source == "broken.json").Error);
        Assert.Contains("holds no JSON array or object", report.Files.Single(f => f.Source == "scalar.json").Error);
        Assert.Equal(1, report.Created);
        Assert.Equal(2, report.FailedFiles);
    }

    [Fact]
    public async Task Import_FileHoldingOneQuestionObject_ImportsItAsOneQuestion()
    {
        var single = Write("generated-question.json", Question("q-8").ToJsonString());

        var report = await _db.Importer.ImportAsync([single]);

        var file = report.Files.Single();
        Assert.Null(file.Error);
        Assert.Equal(1, file.Created);
        await using var db = _db.CreateContext();
        Assert.Equal("q-8", (await db.Questions.SingleAsync()).Id);
    }

    [Fact]
    public async Task Import_QuestionWithoutDifficulty_InfersItFromFileOrChannel_RecordsItInHistory_AndWarns()
    {
        Write("certifications.json", """
            [{"id":"cka","name":"CKA","provider":"CNCF","description":"d","difficulty":"advanced","category":"k8s"}]
            """);
        static JsonObject NoDifficulty(string id, string channel)
        {
            var row = Question(id, channel);
            row.Remove("difficulty");
            return row;
        }

        Write("questions/linux-beginner.json", Array(NoDifficulty("q-file", "linux")));
        Write("questions/cka.json", Array(NoDifficulty("q-cert", "cka")));
        Write("questions/databases.json", Array(NoDifficulty("q-default", "databases"), Question("q-given", difficulty: "expert")));

        var report = await _db.Importer.ImportAsync([Folder]);

        Assert.Equal(0, report.Rejected);
        await using var db = _db.CreateContext();
        var stored = await db.Questions.ToDictionaryAsync(q => q.Id, q => q.Difficulty);
        Assert.Equal(Difficulty.Beginner, stored["q-file"]);
        Assert.Equal(Difficulty.Advanced, stored["q-cert"]);
        Assert.Equal(Difficulty.Intermediate, stored["q-default"]);
        Assert.Equal(Difficulty.Expert, stored["q-given"]);
        var warnings = report.Files.SelectMany(f => f.Warnings).Where(w => w.Contains("no difficulty")).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("(id q-file)") && w.Contains("beginner was inferred") && w.Contains("file name"));
        Assert.Contains(warnings, w => w.Contains("(id q-cert)") && w.Contains("certification cka"));
        Assert.Contains(warnings, w => w.Contains("(id q-default)") && w.Contains("intermediate was inferred") && w.Contains("default"));

        var history = await db.QuestionHistory.ToDictionaryAsync(h => h.QuestionId);
        var inferred = history["q-cert"].Metadata!["inferred"]!.AsArray().Single()!;
        Assert.Equal("difficulty", inferred["field"]!.GetValue<string>());
        Assert.Equal("advanced", inferred["value"]!.GetValue<string>());
        Assert.Contains("certification cka", inferred["from"]!.GetValue<string>());
        Assert.Null(history["q-given"].Metadata);
    }

    [Fact]
    public async Task Reimport_OfARowWithoutDifficulty_KeepsTheStoredDifficulty()
    {
        await _db.Importer.ImportAsync([Write("a.json", Array(Question("q-1", difficulty: "expert")))]);
        var row = Question("q-1");
        row.Remove("difficulty");

        var report = await _db.Importer.ImportAsync([Write("a.json", Array(row))]);

        Assert.Equal(1, report.Unchanged);
        Assert.DoesNotContain(report.Files.Single().Warnings, w => w.Contains("no difficulty"));
        await using var db = _db.CreateContext();
        Assert.Equal(Difficulty.Expert, (await db.Questions.SingleAsync()).Difficulty);
    }

    [Fact]
    public async Task SameIdWithDifferentContentInOneImport_IsAConflict_AndDoesNotOverwrite()
    {
        var first = Write("a.json", Array(Question("q-1", text: "First question")));
        var second = Write("b.json", Array(Question("q-1", channel: "networking", text: "A different question")));
        var same = Write("c.json", Array(Question("q-1", text: "First question")));

        var report = await _db.Importer.ImportAsync([first, second, same]);

        Assert.Equal(1, report.Created);
        var conflict = Assert.Single(report.Files.Single(f => f.Source == "b.json").Rejected);
        Assert.Contains("conflict", conflict);
        Assert.Contains("a.json", conflict);
        Assert.Equal(1, report.Files.Single(f => f.Source == "c.json").Unchanged);
        await using var db = _db.CreateContext();
        Assert.Equal("First question", (await db.Questions.SingleAsync()).Text);
    }

    [Fact]
    public async Task IdOfAnExistingQuestionOfAnotherChannel_IsAConflict()
    {
        await _db.Importer.ImportAsync([Write("a.json", Array(Question("q-1", text: "First question")))]);

        var report = await _db.Importer.ImportAsync([Write("b.json", Array(Question("q-1", channel: "networking", text: "Other")))]);

        Assert.Contains("already belongs to a different question in channel databases", Assert.Single(report.Files.Single().Rejected));
        await using var db = _db.CreateContext();
        Assert.Equal("databases", (await db.Questions.SingleAsync()).Channel);
    }

    [Fact]
    public async Task ChangedContent_IsAnUpdateWithHistory()
    {
        await _db.Importer.ImportAsync([Write("a.json", Array(Question("q-1")))]);
        var changed = Question("q-1");
        changed["answer"] = "A sorted copy of some columns.";

        var report = await _db.Importer.ImportAsync([Write("a.json", Array(changed))]);

        Assert.Equal(1, report.Updated);
        await using var db = _db.CreateContext();
        var last = await db.QuestionHistory.OrderBy(h => h.Id).LastAsync();
        Assert.Equal(["answer"], last.ChangedFields);
    }

    [Fact]
    public async Task Import_SaveFailingPartway_KeepsTheCommittedChunks_ReportsHowFar_AndARerunCompletesIt()
    {
        await _db.RefuseInsertAsync("refuse", "questions", "id", "q-boom");

        var importer = Importer(chunkRows: 2);
        var bad = Write("bad.json", Array(Question("q-1"), Question("q-2"), Question("q-boom"), Question("q-4"), Question("q-5")));
        var good = Write("good.json", Array(Question("q-6")));

        var report = await importer.ImportAsync([bad, good]);

        var failed = report.Files.Single(f => f.Source == "bad.json");
        Assert.Contains("rows 3 to 4 could not be saved", failed.Error);
        Assert.Equal((2, 2, 5), (failed.Created, failed.RowsDone, failed.Rows));
        Assert.Contains("FAILED after row 2 of 5", failed.ToString());
        Assert.Contains("Importing the file again completes it", failed.ToString());
        Assert.Equal(1, report.FailedFiles);
        await using (var read = _db.CreateContext())
        {
            Assert.Equal(["q-1", "q-2", "q-6"], await read.Questions.Select(q => q.Id).OrderBy(id => id).ToListAsync());
            Assert.Equal(["q-1", "q-2", "q-6"], await read.QuestionHistory.Select(h => h.QuestionId).OrderBy(id => id).ToListAsync());
        }

        await _db.DropRefusalAsync("refuse", "questions");

        var rerun = await importer.ImportAsync([bad, good]);

        Assert.Equal(0, rerun.FailedFiles);
        var completed = rerun.Files.Single(f => f.Source == "bad.json");
        Assert.Equal((3, 2), (completed.Created, completed.Unchanged));
        var again = await importer.ImportAsync([bad, good]);
        Assert.Equal((0, 0, 6), (again.Created, again.Updated, again.Unchanged));
        Assert.Contains("Nothing changed: the content is already up to date.", again.ToText());
    }

    [Fact]
    public async Task Import_SavesAFileInChunks_OneTransactionEach()
    {
        var commits = new CommitCounter();
        await using var db = await TestDatabase.CreateAsync(null, commits);
        var importer = new ContentImporter(db.Factory, db.Changes, db.Clock, Options.Create(new ImportOptions { ChunkRows = 2 }));
        var path = Write("five.json", Array([.. Enumerable.Range(1, 5).Select(i => Question($"q-{i}"))]));
        commits.Count = 0;

        var report = await importer.ImportAsync([path]);

        Assert.Equal(5, report.Created);
        Assert.Equal(3, commits.Count);
    }

    [Fact]
    public async Task Import_QuestionChangedBetweenStagingAndWriting_IsComparedAgainUnderTheLock()
    {
        var moderator = new ChangeBeforeNextTransaction();
        await using var db = await TestDatabase.CreateAsync(null, moderator);
        await db.Importer.ImportAsync([Write("a.json", Array(Question("q-1")))]);
        var changed = Question("q-1");
        changed["answer"] = "A sorted copy of some columns.";
        moderator.Sql = $"UPDATE questions SET explanation = 'Edited by a moderator', lastUpdated = '{UtcIso.Format(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc))}' WHERE id = 'q-1'";
        moderator.ConnectionString = db.ConnectionString;
        moderator.Provider = db.Provider;

        var report = await db.Importer.ImportAsync([Write("a.json", Array(changed))]);

        Assert.Equal(1, report.Updated);
        await using var read = db.CreateContext();
        var last = await read.QuestionHistory.OrderBy(h => h.Id).LastAsync();
        Assert.Equal("Edited by a moderator", last.BeforeSnapshot!["explanation"]!.GetValue<string>());
        Assert.Equal(["answer", "explanation"], last.ChangedFields!.Order());
    }

    [Fact]
    public async Task Import_FileOverTheSizeLimit_IsRefusedWithTheReason()
    {
        var path = Write("big.json", Array(Question("q-1"), Question("q-2")));

        var report = await Importer(maxFileBytes: 100).ImportAsync([path]);

        var error = report.Files.Single().Error;
        Assert.Contains("over the import limit", error);
        Assert.Contains("Import:MaxFileBytes", error);
        Assert.Equal(1, report.FailedFiles);
        await using var db = _db.CreateContext();
        Assert.False(await db.Questions.AnyAsync());
    }

    [Fact]
    public async Task Import_FileOfMoreQuestionsThanSqliteAllowsParameters_ImportsThemAll()
    {
        const int count = 34_000;
        var path = System.IO.Path.Combine(Folder, "many.json");
        await using (var writer = File.CreateText(path))
        {
            await writer.WriteAsync('[');
            for (var i = 0; i < count; i++)
            {
                await writer.WriteAsync((i == 0 ? "" : ",") +
                    $$"""{"id":"q-{{i}}","question":"Question {{i}}?","answer":"a","difficulty":"beginner","channel":"bulk","subChannel":"s"}""");
            }

            await writer.WriteAsync(']');
        }

        var report = await _db.Importer.ImportAsync([path]);

        Assert.Equal(0, report.FailedFiles);
        Assert.Equal(count, report.Created);
        await using var db = _db.CreateContext();
        Assert.Equal(count, await db.Questions.CountAsync());
    }

    [Fact]
    public async Task PathsAndSessions_WithUnknownQuestions_AreKeptAsGiven_WithCountedWarnings_AndResolveWhenTheQuestionsArrive()
    {
        var paths = Write("learning-paths.json", """
            [
              {"id":"ok","title":"OK","description":"d","pathType":"skill","difficulty":"Beginner","questionIds":"[\"q-1\",\"q-2\"]",
               "channels":"[\"databases\"]","milestones":"[{\"title\":\"One\",\"questionCount\":2}]","estimatedHours":"12"},
              {"id":"dangling","title":"D","description":"d","pathType":"skill","difficulty":"beginner","questionIds":["q-1","q-404"],"channels":["databases"]}
            ]
            """);
        var sessions = Write("voice-sessions.json", """{"sessions":[{"id":"v","channel":"databases","topic":"T","difficulty":"beginner","questionIds":["q-405"]}]}""");

        var report = await _db.Importer.ImportAsync([paths, sessions]);

        var pathFile = report.Files.Single(f => f.Source == "learning-paths.json");
        Assert.Equal(2, pathFile.Created);
        Assert.Empty(pathFile.Rejected);
        Assert.StartsWith("2 of 2 learning paths reference questions not present yet (4 references to 3 distinct questions)", pathFile.Warnings[0]);
        Assert.Contains(pathFile.Warnings, w => w.Contains("(id dangling)") && w.Contains("q-404"));
        var sessionFile = report.Files.Single(f => f.Source == "voice-sessions.json");
        Assert.Equal(1, sessionFile.Created);
        Assert.StartsWith("1 of 1 voice sessions reference questions not present yet", sessionFile.Warnings[0]);
        await using (var db = _db.CreateContext())
        {
            Assert.Equal(["q-1", "q-404"], (await db.LearningPaths.SingleAsync(p => p.Id == "dangling")).QuestionIds);
            var path = await db.LearningPaths.SingleAsync(p => p.Id == "ok");
            Assert.Equal(["q-1", "q-2"], path.QuestionIds);
            Assert.Equal(12, path.EstimatedHours);
            Assert.Equal(Difficulty.Beginner, path.Difficulty);
            Assert.Equal("One", Assert.Single(path.Milestones!).Title);
            Assert.Equal(["q-405"], (await db.VoiceSessions.SingleAsync()).QuestionIds);
        }

        // The questions arrive later: the paths resolve without being imported again.
        var questions = await _db.Importer.ImportAsync([Write("questions/databases.json", Array(Question("q-1"), Question("q-2")))]);

        Assert.Equal(2, questions.Created);
        await using var read = _db.CreateContext();
        var ok = await read.LearningPaths.SingleAsync(p => p.Id == "ok");
        var known = await read.Questions.Select(q => q.Id).ToListAsync();
        Assert.All(ok.QuestionIds, id => Assert.Contains(id, known));
    }

    [Fact]
    public async Task MissingPath_IsReported()
    {
        var report = await _db.Importer.ImportAsync([Path.Combine(Folder, "nowhere")]);
        Assert.Contains("no such file or folder", report.Files.Single().Error);
        Assert.Equal("imported: 0 created, 0 updated, 0 unchanged, 0 rejected", report.Summary);
    }

    [Fact]
    public async Task Certifications_MapTheirChannelsQuestions_ForTheCertificationQuestionsPattern()
    {
        Write("questions/databases.json", Array(Question("q-1"), Question("q-2")));
        Write("certifications.json", """
            [{"id":"data-cert","name":"Data","provider":"Us","description":"d","difficulty":"intermediate","category":"data",
              "domains":[{"id":"a","name":"A","weight":100}],"channelMappings":[{"channelId":"databases","weight":100}]}]
            """);

        await _db.Importer.ImportAsync([Folder]);

        await using var db = _db.CreateContext();
        var mapped = await db.ChannelMappings.Where(m => m.ChannelId == "data-cert").Select(m => m.QuestionId).OrderBy(x => x).ToListAsync();
        Assert.Equal(["q-1", "q-2"], mapped);
        Assert.Equal(100, (await db.Certifications.SingleAsync()).Domains!.Single().Weight);
    }

    [Fact]
    public void Snapshot_UsesTheExportsFieldNames()
    {
        var snapshot = new QuestionData
        {
            Id = "q", Text = "t", Answer = "a", Channel = "c", SubChannel = "s", Difficulty = Difficulty.Advanced,
            CreatedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        }.ToSnapshot();
        Assert.Equal("t", snapshot["question"]!.GetValue<string>());
        Assert.Equal("advanced", snapshot["difficulty"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05.000Z", snapshot["createdAt"]!.GetValue<string>());
        Assert.Equal(JsonColumns.Serialize(snapshot), snapshot.ToJsonString(JsonColumns.Options));
    }
}

/// <summary>Odd input never stops an import, and re-imports respect what moderators and bots did.</summary>
public sealed class ImporterRobustnessTests : IAsyncLifetime
{
    private readonly TempFolder _files = new();
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _files.Dispose();
    }

    private string Folder => _files.Path;

    private string Write(string name, string json) => _files.Write(name, json);

    private const string Row = """{"id":"q-1","question":"What is an index?","answer":"A lookup structure.","explanation":"e","difficulty":"beginner","channel":"databases","subChannel":"indexing"}""";

    [Fact]
    public async Task RepeatedIdInOneFile_WithDifferentContent_IsAConflict()
    {
        var other = Row.Replace("What is an index?", "Something else");
        var report = await _db.Importer.ImportAsync([Write("a.json", $"[{Row},{other},{Row}]")]);

        var file = report.Files.Single();
        Assert.Equal(1, file.Created);
        Assert.Equal(1, file.Unchanged);
        Assert.Contains("conflict", Assert.Single(file.Rejected));
        await using var db = _db.CreateContext();
        Assert.Equal("What is an index?", (await db.Questions.SingleAsync()).Text);
    }

    [Fact]
    public async Task DuplicateKeysInARow_MakeTheFileMalformed_AndTheRunGoesOn()
    {
        var bad = Write("bad.json", """[{"id":"a","id":"b","question":"q","answer":"a","difficulty":"beginner","channel":"c"}]""");
        var good = Write("good.json", $"[{Row}]");

        var report = await _db.Importer.ImportAsync([bad, good]);

        Assert.Contains("not valid JSON", report.Files.Single(f => f.Source == "bad.json").Error);
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task ValuesThatCannotBeStored_RejectTheRow_NotTheRun()
    {
        var infinite = Row.Replace("\"q-1\"", "\"q-2\"").Replace("}", ""","jobTitleRelevance":{"dba":1e400}}""");
        var odd = Row.Replace("\"q-1\"", "\"q-3\"").Replace("}", ""","tags":[["nested"]],"voiceSuitable":"maybe","relevanceScore":7.6,"videos":42}""");

        var report = await _db.Importer.ImportAsync([Write("odd.json", $"[{Row},{infinite},{odd}]")]);

        var file = report.Files.Single();
        Assert.Null(file.Error);
        Assert.True(file.Created >= 2, file.ToString());
        Assert.Contains(file.Warnings, w => w.Contains("(id q-3)") && w.Contains("voiceSuitable"));
        Assert.Contains(file.Warnings, w => w.Contains("(id q-3)") && w.Contains("relevanceScore 7.6"));
        Assert.Contains(file.Warnings, w => w.Contains("(id q-3)") && w.Contains("videos"));
    }

    [Fact]
    public async Task UnknownFields_AreReportedForEveryKindOfRow()
    {
        Write("questions.json", $"[{Row.Replace("}", ",\"popularity\":3}")}]");
        Write("certifications.json", """[{"id":"c","name":"C","provider":"P","description":"d","difficulty":"beginner","category":"x","vendorNotes":"n"}]""");

        var report = await _db.Importer.ImportAsync([Folder]);

        Assert.Contains(report.Files.Single(f => f.Source == "questions.json").Warnings, w => w.Contains("'popularity'"));
        Assert.Contains(report.Files.Single(f => f.Source == "certifications.json").Warnings, w => w.Contains("'vendorNotes'"));
    }

    [Fact]
    public async Task Reimport_WithoutStatus_DoesNotRestoreADeletedQuestion_NorEraseEnrichedFields()
    {
        await _db.Importer.ImportAsync([Write("a.json", $"[{Row}]")]);
        await using (var db = _db.CreateContext())
        {
            var q = await db.Questions.SingleAsync();
            q.VoiceKeywords = ["index", "b-tree", "lookup", "sorted"];
            q.Tldr = "Faster reads, slower writes.";
            await db.SaveChangesAsync();
        }

        await _db.Changes.SoftDeleteAsync("q-1", new ChangeSource(HistoryEventSources.Admin, "moderator"));

        var report = await _db.Importer.ImportAsync([Write("a.json", $"[{Row.Replace("A lookup structure.", "A sorted lookup structure.")}]")]);

        Assert.Equal(1, report.Updated);
        await using var read = _db.CreateContext();
        var stored = await read.Questions.SingleAsync();
        Assert.Equal(QuestionStatus.Deleted, stored.Status);
        Assert.Equal("A sorted lookup structure.", stored.Answer);
        Assert.Equal(4, stored.VoiceKeywords!.Count);
        Assert.Equal("Faster reads, slower writes.", stored.Tldr);
        Assert.Equal(["answer"], (await read.QuestionHistory.OrderBy(h => h.Id).LastAsync()).ChangedFields);
    }

    [Fact]
    public async Task Reimport_WithAnExplicitStatus_ChangesIt()
    {
        await _db.Importer.ImportAsync([Write("a.json", $"[{Row}]")]);
        await _db.Changes.SoftDeleteAsync("q-1", new ChangeSource(HistoryEventSources.Admin, "moderator"));

        await _db.Importer.ImportAsync([Write("a.json", $"[{Row.Replace("}", ",\"status\":\"active\"}")}]")]);

        await using var read = _db.CreateContext();
        Assert.Equal(QuestionStatus.Active, (await read.Questions.SingleAsync()).Status);
        Assert.Equal(HistoryEventTypes.Restored, (await read.QuestionHistory.OrderBy(h => h.Id).LastAsync()).EventType);
    }
}
