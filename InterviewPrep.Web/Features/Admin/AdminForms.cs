using System.Text.RegularExpressions;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>The checks the admin forms share: ids that are addresses, and texts with a length limit.</summary>
public static partial class AdminForms
{
    /// <summary>1 to 60 lower-case letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value.Trim());

    /// <summary>Records an error for <paramref name="field"/> when the text is missing (if required) or too long.</summary>
    public static void Text(Dictionary<string, string> errors, string field, string? value, string what, int max, bool required)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
        {
            errors[field] = $"{what} is required.";
        }
        else if (text.Length > max)
        {
            errors[field] = $"{what} is {text.Length} characters long; at most {max} are allowed.";
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$")]
    private static partial Regex IdPattern();
}
