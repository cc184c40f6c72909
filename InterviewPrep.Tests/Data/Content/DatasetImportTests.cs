using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>The importer on the original system's real exports (../shared/datasets).</summary>
public sealed class DatasetImportTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task OpenInterviewExport_ImportsEveryValidQuestion_ReportsEveryMalformedFile_AndIsIdempotent()
    {
        var folder = SharedFolder.OpenInterview;
        var expectedIds = new HashSet<string>();
        foreach (var file in Directory.GetFiles(SharedFolder.QuestionsFolder, "*.json"))
        {
            var root = JsonNode.Parse(File.ReadAllText(file));
            foreach (var row in root is JsonArray rows ? rows.OfType<JsonObject>() : [root!.AsObject()])
            {
                if (row["id"]?.GetValue<string>() is { } id)
                {
                    expectedIds.Add(id);
                }
            }
        }

        var report = await _db.Importer.ImportAsync([folder]);

        // A file holding one object is one row; these hold a question without id or channel, rejected by name.
        Assert.Equal(0, report.FailedFiles);
        foreach (var name in new[] { "generated-question", "cissp-advanced", "cgoa-new-question", "unix-zombie" })
        {
            var file = report.Files.Single(f => f.Source.Contains(name));
            Assert.Null(file.Error);
            var rejected = Assert.Single(file.Rejected);
            Assert.Contains("missing id", rejected);
            Assert.Contains("missing channel", rejected);
            Assert.DoesNotContain("difficulty", rejected);
        }

        // Multiple-choice certification questions land in their certification's channel.
        Assert.Equal(3, report.Files.Single(f => f.Source.Contains("otca-mcq")).Created);
        Assert.Equal(24, report.Files.Count(f => f.Source.StartsWith("questions/") && f.Created >= 300));
        Assert.Equal(53, report.Files.Single(f => f.Source == "certifications.json").Created);
        Assert.Equal(14, report.Files.Single(f => f.Source == "voice-sessions.json").Created);
        // Paths keep references to questions of channels not in this export, as given, with warnings.
        var paths = report.Files.Single(f => f.Source == "learning-paths.json");
        Assert.Equal(107, paths.Created);
        Assert.Empty(paths.Rejected);
        Assert.Matches(@"^\d+ of 107 learning paths reference questions not present yet", paths.Warnings[0]);
        Assert.Contains(paths.Warnings, w => w.Contains("they resolve when those questions are imported"));

        await using (var db = _db.CreateContext())
        {
            Assert.Equal(expectedIds.Count, await db.Questions.CountAsync());
            Assert.Equal(expectedIds.Count, await db.QuestionHistory.CountAsync(h => h.EventSource == "import"));
            // Each question is mapped to its own channel; certifications with no questions of their own draw on matching channels.
            Assert.Equal(expectedIds.Count, await db.ChannelMappings.CountAsync(m => m.ChannelId == m.Question!.Channel));
            var certifications = await db.Certifications.Select(c => c.Id).ToListAsync();
            var withQuestions = await db.ChannelMappings.Where(m => certifications.Contains(m.ChannelId)).Select(m => m.ChannelId).Distinct().ToListAsync();
            Assert.Equal(53, certifications.Count);
            Assert.Empty(certifications.Except(withQuestions));
            Assert.Contains(report.Notes, n => n.StartsWith("kcna: no questions of its own;", StringComparison.Ordinal) && n.Contains("kubernetes"));
            var kcna = await db.ChannelMappings.Where(m => m.ChannelId == "kcna").Select(m => m.Question!.Channel).Distinct().ToListAsync();
            Assert.Equal(["kubernetes"], kcna);
        }

        // On the real data every access pattern still uses its indexes.
        var design = DesignDocument.Load();
        if (_db.Provider == InterviewPrep.Data.Providers.DatabaseProvider.PostgreSQL)
        {
            foreach (var sql in design.AccessPatterns)
            {
                await PostgreSqlPlans.AssertUsesIndexesAsync(_db.ConnectionString, sql);
            }
        }
        else
        {
            using var connection = _db.OpenConnection();
            foreach (var sql in design.AccessPatterns)
            {
                QueryPlans.AssertUsesIndexes(connection, sql);
            }

            var certification = design.AccessPatterns.Single(p => p.Contains("channelMappings", StringComparison.Ordinal));
            Assert.StartsWith("SEARCH cm USING", QueryPlans.Plan(connection, certification)[0]);
        }

        var again = await _db.Importer.ImportAsync([folder]);
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Updated);
        Assert.False(again.ChangedAnything);
        Assert.Contains("Nothing changed", again.ToText());

        // The certification paths name questions of the original collection only; built again from this one, every path has questions.
        var generator = new InterviewPrep.Web.Features.LearningPaths.PathGenerator(_db.Factory, _db.Clock);
        var rebuilt = await generator.RebuildEmptyAsync(new ChangeSource("system", "test"));
        Assert.Equal(48, rebuilt.Count);
        Assert.All(rebuilt, r => Assert.Equal(InterviewPrep.Web.Features.LearningPaths.PathGeneration.Replaced, r.Outcome));
        Assert.All(rebuilt, r => Assert.StartsWith("certification-", r.PathId));
        var cards = await new InterviewPrep.Web.Features.LearningPaths.PathCatalog(_db.Factory).GetAsync();
        Assert.Equal(107, cards.Count);
        Assert.All(cards, c => Assert.True(c.Questions > 0, $"{c.Id} has no questions"));
        Assert.Empty(await generator.RebuildEmptyAsync(new ChangeSource("system", "test")));
    }

    [Fact]
    public async Task OpenInterviewQuestion_KeepsEveryField()
    {
        var file = Path.Combine(SharedFolder.QuestionsFolder, "aws.json");
        var rows = JsonNode.Parse(File.ReadAllText(file))!.AsArray().OfType<JsonObject>().ToList();
        var sample = rows.First(r => r["videos"] is JsonObject && r["diagram"] is not null && r["eli5"] is not null);

        await _db.Importer.ImportAsync([file]);

        await using var db = _db.CreateContext();
        var id = sample["id"]!.GetValue<string>();
        var stored = QuestionData.FromEntity(await db.Questions.SingleAsync(q => q.Id == id)).ToSnapshot();
        foreach (var field in new[] { "question", "answer", "explanation", "diagram", "tags", "channel", "subChannel", "sourceUrl", "videos", "companies", "eli5", "voiceKeywords" })
        {
            Assert.True(JsonNode.DeepEquals(sample[field], stored[field]), $"{field}: {sample[field]?.ToJsonString()} != {stored[field]?.ToJsonString()}");
        }

        Assert.Equal(sample["difficulty"]!.GetValue<string>(), stored["difficulty"]!.GetValue<string>());
        Assert.Equal(sample["voiceSuitable"]!.GetValue<int>() == 1, stored["voiceSuitable"]!.GetValue<bool>());
        Assert.Equal(UtcIso.TryParse(sample["lastUpdated"]!.GetValue<string>()), UtcIso.Parse(stored["lastUpdated"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TursoDatabase_ImportsQuestionsMappingsCertificationsAndSessions()
    {
        var report = await _db.Importer.ImportAsync([SharedFolder.TursoDatabase]);

        Assert.Equal(990, report.Files.Single(f => f.Source.EndsWith(": questions")).Created);
        Assert.Equal(53, report.Files.Single(f => f.Source.EndsWith(": certifications")).Created);
        // Every path and session arrives, with references to questions not in this export kept as given.
        var paths = report.Files.Single(f => f.Source.EndsWith(": learning_paths"));
        Assert.Equal((107, 0), (paths.Created, paths.Rejected.Count));
        Assert.StartsWith("106 of 107 learning paths reference questions not present yet", paths.Warnings[0]);
        var sessions = report.Files.Single(f => f.Source.EndsWith(": voice_sessions"));
        Assert.Equal((14, 0), (sessions.Created, sessions.Rejected.Count));
        Assert.StartsWith("9 of 14 voice sessions reference questions not present yet", sessions.Warnings[0]);
        Assert.Equal(0, report.FailedFiles);
        await using var db = _db.CreateContext();
        Assert.Equal(990, await db.ChannelMappings.CountAsync(m => m.ChannelId == m.Question!.Channel));
        var q = await db.Questions.FirstAsync(x => x.Id == "q-25078");
        Assert.Equal("system-design", q.Channel);
        Assert.Contains("load-balancing", q.Tags!);
        Assert.Equal(10, q.VoiceKeywords!.Count);
        Assert.Equal(107, await db.LearningPaths.CountAsync());
        Assert.Equal(14, await db.VoiceSessions.CountAsync());
        var cert = await db.Certifications.SingleAsync(c => c.Id == "aws-ai-practitioner");
        Assert.Equal(100, cert.Domains!.Sum(d => d.Weight));
        Assert.Equal(25, cert.EstimatedHours);

        var again = await _db.Importer.ImportAsync([SharedFolder.TursoDatabase]);
        Assert.False(again.ChangedAnything);
    }

    [Fact]
    public async Task NotATursoDatabase_IsReported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-db-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, "this is not sqlite");
        try
        {
            var report = await _db.Importer.ImportAsync([path]);
            Assert.Contains("cannot be read as a SQLite database", report.Files.Single().Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
