using System.Globalization;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InterviewPrep.Data.Configurations;

/// <summary>
/// Timestamps as ISO-8601 UTC text of fixed width (<c>2026-01-25T10:30:00.000Z</c>), so that
/// text order is time order. Values without a kind are taken as UTC.
/// </summary>
public sealed class UtcIsoDateTimeConverter() : ValueConverter<DateTime, string>(
    v => UtcIso.Format(v),
    s => UtcIso.Parse(s));

/// <summary>Timestamps for PostgreSQL's <c>timestamptz</c>: stored as UTC at millisecond precision, read back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => UtcIso.Truncate(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public static class UtcIso
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTime value) =>
        ToUtc(value).ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTime Parse(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>Parses the timestamp spellings found in exports; null when it is not a timestamp.</summary>
    public static DateTime? TryParse(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? Truncate(value)
            : null;

    /// <summary>The stored precision: whole milliseconds, UTC.</summary>
    public static DateTime Truncate(DateTime value)
    {
        var utc = ToUtc(value);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}

/// <summary>Stores one of the design's enumerations as its lower-case text (see <see cref="Vocabulary"/>).</summary>
public sealed class VocabularyConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => Vocabulary.ToText(v),
    s => Vocabulary.Parse<TEnum>(s))
    where TEnum : struct, Enum;
