using Microsoft.Extensions.Caching.Memory;

namespace InterviewPrep.Data.Content;

/// <summary>
/// What is computed from content alone (the catalog's counts, a question's rendered page), kept until
/// the <see cref="ContentVersion"/> moves. Entries are sized by the caller and the whole cache is
/// bounded; misses are the caller's to leave out (any URL names an id).
/// </summary>
public sealed class ContentCache(ContentVersion version) : IDisposable
{
    /// <summary>The longest an entry is kept even when the version has not moved (it cannot see a database restored under the app).</summary>
    public static readonly TimeSpan SafetyLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The sum of the entries' sizes, in kilobytes, the cache holds at most: 64 MB.</summary>
    public const long SizeLimitKb = 64 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitKb });

    /// <summary>The size in kilobytes of what holds these strings (UTF-16), at least 1.</summary>
    public static int SizeOf(params ReadOnlySpan<string?> texts)
    {
        long chars = 0;
        foreach (var text in texts)
        {
            chars += text?.Length ?? 0;
        }

        return (int)Math.Max(1, chars * 2 / 1024);
    }

    private sealed record Entry<T>(long Version, T Value);

    /// <summary>
    /// The value for <paramref name="key"/> at the current content version, computed when missing or
    /// older. <paramref name="sizeKb"/> says what a computed value weighs, 0 when it must not be kept (a miss, say).
    /// </summary>
    public async Task<T> GetAsync<T>(
        string key, Func<CancellationToken, Task<T>> compute, Func<T, int>? sizeKb = null, CancellationToken ct = default)
    {
        // The version is read before computing: a change made meanwhile leaves an entry that is already old.
        var current = await version.CurrentAsync(ct);
        if (_cache.TryGetValue(key, out Entry<T>? held) && held is not null && held.Version == current)
        {
            return held.Value;
        }

        var value = await compute(ct);
        if ((sizeKb?.Invoke(value) ?? 1) is var size and > 0)
        {
            _cache.Set(key, new Entry<T>(current, value), new MemoryCacheEntryOptions
            {
                Size = size,
                AbsoluteExpirationRelativeToNow = SafetyLifetime,
            });
        }

        return value;
    }

    public void Dispose() => _cache.Dispose();
}
