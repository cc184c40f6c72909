using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InterviewPrep.Data.Configurations;

/// <summary>
/// JSON stored as TEXT. Lists of strings are EF primitive collections (queryable with
/// <c>json_each</c>); everything structured goes through <see cref="IsJson{T}"/>, which sets the
/// converter and a comparer so that edits made in place are saved. Both kinds are marked so the
/// context can add a <c>json_valid</c> CHECK constraint.
/// </summary>
public static class JsonColumns
{
    public const string Annotation = "InterviewPrep:Json";

    /// <summary>How JSON columns are written: camelCase, compact, readable Unicode.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new UtcIsoJsonConverter() },
    };

    /// <summary>Timestamps inside JSON use the same spelling as timestamp columns.</summary>
    private sealed class UtcIsoJsonConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            UtcIso.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(UtcIso.Format(value));
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>Stores a structured value as JSON TEXT, with change tracking by content.</summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property)
    {
        var converter = new ValueConverter<T, string>(
            v => Serialize(v),
            s => Deserialize<T>(s));
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(converter, comparer).HasColumnType("TEXT").HasAnnotation(Annotation, true);
        return property;
    }

    /// <summary>Marks a primitive collection (a list of strings) as a JSON column.</summary>
    public static PropertyBuilder<T> IsJsonList<T>(this PropertyBuilder<T> property)
    {
        property.HasColumnType("TEXT").HasAnnotation(Annotation, true);
        return property;
    }

    /// <summary>Primitive collections are built as properties with their own builder.</summary>
    public static PrimitiveCollectionBuilder<T> IsJsonList<T>(this PrimitiveCollectionBuilder<T> property)
    {
        property.HasColumnType("TEXT").HasAnnotation(Annotation, true);
        return property;
    }

    public static bool IsJsonColumn(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is true || property.IsPrimitiveCollection;
}
