using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InterviewPrep.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Export;

/// <summary>What an export wrote.</summary>
public sealed record ExportReport(int Questions, int Channels, int Certifications, int LearningPaths, int VoiceSessions, int Relationships, IReadOnlyList<string> Warnings);

/// <summary>
/// The whole content in the original system's export layout, the one the importer reads:
/// <c>questions/{channel}.json</c>, <c>channels.json</c>, <c>certifications.json</c>,
/// <c>learning-paths.json</c>, <c>voice-sessions.json</c> and <c>relationships.json</c>. Every
/// status is exported (a deleted question stays deleted after an import). A question's mapping to
/// a certification other than its channel travels as its <c>certificationId</c> and <c>domain</c>.
/// </summary>
public sealed class ContentExporter(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly JsonSerializerOptions Options = new(JsonColumns.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the export into <paramref name="folder"/> (created when missing; files of the same names are replaced).</summary>
    public Task<ExportReport> ExportToFolderAsync(string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.Combine(folder, "questions"));
        return ExportAsync(async (name, json) => await File.WriteAllTextAsync(Path.Combine(folder, name), json, ct), ct);
    }

    /// <summary>Writes the export as a zip archive of the same layout.</summary>
    public async Task<ExportReport> ExportToZipAsync(Stream output, CancellationToken ct = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        return await ExportAsync(async (name, json) =>
        {
            await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            await using var writer = new StreamWriter(entry);
            await writer.WriteAsync(json);
        }, ct);
    }

    private async Task<ExportReport> ExportAsync(Func<string, string, Task> write, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var warnings = new List<string>();
        var questions = await db.Questions.AsNoTracking().Include(q => q.ChannelMappings).OrderBy(q => q.Id).ToListAsync(ct);
        foreach (var channel in questions.GroupBy(q => q.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = new JsonArray();
            foreach (var q in channel)
            {
                var row = QuestionData.FromEntity(q).ToSnapshot();
                var extra = q.ChannelMappings.Where(m => m.ChannelId != q.Channel).ToList();
                if (extra.Count > 0)
                {
                    row["certificationId"] = extra[0].ChannelId;
                    row["domain"] = extra[0].SubChannel;
                }

                if (extra.Count > 1)
                {
                    warnings.Add($"{q.Id}: mapped to {extra.Count} certifications; the question carries one ({extra[0].ChannelId}), " +
                        "the others come back on import only where certifications.json's channel mappings produce them");
                }

                rows.Add(row);
            }

            await write($"questions/{channel.Key}.json", rows.ToJsonString(Options));
        }

        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        await write("channels.json", JsonSerializer.Serialize(channels, Options));
        var certifications = await db.Certifications.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        await write("certifications.json", JsonSerializer.Serialize(certifications, Options));
        // Learners' own paths are theirs, not content: they are in their personal-data download.
        var paths = await db.LearningPaths.AsNoTracking().Where(p => p.OwnerId == null).OrderBy(p => p.Id).ToListAsync(ct);
        await write("learning-paths.json", JsonSerializer.Serialize(paths, Options));
        var sessions = await db.VoiceSessions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        await write("voice-sessions.json", JsonSerializer.Serialize(sessions, Options));
        var relationships = await db.QuestionRelationships.AsNoTracking()
            .OrderBy(r => r.SourceQuestionId).ThenBy(r => r.TargetQuestionId).ThenBy(r => r.RelationshipType)
            .Select(r => new { r.SourceQuestionId, r.TargetQuestionId, r.RelationshipType, r.Strength, r.CreatedAt })
            .ToListAsync(ct);
        await write("relationships.json", JsonSerializer.Serialize(relationships, Options));
        return new ExportReport(questions.Count, channels.Count, certifications.Count, paths.Count, sessions.Count, relationships.Count, warnings);
    }
}
