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

    /// <summary>
    /// A page as a browser ends up with it: a public page rendered for a visitor without a learner
    /// gets one, then the page as rendered for them (js/learner-parts.js). The client keeps cookies.
    /// </summary>
    public static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        if (!LearnerPartSlot().IsMatch(html))
        {
            return html;
        }

        (await client.GetAsync("/api/learner")).EnsureSuccessStatusCode();
        return await client.GetStringAsync(url);
    }

    /// <param name="page">The page that holds the form, when it is not <paramref name="url"/> itself.</param>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> values, string? page = null)
    {
        var html = await GetPageAsync(client, page ?? url);
        var form = HiddenFields(html);
        foreach (var (key, value) in values)
        {
            form[key] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("data-learner-part=\"([^\"]+)\"")]
    private static partial Regex LearnerPartSlot();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
