using Microsoft.AspNetCore.Identity;

namespace InterviewPrep.Data.Entities;

/// <summary>An account (table <c>users</c>: <c>id</c>, <c>username</c>, <c>password</c> plus Identity's columns).</summary>
public class AppUser : IdentityUser
{
    /// <summary>When the account was created (set by the app's user manager from its clock).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>The roles the application knows.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Learner = "Learner";

    public static readonly IReadOnlyList<string> All = [Admin, Learner];
}
