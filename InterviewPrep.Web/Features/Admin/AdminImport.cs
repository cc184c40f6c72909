using System.IO.Compression;
using InterviewPrep.Data.Content.Import;
using InterviewPrep.Web.Features.Operations;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>Why an upload was not imported at all.</summary>
public sealed class UploadRefusedException(string message) : Exception(message);

/// <summary>Where an upload is: receiving bytes, or importing one file of several.</summary>
public sealed record UploadProgress(string Stage, double Fraction, string Detail);

/// <summary>
/// Imports an export uploaded from the admin page: one JSON file, a zip of an export folder, or a
/// database in the original schema. The upload is written to a folder of its own (a zip is
/// unpacked there, refusing paths outside it and zip bombs), imported with the importer every
/// import uses, and deleted. One upload is imported at a time.
/// </summary>
public sealed class AdminImport(ContentImporter importer, IOptions<ImportOptions> options, ILogger<AdminImport> logger)
{
    private static readonly string[] Accepted = [".json", ".zip", ".db", ".sqlite", ".sqlite3"];
    private const int MaxZipEntries = 10_000;
    private readonly SemaphoreSlim _one = new(1, 1);

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public static string AcceptedExtensions => string.Join(",", Accepted);

    public async Task<ImportReport> ImportAsync(
        string fileName, long size, Func<long, Stream> open, string uploadedBy, IProgress<UploadProgress>? progress = null, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Accepted.Contains(extension))
        {
            throw new UploadRefusedException($"{name} is not an export: upload a .json file, a .zip of an export folder, or a .db database.");
        }

        if (size > MaxUploadBytes)
        {
            throw new UploadRefusedException($"{name} is {Megabytes(size)}; the limit is {Megabytes(MaxUploadBytes)}.");
        }

        if (!await _one.WaitAsync(TimeSpan.Zero, ct))
        {
            throw new UploadRefusedException("Another import is running; try again when it has finished.");
        }

        var folder = Directory.CreateTempSubdirectory("interviewprep-upload-").FullName;
        try
        {
            var saved = Path.Combine(folder, name);
            await SaveAsync(open(MaxUploadBytes), saved, size, progress, ct);
            var path = saved;
            if (extension == ".zip")
            {
                path = Path.Combine(folder, Path.GetFileNameWithoutExtension(name));
                Unpack(saved, path);
            }

            var upload = new ImportUpload(extension == ".zip" ? path : folder, uploadedBy);
            var report = await importer.ImportAsync([path], new SynchronousProgress<ImportProgress>(p => progress?.Report(new UploadProgress(
                "Importing", (double)p.FileIndex / p.FileCount, $"{upload.Name(p.Source)} ({p.FileIndex} of {p.FileCount}, {p.Rows:N0} rows)"))), ct, upload);
            logger.LogInformation("{Admin} imported {File}: {Summary}", uploadedBy, name, report.Summary);
            return report;
        }
        finally
        {
            _one.Release();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete the upload folder {Folder}", folder);
            }
        }
    }

    private static async Task SaveAsync(Stream source, string path, long size, IProgress<UploadProgress>? progress, CancellationToken ct)
    {
        await using (source)
        await using (var target = File.Create(path))
        {
            var buffer = new byte[81920];
            long done = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                done += read;
                progress?.Report(new UploadProgress("Uploading", size == 0 ? 1 : (double)done / size, $"{Megabytes(done)} of {Megabytes(size)}"));
            }
        }
    }

    /// <summary>Unpacks a zip into <paramref name="folder"/>, refusing entries outside it, too many entries, and too many bytes.</summary>
    private void Unpack(string zip, string folder)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zip);
        }
        catch (InvalidDataException)
        {
            throw new UploadRefusedException($"{Path.GetFileName(zip)} is not a readable zip file.");
        }

        using (archive)
        {
            if (archive.Entries.Count > MaxZipEntries)
            {
                throw new UploadRefusedException($"The zip holds {archive.Entries.Count:N0} files; an export has far fewer (at most {MaxZipEntries:N0}).");
            }

            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long unpacked = 0;
            foreach (var entry in archive.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new UploadRefusedException($"The zip entry '{entry.FullName}' points outside the export; nothing was imported.");
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                // Counted as written, not as the entry claims: a forged size does not get past the limit.
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var input = entry.Open();
                using var output = File.Create(target);
                var buffer = new byte[81920];
                int read;
                while ((read = input.Read(buffer)) > 0)
                {
                    unpacked += read;
                    if (unpacked > options.Value.MaxUnpackedBytes)
                    {
                        throw new UploadRefusedException($"The zip unpacks to more than {Megabytes(options.Value.MaxUnpackedBytes)}; nothing was imported.");
                    }

                    output.Write(buffer, 0, read);
                }
            }
        }

        // An export zipped with its folder has one folder at the top: import that folder.
        var top = Directory.GetFileSystemEntries(folder);
        if (top.Length == 1 && Directory.Exists(top[0]) && Directory.GetFiles(folder).Length == 0)
        {
            foreach (var entry in Directory.GetFileSystemEntries(top[0]))
            {
                var destination = Path.Combine(folder, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, destination);
                }
                else
                {
                    File.Move(entry, destination);
                }
            }

            Directory.Delete(top[0]);
        }
    }

    public static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
}
