namespace InterviewPrep.Benchmarks;

/// <summary>How the benchmarks report a set of timings.</summary>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="q"/> (0 to 1) of timings sorted ascending.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q) =>
        sorted[(int)Math.Min(sorted.Count - 1, Math.Max(0, Math.Ceiling(q * sorted.Count) - 1))];

    public static string Line(string what, IReadOnlyCollection<double> times)
    {
        var sorted = times.Order().ToList();
        double P(double q) => Of(sorted, q);
        return $"{what}: p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms (n={times.Count})";
    }
}
