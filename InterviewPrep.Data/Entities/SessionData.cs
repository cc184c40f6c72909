using System.Text.Json.Serialization;

namespace InterviewPrep.Data.Entities;

/// <summary>
/// What a session holds besides its columns (<c>userSessions.sessionData</c>): its items in order, where
/// the learner is, and what they did with each item. Every kind of session uses this one shape; a kind
/// that needs more (an exam's deadline) fills its optional part. The JSON spelling is the one the first
/// version wrote (<c>{"items": [...], "position": 0, "states": {"id": {"seen": true, ...}}}</c>), so
/// rows written before this type existed read as they are.
/// </summary>
public sealed record SessionData
{
    /// <summary>Item ids (questions), in the order the session presents them.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The current item's index in <see cref="Items"/>.</summary>
    public int Position { get; init; }

    /// <summary>What the learner did, by item id; items not touched yet have no entry.</summary>
    public IReadOnlyDictionary<string, ItemState> States { get; init; } = new Dictionary<string, ItemState>();

    /// <summary>For timed activities (exams): the absolute moment the session ends; null when untimed.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>For certification exams, practice and drills: how the items were drawn and how the attempt ended.</summary>
    public ExamPart? Exam { get; init; }

    /// <summary>For voice interviews: each answer's grade and whether grades feed spaced repetition.</summary>
    public VoicePart? Voice { get; init; }

    /// <summary>The item at <see cref="Position"/>, when there is one.</summary>
    [JsonIgnore]
    public string? CurrentItem => Position >= 0 && Position < Items.Count ? Items[Position] : null;

    public ItemState StateOf(string itemId) => States.GetValueOrDefault(itemId) ?? ItemState.Empty;

    /// <summary>Items the learner has done: an item counts once its answer was revealed.</summary>
    [JsonIgnore]
    public int CompletedCount => Items.Distinct().Count(i => States.GetValueOrDefault(i)?.Revealed == true);

    public static SessionData Start(IReadOnlyList<string> items, DateTime? deadline = null, ExamPart? exam = null) =>
        new() { Items = items.ToList(), Deadline = deadline, Exam = exam };

    /// <summary>
    /// Moves to <paramref name="position"/> (clamped to the items) and records a step on one item. Facts
    /// only accumulate: an item once seen or revealed stays so, whatever a stale second tab sends.
    /// Steps on items the session does not hold are ignored.
    /// </summary>
    public SessionData Apply(int position, string? itemId, ItemStep? step)
    {
        var moved = this with { Position = Math.Clamp(position, 0, Math.Max(0, Items.Count - 1)) };
        if (itemId is null || step is null || !Items.Contains(itemId))
        {
            return moved;
        }

        var states = new Dictionary<string, ItemState>(States) { [itemId] = StateOf(itemId).Apply(step) };
        return moved with { States = states };
    }
}

/// <summary>One item's state in a session. Grades are 1 (Again) to 4 (Easy).</summary>
public sealed record ItemState
{
    public static readonly ItemState Empty = new();

    public bool Seen { get; init; }

    public bool Revealed { get; init; }

    /// <summary>What the learner typed from memory before revealing the answer.</summary>
    public string? Recall { get; init; }

    public int? Grade { get; init; }

    /// <summary>Marked to come back to (exams).</summary>
    public bool Flagged { get; init; }

    /// <summary>The learner's chosen or written answer (exams, voice transcripts).</summary>
    public string? Answer { get; init; }

    /// <summary>Time spent on the item, in milliseconds, summed over visits.</summary>
    public long TimeSpentMs { get; init; }

    public ItemState Apply(ItemStep step) => this with
    {
        Seen = Seen || step.Seen == true,
        Revealed = Revealed || step.Revealed == true,
        Recall = step.Recall ?? Recall,
        Grade = step.Grade ?? Grade,
        Flagged = step.Flagged ?? Flagged,
        Answer = step.Answer ?? Answer,
        TimeSpentMs = TimeSpentMs + (long)Math.Max(0, step.TimeSpent?.TotalMilliseconds ?? 0),
    };
}

/// <summary>What one step changes on an item; unset parts leave the item as it was.</summary>
public sealed record ItemStep(
    bool? Seen = null, bool? Revealed = null, string? Recall = null, int? Grade = null, bool? Flagged = null,
    string? Answer = null, TimeSpan? TimeSpent = null);

/// <summary>
/// A certification attempt's own facts: the mode, each item's exam domain as drawn, the time allowed, the
/// readiness predicted just before it started, and when and how it was handed in.
/// </summary>
public sealed record ExamPart
{
    /// <summary><c>exam</c> (timed, no feedback until the end), <c>practice</c> (answer after each item) or <c>drill</c> (one domain).</summary>
    public required string Mode { get; init; }

    /// <summary>The domain id each item was drawn for (<c>general</c> for items in no domain).</summary>
    public IReadOnlyDictionary<string, string> Domains { get; init; } = new Dictionary<string, string>();

    /// <summary>The drill's domain, when a drill.</summary>
    public string? Domain { get; init; }

    /// <summary>Minutes allowed, for a timed exam.</summary>
    public int? Minutes { get; init; }

    /// <summary>Overall readiness (0 to 1) predicted just before the attempt started.</summary>
    public double? PredictedReadiness { get; init; }

    /// <summary>Whether marks feed spaced repetition (wrong: Again, partly: Hard, correct: Good).</summary>
    public bool IntoReview { get; init; } = true;

    public DateTime? SubmittedAt { get; init; }

    /// <summary>The marks the key-term check suggested for written answers when the attempt was handed in (values as <see cref="ItemState.Grade"/>).</summary>
    public IReadOnlyDictionary<string, int>? Suggested { get; init; }

    /// <summary>True when the time ran out and the server handed the attempt in.</summary>
    public bool SubmittedByTime { get; init; }
}

/// <summary>
/// A voice interview's own facts: whether verdicts feed spaced repetition, and each answer's grade as
/// given when it was answered (the transcript is the item's <see cref="ItemState.Answer"/>; audio is never kept).
/// </summary>
public sealed record VoicePart
{
    public bool IntoReview { get; init; } = true;

    /// <summary>By question id: the latest graded answer.</summary>
    public IReadOnlyDictionary<string, VoiceAnswer> Answers { get; init; } = new Dictionary<string, VoiceAnswer>();

    /// <summary>The mean score of the answers given, or null before the first.</summary>
    [JsonIgnore]
    public int? Score => Answers.Count == 0 ? null : (int)Math.Round(Answers.Values.Average(a => a.Score));
}

/// <summary>One graded answer: score, verdict, how long it took, whether it was spoken (or typed), and how many tries.</summary>
public sealed record VoiceAnswer(int Score, string Verdict, long DurationMs, bool Spoken, DateTime GradedAt, int Tries = 1);
