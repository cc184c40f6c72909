using System.Text.Json.Nodes;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data;

/// <summary>JSON columns: typed in C#, stored as valid JSON TEXT, exact on the way back, edits in place saved.</summary>
public sealed class JsonColumnTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static Question NewQuestion(string id) => new()
    {
        Id = id,
        Text = "What is a B-tree?",
        Answer = "A balanced search tree.",
        Explanation = "## Why\nBecause disks.",
        Channel = "databases",
        SubChannel = "indexing",
        Difficulty = Difficulty.Intermediate,
        Tags = ["b-tree", "index", "ünïcode"],
        Companies = ["Google"],
        Videos = new QuestionVideos("https://www.youtube.com/watch?v=aaaaaaaaaaa", null),
        RelevanceDetails = JsonNode.Parse("""{"reasons":["asked often"],"score":{"raw":0.91}}"""),
        JobTitleRelevance = new() { ["backend engineer"] = 92, ["dba"] = 97.5 },
        ExperienceLevelTags = ["mid", "senior"],
        VoiceKeywords = ["balanced", "node", "page", "fan-out"],
        VoiceSuitable = true,
        CreatedAt = new DateTime(2026, 1, 25, 10, 30, 0, 123, DateTimeKind.Utc),
        LastUpdated = new DateTime(2026, 1, 26, 8, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task QuestionJsonFields_RoundTripExactly()
    {
        await using (var write = _db.CreateContext())
        {
            write.Questions.Add(NewQuestion("q-1"));
            await write.SaveChangesAsync();
        }

        await using var read = _db.CreateContext();
        var q = await read.Questions.SingleAsync(x => x.Id == "q-1");
        var expected = NewQuestion("q-1");
        Assert.Equal(expected.Tags, q.Tags);
        Assert.Equal(expected.Companies, q.Companies);
        Assert.Equal(expected.Videos, q.Videos);
        Assert.True(JsonNode.DeepEquals(expected.RelevanceDetails, q.RelevanceDetails));
        Assert.Equal(expected.JobTitleRelevance, q.JobTitleRelevance);
        Assert.Equal(expected.ExperienceLevelTags, q.ExperienceLevelTags);
        Assert.Equal(expected.VoiceKeywords, q.VoiceKeywords);
        Assert.Equal(expected.CreatedAt, q.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, q.CreatedAt.Kind);
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // SQLite's storage classes; PostgreSqlTests checks PostgreSQL's column types.
    public async Task StoredValues_AreJsonTextIsoTimestampsAndIntegerBooleans()
    {
        await using (var write = _db.CreateContext())
        {
            write.Questions.Add(NewQuestion("q-1"));
            await write.SaveChangesAsync();
        }

        using var connection = _db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tags, videos, jobTitleRelevance, createdAt, voiceSuitable, difficulty, status, typeof(voiceSuitable) FROM questions";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("""["b-tree","index","ünïcode"]""", System.Text.RegularExpressions.Regex.Unescape(reader.GetString(0)));
        Assert.Equal("""{"shortVideo":"https://www.youtube.com/watch?v=aaaaaaaaaaa","longVideo":null}""", reader.GetString(1));
        Assert.Equal("""{"backend engineer":92,"dba":97.5}""", reader.GetString(2));
        Assert.Equal("2026-01-25T10:30:00.123Z", reader.GetString(3));
        Assert.Equal(1L, reader.GetInt64(4));
        Assert.Equal("intermediate", reader.GetString(5));
        Assert.Equal("active", reader.GetString(6));
        Assert.Equal("integer", reader.GetString(7));
    }

    [Fact]
    public async Task InPlaceEdits_OfJsonFields_ArePersisted()
    {
        await using (var write = _db.CreateContext())
        {
            write.Questions.Add(NewQuestion("q-1"));
            write.Certifications.Add(new Certification
            {
                Id = "cert", Name = "Cert", Provider = "Us", Description = "d", Category = "cloud",
                Domains = [new("a", "A", 60), new("b", "B", 40)],
                ChannelMappings = [new("databases", null, 100)],
            });
            await write.SaveChangesAsync();
        }

        await using (var edit = _db.CreateContext())
        {
            var q = await edit.Questions.SingleAsync();
            q.Tags!.Add("storage");
            q.JobTitleRelevance!["dba"] = 99;
            ((JsonObject)q.RelevanceDetails!)["score"]!["raw"] = 0.5;
            var cert = await edit.Certifications.SingleAsync();
            cert.Domains![1] = cert.Domains[1] with { Weight = 45 };
            cert.Domains[0] = cert.Domains[0] with { Weight = 55 };
            Assert.True(await edit.SaveChangesAsync() > 0);
        }

        await using var read = _db.CreateContext();
        var saved = await read.Questions.SingleAsync();
        Assert.Contains("storage", saved.Tags!);
        Assert.Equal(99, saved.JobTitleRelevance!["dba"]);
        Assert.Equal(0.5, saved.RelevanceDetails!["score"]!["raw"]!.GetValue<double>());
        Assert.Equal([55, 45], (await read.Certifications.SingleAsync()).Domains!.Select(d => d.Weight));
    }

    [Fact]
    public async Task FilteredFields_AreQueryableInSql()
    {
        await using (var write = _db.CreateContext())
        {
            write.Questions.Add(NewQuestion("q-1"));
            var other = NewQuestion("q-2");
            other.Tags = ["heap"];
            other.Companies = ["Stripe"];
            write.Questions.Add(other);
            write.LearningPaths.Add(new LearningPath
            {
                Id = "p", Title = "P", Description = "d", PathType = "skill", QuestionIds = ["q-2"], Channels = ["databases"],
            });
            await write.SaveChangesAsync();
        }

        await using var read = _db.CreateContext();
        var byTag = read.Questions.Where(q => q.Tags!.Contains("b-tree"));
        Assert.Contains(TestProvider.IsPostgreSql ? "= ANY (q.tags)" : "json_each", byTag.ToQueryString());
        Assert.Equal(["q-1"], await byTag.Select(q => q.Id).ToListAsync());
        Assert.Equal(["q-2"], await read.Questions.Where(q => q.Companies!.Contains("Stripe")).Select(q => q.Id).ToListAsync());
        Assert.Equal(["p"], await read.LearningPaths.Where(p => p.QuestionIds.Contains("q-2")).Select(p => p.Id).ToListAsync());
    }

    [Theory]
    [InlineData("questions", "tags")]
    [InlineData("questions", "videos")]
    [InlineData("questions", "jobTitleRelevance")]
    public async Task Database_RejectsInvalidJson(string table, string column)
    {
        // SQLite refuses it by a CHECK (json_valid), PostgreSQL by the column's type (jsonb, text[]).
        await using var db = _db.CreateContext();
#pragma warning disable EF1002 // The table and column are the test's own constants.
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO {table} (id, question, answer, explanation, difficulty, channel, subChannel, voiceSuitable, status, isNew, lastUpdated, createdAt, {column})
            VALUES ('bad', 'q', 'a', 'e', 'beginner', 'c', 's', false, 'active', false, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '["unterminated')
            """));
#pragma warning restore EF1002
        Assert.True(
            TestProvider.IsCheckViolation(error.Message)
            || error.Message.Contains("invalid input syntax for type json", StringComparison.Ordinal)
            || error.Message.Contains("malformed array literal", StringComparison.Ordinal),
            error.Message);
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // the json_valid CHECKs of SQLite's text columns; PostgreSQL's jsonb is checked in PostgreSqlTests.
    public void Database_RejectsInvalidJson_InEveryJsonColumnOfEveryTable()
    {
        using var context = _db.CreateContext();
        var jsonColumns = context.Model.GetEntityTypes()
            .Where(e => !e.IsOwned())
            .SelectMany(e => e.GetProperties().Select(p => (Table: e.GetTableName(), Column: p.GetColumnName(), Property: p)))
            .Where(x => x.Table is not null && InterviewPrep.Data.Configurations.JsonColumns.IsJsonColumn(x.Property))
            .ToList();
        string[] expected =
        [
            "questions.tags", "questions.companies", "questions.videos", "questions.options", "questions.relevanceDetails",
            "questions.jobTitleRelevance", "questions.experienceLevelTags", "questions.voiceKeywords",
            "certifications.domains", "certifications.channelMappings", "certifications.tags", "certifications.prerequisites",
            "learningPaths.questionIds", "learningPaths.channels", "learningPaths.tags", "learningPaths.prerequisites",
            "learningPaths.learningObjectives", "learningPaths.milestones", "learningPaths.metadata",
            "voiceSessions.questionIds", "workQueue.result", "botLedger.beforeState", "botLedger.afterState", "botRuns.summary",
            "questionHistory.changedFields", "questionHistory.beforeSnapshot", "questionHistory.afterSnapshot",
            "questionHistory.metadata", "userSessions.sessionData", "voiceSynonyms.phrases",
            "botProposals.before", "botProposals.after", "botProposals.context",
        ];
        Assert.Equal(expected.Order(), jsonColumns.Select(c => $"{c.Table}.{c.Column}").Order());
        using var connection = _db.OpenConnection();
        foreach (var (table, column, _) in jsonColumns)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            var ddl = (string)command.ExecuteScalar()!;
            Assert.Contains($"json_valid(\"{column}\")", ddl);
        }
    }

    [Fact]
    public async Task Database_RejectsUnknownEnumerationValues()
    {
        await using var db = _db.CreateContext();
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO questions (id, question, answer, explanation, difficulty, channel, subChannel, voiceSuitable, status, isNew, lastUpdated, createdAt)
            VALUES ('bad', 'q', 'a', 'e', 'impossible', 'c', 's', false, 'active', false, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
            """));
        Assert.True(TestProvider.IsCheckViolation(error.Message), error.Message);
    }

    [Fact]
    public void Vocabulary_ParsesCaseInsensitively_AndExplainsBadValues()
    {
        Assert.Equal(Difficulty.Intermediate, Vocabulary.Parse<Difficulty>(" Intermediate "));
        Assert.Equal("expert", Vocabulary.ToText(Difficulty.Expert));
        Assert.Equal(["pending", "processing", "completed", "failed", "retrying", "cancelled"], Vocabulary.Values<WorkQueueStatus>());
        Assert.Equal(["active", "completed", "abandoned"], Vocabulary.Values<SessionStatus>());
        var error = Assert.Throws<FormatException>(() => Vocabulary.Parse<QuestionStatus>("gone"));
        Assert.Contains("active, flagged, archived, deleted", error.Message);
    }
}
