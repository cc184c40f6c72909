using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.Review;

/// <summary>How well a learner recalled a question.</summary>
public enum Grade { Again = 1, Hard = 2, Good = 3, Easy = 4 }

/// <summary>A card's memory: FSRS stability (days until recall probability falls to 90%) and difficulty (1–10).</summary>
public sealed record CardMemory(
    CardState State, double Stability, double Difficulty, int Step, DateTime? LastReview, DateTime Due, int Reps, int Lapses)
{
    public static CardMemory New(DateTime now) => new(CardState.New, 0, 0, 0, null, now, 0, 0);
}

/// <summary>The card after a review, and what the review log records.</summary>
public sealed record ReviewOutcome(CardMemory Card, TimeSpan Interval, double? Retrievability, double ElapsedDays, double ScheduledDays);

/// <summary>
/// FSRS-6 parameters: the 21 published default weights, the learner's desired retention
/// (0.70–0.97), learning and relearning steps, a maximum interval, and interval fuzz.
/// </summary>
public sealed record FsrsParameters
{
    public static readonly IReadOnlyList<double> DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
        0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    public IReadOnlyList<double> W { get; init; } = DefaultWeights;

    public double DesiredRetention { get; init; } = 0.9;

    public int MaximumIntervalDays { get; init; } = 36500;

    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    public bool EnableFuzz { get; init; } = true;

    public FsrsParameters Validate()
    {
        if (W.Count != 21)
        {
            throw new ArgumentException($"FSRS-6 needs 21 weights, not {W.Count}.");
        }

        if (DesiredRetention is < 0.70 or > 0.97)
        {
            throw new ArgumentOutOfRangeException(nameof(DesiredRetention), DesiredRetention, "Desired retention must be between 0.70 and 0.97.");
        }

        if (MaximumIntervalDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumIntervalDays), MaximumIntervalDays, "The maximum interval is at least one day.");
        }

        return this;
    }
}

/// <summary>
/// The FSRS-6 scheduler. Retrievability R = (1 + F·t/S)^(−w20) with F = 0.9^(−1/w20) − 1; the next
/// interval is the time until R falls to the desired retention. Pure: the clock and the fuzz's
/// random numbers are the caller's.
/// </summary>
public sealed class FsrsScheduler
{
    private static readonly (double Start, double End, double Factor)[] FuzzRanges = [(2.5, 7, 0.15), (7, 20, 0.1), (20, double.PositiveInfinity, 0.05)];

    private readonly FsrsParameters _p;
    private readonly IReadOnlyList<double> _w;
    private readonly Func<double> _random;

    public FsrsScheduler(FsrsParameters? parameters = null, Func<double>? random = null)
    {
        _p = (parameters ?? new FsrsParameters()).Validate();
        _w = _p.W;
        _random = random ?? Random.Shared.NextDouble;
    }

    private double Decay => -_w[20];

    private double Factor => Math.Pow(0.9, 1 / Decay) - 1;

    /// <summary>The probability of recalling the card at <paramref name="now"/>.</summary>
    public double Retrievability(CardMemory card, DateTime now) =>
        card.LastReview is { } last && card.Stability > 0
            ? Retrievability(Math.Max(0, (now - last).TotalDays), card.Stability)
            : 0;

    public double Retrievability(double elapsedDays, double stability) =>
        Math.Pow(1 + Factor * elapsedDays / stability, Decay);

    public double InitialStability(Grade grade) => Math.Max(_w[(int)grade - 1], 0.001);

    public double InitialDifficulty(Grade grade) => Clamp(RawInitialDifficulty(grade), 1, 10);

    /// <summary>D0 before clamping: mean reversion pulls towards the unclamped D0(Easy).</summary>
    private double RawInitialDifficulty(Grade grade) => _w[4] - Math.Exp(_w[5] * ((int)grade - 1)) + 1;

    /// <summary>Days until recall probability falls to the desired retention, before rounding and fuzz.</summary>
    public double IntervalDays(double stability) =>
        stability / Factor * (Math.Pow(_p.DesiredRetention, 1 / Decay) - 1);

    public double NextDifficulty(double difficulty, Grade grade)
    {
        var delta = -_w[6] * ((int)grade - 3);
        var damped = difficulty + delta * (10 - difficulty) / 9;
        return Clamp(_w[7] * RawInitialDifficulty(Grade.Easy) + (1 - _w[7]) * damped, 1, 10);
    }

    public double RecallStability(double difficulty, double stability, double retrievability, Grade grade)
    {
        var hardPenalty = grade == Grade.Hard ? _w[15] : 1;
        var easyBonus = grade == Grade.Easy ? _w[16] : 1;
        return stability * (1 + Math.Exp(_w[8]) * (11 - difficulty) * Math.Pow(stability, -_w[9])
            * (Math.Exp((1 - retrievability) * _w[10]) - 1) * hardPenalty * easyBonus);
    }

    public double LapseStability(double difficulty, double stability, double retrievability)
    {
        var next = _w[11] * Math.Pow(difficulty, -_w[12]) * (Math.Pow(stability + 1, _w[13]) - 1) * Math.Exp((1 - retrievability) * _w[14]);
        return Math.Min(next, stability / Math.Exp(_w[17] * _w[18]));
    }

    /// <summary>A review on the same day as the previous one (within a learning step).</summary>
    public double ShortTermStability(double stability, Grade grade)
    {
        var increase = Math.Exp(_w[17] * ((int)grade - 3 + _w[18])) * Math.Pow(stability, -_w[19]);
        if (grade >= Grade.Good)
        {
            increase = Math.Max(increase, 1);
        }

        return stability * increase;
    }

    /// <summary>What each grade would do to the card now: for the buttons' "10m", "3d" labels.</summary>
    public IReadOnlyDictionary<Grade, TimeSpan> Preview(CardMemory card, DateTime now) =>
        Enum.GetValues<Grade>().ToDictionary(g => g, g => Review(card, g, now, fuzz: false).Interval);

    public ReviewOutcome Review(CardMemory card, Grade grade, DateTime now) => Review(card, grade, now, _p.EnableFuzz);

    private ReviewOutcome Review(CardMemory card, Grade grade, DateTime now, bool fuzz)
    {
        var elapsed = card.LastReview is { } last ? Math.Max(0, (now - last).TotalDays) : 0;
        var scheduled = card.LastReview is { } previous ? Math.Max(0, (card.Due - previous).TotalDays) : 0;
        double? retrievability = card.State == CardState.New ? null : Retrievability(card, now);
        double stability;
        double difficulty;
        if (card.State == CardState.New)
        {
            stability = InitialStability(grade);
            difficulty = InitialDifficulty(grade);
        }
        else
        {
            difficulty = NextDifficulty(card.Difficulty, grade);
            stability = elapsed < 1
                ? ShortTermStability(card.Stability, grade)
                : grade == Grade.Again
                    ? LapseStability(card.Difficulty, card.Stability, retrievability!.Value)
                    : RecallStability(card.Difficulty, card.Stability, retrievability!.Value, grade);
        }

        var reps = card.Reps + 1;
        var lapses = card.Lapses + (card.State == CardState.Review && grade == Grade.Again ? 1 : 0);
        var (state, step, interval) = NextStep(card, grade, stability, fuzz);
        var next = new CardMemory(state, stability, difficulty, step, now, now + interval, reps, lapses);
        return new ReviewOutcome(next, interval, retrievability, elapsed, scheduled);
    }

    /// <summary>Learning and relearning walk their steps; a card that graduates (or is in review) gets a day interval.</summary>
    private (CardState State, int Step, TimeSpan Interval) NextStep(CardMemory card, Grade grade, double stability, bool fuzz)
    {
        var (steps, learning) = card.State switch
        {
            CardState.New or CardState.Learning => (_p.LearningSteps, CardState.Learning),
            CardState.Relearning => (_p.RelearningSteps, CardState.Relearning),
            _ => (grade == Grade.Again ? _p.RelearningSteps : [], CardState.Relearning),
        };
        var step = card.State is CardState.New or CardState.Review ? 0 : card.Step;

        if (steps.Count == 0 || grade == Grade.Easy || card.State == CardState.Review && grade != Grade.Again)
        {
            return (CardState.Review, 0, Days(stability, fuzz));
        }

        switch (grade)
        {
            case Grade.Again:
                return (learning, 0, steps[0]);
            case Grade.Hard:
                var hard = step == 0
                    ? steps.Count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2
                    : steps[step];
                return (learning, step, hard);
            default:
                return step + 1 >= steps.Count
                    ? (CardState.Review, 0, Days(stability, fuzz))
                    : (learning, step + 1, steps[step + 1]);
        }
    }

    private TimeSpan Days(double stability, bool fuzz)
    {
        var days = Clamp(Math.Round(IntervalDays(stability)), 1, _p.MaximumIntervalDays);
        if (fuzz)
        {
            var (min, max) = FuzzRange(days);
            days = Math.Floor(_random() * (max - min + 1) + min);
        }

        return TimeSpan.FromDays(days);
    }

    /// <summary>The days an interval may be fuzzed to, so reviews of cards learned together spread out.</summary>
    public (double Min, double Max) FuzzRange(double days)
    {
        if (days < 2.5)
        {
            return (days, days);
        }

        var delta = 1.0;
        foreach (var (start, end, factor) in FuzzRanges)
        {
            delta += factor * Math.Max(Math.Min(days, end) - start, 0);
        }

        var min = Math.Max(2, Math.Round(days - delta));
        var max = Math.Min(Math.Round(days + delta), _p.MaximumIntervalDays);
        return (Math.Min(min, max), max);
    }

    /// <summary>"10m", "3h", "3d", "2w", "4mo", "1.5y": how far away a review is.</summary>
    public static string FormatInterval(TimeSpan interval) => interval.TotalDays switch
    {
        < 1.0 / 24 => $"{Math.Max(1, Math.Round(interval.TotalMinutes))}m",
        < 1 => $"{Math.Round(interval.TotalHours)}h",
        < 14 => $"{Math.Round(interval.TotalDays)}d",
        < 60 => $"{Math.Round(interval.TotalDays / 7)}w",
        < 365 => $"{Math.Round(interval.TotalDays / 30.4)}mo",
        _ => $"{Math.Round(interval.TotalDays / 365, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}y",
    };

    private static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);
}
