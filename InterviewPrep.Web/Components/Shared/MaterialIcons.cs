using System.Collections.Frozen;
using System.Reflection;
using MudBlazor;

namespace InterviewPrep.Web.Components.Shared;

/// <summary>Looks up a MudBlazor filled Material icon by its snake_case name (as content names them).</summary>
public static class MaterialIcons
{
    private static readonly FrozenDictionary<string, string> ByName = typeof(Icons.Material.Filled)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(string))
        .GroupBy(f => Normalize(f.Name), StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => (string)g.First().GetValue(null)!, StringComparer.Ordinal);

    public static string? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : ByName.GetValueOrDefault(Normalize(name));

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
