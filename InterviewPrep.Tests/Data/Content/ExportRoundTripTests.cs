using System.IO.Compression;
using System.Text.Json;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Export;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>Export then import into an empty database gives the same content.</summary>
public sealed class ExportRoundTripTests
{
    [Fact]
    public async Task StarterContent_ExportedAndImportedIntoAnEmptyDatabase_IsTheSame()
    {
        await using var source = await TestDatabase.CreateAsync();
        await source.Initializer(seed: true).InitializeAsync();
        // Content the starter files do not have: other statuses, a certification mapping, every list.
        await source.Changes.BulkAsync(["ip-db-001"], q => q with { Status = QuestionStatus.Archived }, new ChangeSource(HistoryEventSources.Admin, "ada"));
        await source.Changes.BulkAsync(["ip-db-002"], q => q with
        {
            Status = QuestionStatus.Flagged, VoiceKeywords = ["index"], VoiceSuitable = true, JobTitleRelevance = new() { ["DBA"] = 90 },
            Videos = new QuestionVideos("https://videos.example/a", null),
        }, new ChangeSource(HistoryEventSources.Admin, "ada"));
        using var folder = new TempFolder();

        var report = await new ContentExporter(source.Factory).ExportToFolderAsync(folder.Path);

        await using var target = await TestDatabase.CreateAsync();
        var imported = await target.Importer.ImportAsync([folder.Path]);
        Assert.Equal(0, imported.FailedFiles);
        Assert.Equal(await Snapshot(source), await Snapshot(target));
        Assert.True(report.Questions > 0 && report.Relationships > 0 && report.Certifications > 0, $"{report}");
        // The starter networking questions belong to two certifications, both made by certifications.json's rules.
        Assert.All(report.Warnings, w => Assert.StartsWith("ip-nw-", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheZip_HoldsTheSameFiles()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Initializer(seed: true).InitializeAsync();
        using var buffer = new MemoryStream();

        await new ContentExporter(db.Factory).ExportToZipAsync(buffer);

        buffer.Position = 0;
        using var zip = new ZipArchive(buffer);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("questions/databases.json", names);
        Assert.Contains("channels.json", names);
        Assert.Contains("relationships.json", names);
        Assert.Contains("certifications.json", names);
        Assert.Contains("learning-paths.json", names);
        Assert.Contains("voice-sessions.json", names);
    }

    /// <summary>Everything an export carries, in a comparable form (timestamps included, database ids not).</summary>
    private static async Task<string> Snapshot(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var questions = (await context.Questions.AsNoTracking().OrderBy(q => q.Id).ToListAsync())
            .Select(q => QuestionData.FromEntity(q).ToSnapshot().ToJsonString()).ToList();
        var mappings = await context.ChannelMappings.AsNoTracking().OrderBy(m => m.QuestionId).ThenBy(m => m.ChannelId)
            .Select(m => $"{m.QuestionId} {m.ChannelId} {m.SubChannel}").ToListAsync();
        var channels = await context.Channels.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var certifications = await context.Certifications.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var paths = await context.LearningPaths.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var sessions = await context.VoiceSessions.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        var relationships = await context.QuestionRelationships.AsNoTracking().OrderBy(r => r.SourceQuestionId).ThenBy(r => r.TargetQuestionId)
            .Select(r => new { r.SourceQuestionId, r.TargetQuestionId, r.RelationshipType, r.Strength, r.CreatedAt }).ToListAsync();
        return JsonSerializer.Serialize(new { questions, mappings, channels, certifications, paths, sessions, relationships },
            InterviewPrep.Data.Configurations.JsonColumns.Options);
    }
}
