using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content.Import;

/// <summary>
/// Reads the fields of one export row leniently where exports differ (lists as arrays or as JSON
/// strings, booleans as 0/1, timestamps in several spellings) and strictly where data would be
/// wrong. Problems that reject the row go to <see cref="Errors"/>, others to <see cref="Warnings"/>.
/// </summary>
public sealed class RowReader(JsonObject row)
{
    public JsonObject Row { get; } = row;
    public List<string> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public HashSet<string> Read { get; } = new(StringComparer.Ordinal);

    /// <summary>The row's id for messages, even when it has none.</summary>
    public string Label(int index) =>
        Row["id"] is JsonValue v && v.TryGetValue<string>(out var id) && !string.IsNullOrWhiteSpace(id)
            ? $"row {index + 1} (id {id})"
            : $"row {index + 1}";

    public string? OptionalString(string field)
    {
        Read.Add(field);
        var node = Row[field];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.TryGetValue<string>(out var s))
            {
                return s;
            }

            if (value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                return value.ToJsonString();
            }
        }

        Warnings.Add($"{field} is not text; ignored");
        return null;
    }

    /// <summary>A text field that must be present and not blank.</summary>
    public string RequiredString(string field, string description)
    {
        var value = OptionalString(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add($"missing {description}");
            return "";
        }

        return value;
    }

    /// <summary>A value of one of the design's enumerations.</summary>
    public TEnum Enum<TEnum>(string field, TEnum? fallback = null) where TEnum : struct, System.Enum
    {
        var text = OptionalString(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is { } f)
            {
                return f;
            }

            Errors.Add($"missing {field}");
            return default;
        }

        if (Vocabulary.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Errors.Add($"invalid {field}: {Vocabulary.Describe<TEnum>(text)}");
        return default;
    }

    /// <summary>A value of one of the design's enumerations, or null when the field is absent or blank.</summary>
    public TEnum? OptionalEnum<TEnum>(string field) where TEnum : struct, System.Enum
    {
        var text = OptionalString(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Vocabulary.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Errors.Add($"invalid {field}: {Vocabulary.Describe<TEnum>(text)}");
        return null;
    }

    public int? OptionalInt(string field)
    {
        Read.Add(field);
        var node = Parsed(field);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (Number(value) is { } d && Math.Abs(d) < int.MaxValue)
            {
                var rounded = (int)Math.Round(d);
                if (rounded != d)
                {
                    Warnings.Add($"{field} {d.ToString(CultureInfo.InvariantCulture)} is not a whole number; stored as {rounded}");
                }

                return rounded;
            }

            if (value.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            {
                return i;
            }
        }

        Warnings.Add($"{field} is not a number; ignored");
        return null;
    }

    public int Int(string field, int fallback) => OptionalInt(field) ?? fallback;

    /// <summary>true, false, 1, 0, "true", "1"...</summary>
    public bool Bool(string field, bool fallback = false)
    {
        Read.Add(field);
        if (Row[field] is null)
        {
            return fallback;
        }

        if (Row[field] is not JsonValue value)
        {
            Warnings.Add($"{field} is not a yes/no value; taken as {(fallback ? "true" : "false")}");
            return fallback;
        }

        bool? parsed = value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(value) != 0,
            JsonValueKind.String => value.GetValue<string>().Trim().ToLowerInvariant() switch
            {
                "1" or "true" or "yes" => true,
                "0" or "false" or "no" or "" => false,
                _ => null,
            },
            _ => null,
        };
        if (parsed is null)
        {
            Warnings.Add($"{field} is not a yes/no value; taken as {(fallback ? "true" : "false")}");
        }

        return parsed ?? fallback;
    }

    /// <summary>A timestamp in any of the export's spellings, as UTC; null (with a warning) when unreadable.</summary>
    public DateTime? Timestamp(string field)
    {
        var text = OptionalString(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // "2025-12-26 12:51:05.123456+00": an hour-only offset that .NET does not read.
        var candidate = System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d$") ? text + ":00" : text;
        var value = UtcIso.TryParse(candidate);
        if (value is null)
        {
            Warnings.Add($"{field} '{text}' is not a timestamp; ignored");
        }

        return value;
    }

    /// <summary>A list of strings, given as a JSON array or as a string holding one.</summary>
    public List<string>? StringList(string field)
    {
        Read.Add(field);
        var node = Parsed(field);
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var list = new List<string>(array.Count);
                foreach (var item in array)
                {
                    if (item is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        list.Add(s);
                    }
                    else if (item is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                    {
                        list.Add(n.ToJsonString());
                    }
                    else
                    {
                        Warnings.Add($"{field} holds a value that is not text; it was left out");
                    }
                }

                return list;
            default:
                Warnings.Add($"{field} is not a list; ignored");
                return null;
        }
    }

    /// <summary>A structured value, given as JSON or as a string holding JSON.</summary>
    public T? Object<T>(string field) where T : class
    {
        Read.Add(field);
        var node = Parsed(field);
        if (node is null)
        {
            return null;
        }

        try
        {
            return node.Deserialize<T>(JsonColumns.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            Warnings.Add($"{field} does not have the expected shape; ignored");
            return null;
        }
    }

    /// <summary>Any JSON value, given as JSON or as a string holding JSON.</summary>
    public JsonNode? Node(string field)
    {
        Read.Add(field);
        return Parsed(field)?.DeepClone();
    }

    /// <summary>A JSON number, whatever CLR type holds it.</summary>
    private static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Fields present in the row that nothing read.</summary>
    public IEnumerable<string> UnreadFields() => Row.Select(p => p.Key).Where(k => !Read.Contains(k));

    /// <summary>The field's value, with JSON held in a string (as SQLite exports store it) parsed.</summary>
    private JsonNode? Parsed(string field)
    {
        var node = Row[field];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed == "null")
            {
                return null;
            }

            if (trimmed[0] is '[' or '{')
            {
                try
                {
                    return JsonNode.Parse(trimmed);
                }
                catch (JsonException)
                {
                    Warnings.Add($"{field} holds text that looks like JSON but is not valid JSON; ignored");
                    return null;
                }
            }
        }

        return node;
    }
}
