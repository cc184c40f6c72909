using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace InterviewPrep.Web.Components.Account;

/// <summary>
/// Identity's errors next to the field they are about, once: the password rules beside the new password, a
/// wrong current password beside it, a taken or invalid email beside the email. What is about no field is
/// returned for the page's status message.
/// </summary>
public static class IdentityFieldErrors
{
    public static string? Place(
        EditContext context, IEnumerable<IdentityError> errors, Expression<Func<object>> password,
        Expression<Func<object>>? email = null, Expression<Func<object>>? currentPassword = null)
    {
        var store = new ValidationMessageStore(context);
        var left = new List<string>();
        foreach (var error in errors)
        {
            var field = error.Code switch
            {
                "PasswordMismatch" => currentPassword,
                "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => email,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => password,
                _ => null,
            };
            if (field is null)
            {
                left.Add(error.Description);
            }
            else
            {
                store.Add(field, error.Description);
            }
        }

        context.NotifyValidationStateChanged();
        return left.Count == 0 ? null : $"Error: {string.Join(" ", left)}";
    }
}
