using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// What a password must be beyond Identity's own rules (length, character kinds): not one of the most
/// common passwords or a small variation of one ("P@ssw0rd2024!" is "password"), not a run such as
/// "abcdefgh" or "123456789012", and not containing the name part of the account's email.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    /// <summary>The minimum length, given to Identity's options and the forms' hints.</summary>
    public const int MinimumLength = 12;

    /// <summary>Different characters a password needs at least ("Aa1!Aa1!Aa1!" has four).</summary>
    public const int MinimumUniqueCharacters = 5;

    /// <summary>Shorter email names ("jo@...") would refuse too many good passwords by chance.</summary>
    private const int ShortestEmailNameChecked = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (IsCommon(password))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is too common, or a small change to a common one, and is among the first an attacker tries. " +
                              "A few unrelated words make a long password that is easy to remember.",
            });
        }

        if (EmailName(user.Email ?? user.UserName) is { Length: >= ShortestEmailNameChecked } name
            && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordContainsEmailName",
                Description = "Passwords must not contain the part of your email address before the @.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>
    /// True for a listed password, or one whose core (without the digits and symbols around it, with
    /// look-alike characters read as letters) is listed, is a run, or repeats a listed word.
    /// </summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (CommonPasswords.Contains(lower) || IsRun(lower))
        {
            return true;
        }

        var core = ReadLookAlikes(lower.Trim(NotLetters));
        if (core.Length == 0 || CommonPasswords.Contains(core) || IsRun(core))
        {
            return true;
        }

        // "passwordpassword", "qwertyqwerty"
        for (var length = 1; length <= core.Length / 2; length++)
        {
            if (core.Length % length == 0 && core.Replace(core[..length], "", StringComparison.Ordinal).Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] NotLetters = [.. Enumerable.Range(32, 95).Select(c => (char)c).Where(c => !char.IsAsciiLetter(c))];

    private static string? EmailName(string? email) => email?.Split('@')[0];

    private static string ReadLookAlikes(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' or '+' => 't',
                '8' => 'b',
                '9' => 'g',
                var c => c,
            };
        }
    });

    /// <summary>"abcdefgh", "987654321", "aaaa...": each character one step (or none) from the last.</summary>
    private static bool IsRun(string text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        var step = text[1] - text[0];
        if (Math.Abs(step) > 1)
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            var next = text[i] - text[i - 1];
            // Digits wrap around: "890123".
            if (next != step && !(char.IsAsciiDigit(text[i]) && Math.Abs(next) == 9 && Math.Sign(next) == -step))
            {
                return false;
            }
        }

        return true;
    }
}
