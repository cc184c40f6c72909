using System.Collections.Frozen;

namespace InterviewPrep.Data.Entities;

/// <summary>Question and certification difficulty.</summary>
public enum Difficulty { Beginner, Intermediate, Advanced, Expert }

/// <summary>
/// Lifecycle of a question: flagged for a look by a moderator (still shown), archived (retired from
/// learners, kept for its history), deleted (a soft delete). Archived and deleted questions can be restored.
/// </summary>
public enum QuestionStatus { Active, Flagged, Archived, Deleted }

/// <summary>
/// State of a work-queue item: waiting to be claimed, claimed by a worker (under a lease), done, failed
/// for good (after its last attempt: the dead letters), waiting to be tried again after a failure, or
/// cancelled by an admin.
/// </summary>
public enum WorkQueueStatus { Pending, Processing, Completed, Failed, Retrying, Cancelled }

/// <summary>State of a learner's study session.</summary>
public enum SessionStatus { Active, Completed, Abandoned }

/// <summary>State of one bot run.</summary>
public enum BotRunStatus { Running, Completed, Failed }

/// <summary>How a bot's edits reach the content: applied at once, or proposed for an admin's review.</summary>
public enum BotMode { Publish, Propose }

/// <summary>
/// Where a bot's proposed edit is: waiting for review, applied by an admin, rejected with a reason, or
/// stale: a field it would change was edited after it was proposed, so it can no longer be applied.
/// </summary>
public enum ProposalStatus { Pending, Approved, Rejected, Stale }

/// <summary>
/// What kind of activity a learner's session is: study of a channel or of a search result, the day's
/// reviews, a certification exam, a learning path, or a voice interview.
/// </summary>
public enum SessionType { Channel, Search, Review, Certification, LearningPath, Voice }

/// <summary>Where a review card is in its life: never reviewed, in its first steps, long-term, or relearning after a lapse.</summary>
public enum CardState { New, Learning, Review, Relearning }

/// <summary>What a learner says is wrong with a question.</summary>
public enum ReportCategory { WrongAnswer, Typo, BrokenDiagram, Duplicate, Outdated, Other }

/// <summary>Where a learner's report is: waiting for an admin, or resolved one of three ways.</summary>
public enum ReportStatus { Open, Fixed, Dismissed, Archived }

/// <summary>
/// The one place where the design's enumerations are spelled: their stored text, parsing of
/// what imports and forms send, and the values the database CHECK constraints allow.
/// </summary>
public static class Vocabulary
{
    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToText =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Spell(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromText =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => Spell(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An enum name as stored: lower case, words joined by hyphens (<c>LearningPath</c> is <c>learning-path</c>).</summary>
    private static string Spell(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The stored spelling of <paramref name="value"/>, e.g. <c>intermediate</c>.</summary>
    public static string ToText<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.ToText.TryGetValue(value, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");

    /// <summary>All stored spellings of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Values<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(ToText).ToArray();

    /// <summary>Parses a value case-insensitively, ignoring surrounding white space.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Cache<TEnum>.FromText.TryGetValue(text.Trim(), out value);
    }

    /// <summary>Parses a value or throws a <see cref="FormatException"/> that lists the allowed values.</summary>
    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException(Describe<TEnum>(text));

    /// <summary>An explanation of why <paramref name="text"/> is not a valid value.</summary>
    public static string Describe<TEnum>(string? text) where TEnum : struct, Enum =>
        $"'{text}' is not a valid {typeof(TEnum).Name.ToLowerInvariant()} (expected {string.Join(", ", Values<TEnum>())}).";
}
