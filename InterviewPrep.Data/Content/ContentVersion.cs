using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Interceptors;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Data.Content;

/// <summary>
/// The content version as this instance knows it: the shared <c>contentVersion</c> row, read again
/// when this process changed content, or when the last read is older than
/// <see cref="DatabaseOptions.ContentVersionRefresh"/> (another instance may have changed it).
/// Read models cache what they computed until it moves.
/// </summary>
public sealed class ContentVersion(
    IDbContextFactory<AppDbContext> dbFactory, ContentVersionInterceptor interceptor, TimeProvider clock, IOptions<DatabaseOptions> options)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _version = -1;
    private long _localChangesSeen = -1;
    private long _readAt;
    private long _bumps;
    private long _bumpsSeen;

    public async ValueTask<long> CurrentAsync(CancellationToken ct = default)
    {
        if (IsFresh())
        {
            return Interlocked.Read(ref _version);
        }

        await _reading.WaitAsync(ct);
        try
        {
            if (IsFresh())
            {
                return _version;
            }

            var localChanges = interceptor.LocalChanges;
            var bumps = Interlocked.Read(ref _bumps);
            var readAt = clock.GetTimestamp();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var version = await db.Set<ContentVersionStamp>().AsNoTracking()
                .Where(v => v.Id == ContentVersionStamp.SingleId)
                .Select(v => v.Version)
                .FirstOrDefaultAsync(ct);
            Interlocked.Exchange(ref _version, version);
            Interlocked.Exchange(ref _localChangesSeen, localChanges);
            Interlocked.Exchange(ref _bumpsSeen, bumps);
            Interlocked.Exchange(ref _readAt, readAt);
            return version;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>
    /// Forgets what was read, so the next read goes to the database (after a change this process made).
    /// A read already under way when this is called does not count as fresh.
    public void Bump() => Interlocked.Increment(ref _bumps);

    private bool IsFresh() =>
        Interlocked.Read(ref _localChangesSeen) == interceptor.LocalChanges
        && Interlocked.Read(ref _bumpsSeen) == Interlocked.Read(ref _bumps)
        && clock.GetElapsedTime(Interlocked.Read(ref _readAt)) < options.Value.ContentVersionRefresh;
}
