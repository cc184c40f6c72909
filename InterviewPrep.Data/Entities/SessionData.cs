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

    /// <summary>The item at <see cref="Position"/>, when there is one.</summary>
    [JsonIgnore]
    public string? CurrentItem => Position >= 0 && Position < Items.Count ? Items[Position] : null;

    public ItemState StateOf(string itemId) => States.GetValueOrDefault(itemId) ?? ItemState.Empty;

    /// <summary>Items the learner has done: an item counts once its answer was revealed.</summary>
    [JsonIgnore]
    public int CompletedCount => Items.Distinct().Count(i => States.GetValueOrDefault(i)?.Revealed == true);

    public static SessionData Start(IReadOnlyList<string> items, DateTime? deadline = null) =>
        new() { Items = items.ToList(), Deadline = deadline };

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
