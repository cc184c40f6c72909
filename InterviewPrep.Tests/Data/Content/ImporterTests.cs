using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        var single = Write("single.json", Question("q-8").ToJsonString());
        var good = Write("good.json", Array(Question("q-1")));

        var report = await _db.Importer.ImportAsync([broken, single, good]);

        Assert.Contains("not valid JSON", report.Files.Single(f => f.Source == "broken.json").Error);
        Assert.Contains("single JSON object", report.Files.Single(f => f.Source == "single.json").Error);
        Assert.Equal(1, report.Created);
        Assert.Equal(2, report.FailedFiles);
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
    public async Task FileThatFailsToSave_IsRolledBackWhole_AndOthersImport()
    {
        await using (var db = _db.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON questions WHEN NEW.id = 'q-boom' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        var bad = Write("bad.json", Array(Question("q-1"), Question("q-boom"), Question("q-3")));
        var good = Write("good.json", Array(Question("q-4")));

        var report = await _db.Importer.ImportAsync([bad, good]);

        var failed = report.Files.Single(f => f.Source == "bad.json");
        Assert.Contains("could not be saved", failed.Error);
        Assert.Equal(0, failed.Created);
        await using var read = _db.CreateContext();
        Assert.Equal(["q-4"], await read.Questions.Select(q => q.Id).ToListAsync());
        Assert.Equal(["q-4"], await read.QuestionHistory.Select(h => h.QuestionId).ToListAsync());
    }

    [Fact]
    public async Task PathsAndSessions_KeepUnknownReferencesWithAWarning_AndAreRejectedWhenNoneExist()
    {
        var questions = Write("questions/databases.json", Array(Question("q-1"), Question("q-2")));
        var paths = Write("learning-paths.json", """
            [
              {"id":"ok","title":"OK","description":"d","pathType":"skill","difficulty":"Beginner","questionIds":"[\"q-1\",\"q-2\"]",
               "channels":"[\"databases\"]","milestones":"[{\"title\":\"One\",\"questionCount\":2}]","estimatedHours":"12"},
              {"id":"dangling","title":"D","description":"d","pathType":"skill","difficulty":"beginner","questionIds":["q-1","q-404"],"channels":["databases"]}
            ]
            """);
        var sessions = Write("voice-sessions.json", """{"sessions":[{"id":"v","channel":"databases","topic":"T","difficulty":"beginner","questionIds":["q-405"]}]}""");

        var report = await _db.Importer.ImportAsync([Folder]);

        var pathFile = report.Files.Single(f => f.Source == "learning-paths.json");
        Assert.Equal(2, pathFile.Created);
        Assert.Contains(pathFile.Warnings, w => w.Contains("(id dangling)") && w.Contains("q-404"));
        Assert.Contains("q-405", Assert.Single(report.Files.Single(f => f.Source == "voice-sessions.json").Rejected));
        await using var db = _db.CreateContext();
        Assert.Equal(["q-1", "q-404"], (await db.LearningPaths.SingleAsync(p => p.Id == "dangling")).QuestionIds);
        var path = await db.LearningPaths.SingleAsync(p => p.Id == "ok");
        Assert.Equal(["q-1", "q-2"], path.QuestionIds);
        Assert.Equal(12, path.EstimatedHours);
        Assert.Equal(Difficulty.Beginner, path.Difficulty);
        Assert.Equal("One", Assert.Single(path.Milestones!).Title);
        _ = questions;
        _ = paths;
        _ = sessions;
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
