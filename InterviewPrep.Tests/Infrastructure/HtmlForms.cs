using System.Net;
using System.Text.RegularExpressions;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>Posts the static Identity forms the way a browser without JavaScript would.</summary>
public static partial class HtmlForms
{
    /// <summary>The hidden fields of the form that posts to <paramref name="action"/> (antiforgery, handler).</summary>
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = NameAttribute().Match(input.Value);
            var value = ValueAttribute().Match(input.Value);
            if (name.Success)
            {
                fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(value.Success ? value.Groups[1].Value : "");
            }
        }

        return fields;
    }

    /// <param name="page">The page that holds the form, when it is not <paramref name="url"/> itself.</param>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> values, string? page = null)
    {
        var html = await client.GetStringAsync(page ?? url);
        var form = HiddenFields(html);
        foreach (var (key, value) in values)
        {
            form[key] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
