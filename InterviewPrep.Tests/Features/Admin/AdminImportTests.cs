using System.IO.Compression;
using System.Text;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Export;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Exports uploaded from the admin page: a zip, a JSON file, and what is refused before anything is imported.</summary>
public sealed class AdminImportTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private AdminImport Import(long maxUpload = 10 * 1024 * 1024, long maxUnpacked = 100 * 1024 * 1024) => new(
        _db.Importer, Options.Create(new ImportOptions { MaxUploadBytes = maxUpload, MaxUnpackedBytes = maxUnpacked }), NullLogger<AdminImport>.Instance);

    private static Task<ImportReport> UploadAsync(AdminImport import, string name, byte[] bytes, List<UploadProgress>? seen = null) =>
        import.ImportAsync(name, bytes.Length, _ => new MemoryStream(bytes), "ada@example.test",
            seen is null ? null : new SynchronousProgress<UploadProgress>(seen.Add));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static string Questions(params string[] ids) => "[" + string.Join(",", ids.Select(id =>
        $$"""{"id":"{{id}}","question":"What is {{id}}?","answer":"An answer.","explanation":"Why.","difficulty":"beginner","channel":"testing","subChannel":"unit"}""")) + "]";

    [Fact]
    public async Task TheAppsOwnExportZip_ImportsIntoAnEmptyDatabase_WithProgress()
    {
        await using var source = await TestDatabase.CreateAsync();
        await source.Initializer(seed: true).InitializeAsync();
        using var zip = new MemoryStream();
        await new ContentExporter(source.Factory).ExportToZipAsync(zip);
        var seen = new List<UploadProgress>();

        var report = await UploadAsync(Import(), "interviewprep-export.zip", zip.ToArray(), seen);

        Assert.Equal(0, report.FailedFiles);
        Assert.Equal(0, report.Rejected);
        await using var a = source.CreateContext();
        await using var b = _db.CreateContext();
        Assert.Equal(await a.Questions.CountAsync(), await b.Questions.CountAsync());
        Assert.Equal(await a.QuestionRelationships.CountAsync(), await b.QuestionRelationships.CountAsync());
        Assert.Contains(seen, p => p.Stage == "Uploading");
        Assert.Contains(seen, p => p.Stage == "Importing" && p.Fraction == 1);
        // The report names files as they are in the zip, not where the upload was unpacked.
        Assert.All(report.Files, f => Assert.DoesNotContain(Path.GetTempPath(), f.Source));
    }

    [Fact]
    public async Task AJsonFile_IsImported_AndHistorySaysWhoUploadedIt()
    {
        var report = await UploadAsync(Import(), "testing.json", Encoding.UTF8.GetBytes(Questions("up-1", "up-2")));

        Assert.Equal(2, report.Created);
        await using var db = _db.CreateContext();
        var history = await db.QuestionHistory.FirstAsync(h => h.QuestionId == "up-1");
        Assert.Equal((HistoryEventSources.Import, "testing.json", "uploaded by ada@example.test"), (history.EventSource, history.SourceName, history.Reason));
    }

    [Fact]
    public async Task AZipWithAPathOutsideTheExport_IsRefused_AndNothingIsImported()
    {
        var bytes = Zip(("questions/testing.json", Questions("zip-1")), ("../../evil.json", Questions("zip-2")));

        var refused = await Assert.ThrowsAsync<UploadRefusedException>(() => UploadAsync(Import(), "export.zip", bytes));

        Assert.Contains("points outside the export", refused.Message);
        await using var db = _db.CreateContext();
        Assert.False(await db.Questions.AnyAsync());
    }

    [Fact]
    public async Task AZipThatUnpacksTooLarge_IsRefused()
    {
        var bytes = Zip(("questions/testing.json", Questions("big-1") + new string(' ', 200_000)));

        var refused = await Assert.ThrowsAsync<UploadRefusedException>(() => UploadAsync(Import(maxUnpacked: 100_000), "export.zip", bytes));

        Assert.Contains("unpacks to more than", refused.Message);
    }

    [Theory]
    [InlineData("notes.txt", "is not an export")]
    [InlineData("big.json", "the limit is")]
    [InlineData("broken.zip", "not a readable zip")]
    public async Task WhatCannotBeAnExport_IsRefusedWithTheReason(string name, string reason)
    {
        var bytes = name == "big.json" ? new byte[2048] : Encoding.UTF8.GetBytes("not a zip at all");

        var refused = await Assert.ThrowsAsync<UploadRefusedException>(() => UploadAsync(Import(maxUpload: 1024), name, bytes));

        Assert.Contains(reason, refused.Message);
    }
}
