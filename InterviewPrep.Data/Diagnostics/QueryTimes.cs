namespace InterviewPrep.Data.Diagnostics;

/// <summary>What the queries of a period took: count, average and percentiles in milliseconds.</summary>
public sealed record QueryTimeSummary(DateTime From, long Count, double AverageMs, double P95Ms, double P99Ms, double MaxMs);

/// <summary>
/// The duration of every database command of this process over the last 24 hours, in one-minute slots
/// of a logarithmic histogram (10 µs to a minute, each bucket 10% wider than the one before), so that the
/// average is exact and a percentile is within 10% of the truth whatever the volume, in fixed memory.
/// </summary>
public sealed class QueryTimes(TimeProvider clock)
{
    private const int Minutes = 24 * 60;
    private const double Smallest = 0.01; // ms
    private const double Growth = 1.1;
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(60_000 / Smallest) / Math.Log(Growth)) + 2;

    private readonly Slot[] _slots = Enumerable.Range(0, Minutes).Select(_ => new Slot(BucketCount)).ToArray();

    public void Record(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        var minute = clock.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerMinute;
        var slot = _slots[minute % Minutes];
        lock (slot)
        {
            if (slot.Minute != minute)
            {
                slot.Reset(minute);
            }

            slot.Count++;
            slot.SumMs += ms;
            slot.MaxMs = Math.Max(slot.MaxMs, ms);
            slot.Buckets[BucketOf(ms)]++;
        }
    }

    /// <summary>The queries of the last <paramref name="period"/> (at most 24 hours).</summary>
    public QueryTimeSummary Summarize(TimeSpan period)
    {
        // The current minute and the whole minutes before it that the period covers.
        var now = clock.GetUtcNow().UtcDateTime;
        return Summarize(now - period + TimeSpan.FromMinutes(1), now.AddTicks(1));
    }

    /// <summary>One summary per hour of the last <paramref name="hours"/> hours, oldest first.</summary>
    public IReadOnlyList<QueryTimeSummary> Hourly(int hours = 24)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var top = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc).AddHours(1);
        return Enumerable.Range(0, hours).Select(i => top.AddHours(i - hours)).Select(from => Summarize(from, from.AddHours(1))).ToList();
    }

    private QueryTimeSummary Summarize(DateTime from, DateTime to)
    {
        var first = from.Ticks / TimeSpan.TicksPerMinute;
        var last = (to.Ticks - 1) / TimeSpan.TicksPerMinute;
        var oldest = clock.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerMinute - Minutes + 1;
        var buckets = new long[BucketCount];
        long count = 0;
        double sum = 0, max = 0;
        for (var minute = Math.Max(first, oldest); minute <= last; minute++)
        {
            var slot = _slots[minute % Minutes];
            lock (slot)
            {
                if (slot.Minute != minute)
                {
                    continue;
                }

                count += slot.Count;
                sum += slot.SumMs;
                max = Math.Max(max, slot.MaxMs);
                for (var b = 0; b < BucketCount; b++)
                {
                    buckets[b] += slot.Buckets[b];
                }
            }
        }

        return new QueryTimeSummary(from, count, count == 0 ? 0 : sum / count, Percentile(buckets, count, 0.95, max), Percentile(buckets, count, 0.99, max), max);
    }

    /// <summary>The upper bound of the bucket holding the percentile, no more than the largest value seen.</summary>
    private static double Percentile(long[] buckets, long count, double p, double max)
    {
        if (count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(p * count);
        long seen = 0;
        for (var b = 0; b < buckets.Length; b++)
        {
            seen += buckets[b];
            if (seen >= rank)
            {
                return Math.Min(max, UpperBound(b));
            }
        }

        return max;
    }

    private static int BucketOf(double ms) =>
        ms <= Smallest ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(ms / Smallest) / Math.Log(Growth)));

    private static double UpperBound(int bucket) => Smallest * Math.Pow(Growth, bucket);

    private sealed class Slot(int buckets)
    {
        public long Minute = -1;
        public long Count;
        public double SumMs;
        public double MaxMs;
        public readonly long[] Buckets = new long[buckets];

        public void Reset(long minute)
        {
            Minute = minute;
            Count = 0;
            SumMs = 0;
            MaxMs = 0;
            Array.Clear(Buckets);
        }
    }
}
