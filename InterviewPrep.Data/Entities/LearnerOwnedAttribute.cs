namespace InterviewPrep.Data.Entities;

/// <summary>
/// Marks a table whose rows belong to one learner (an account id or an anonymous learner's id),
/// naming the property that holds the learner. Every such table is listed by
/// <see cref="Learners.LearnerData"/>, which merging, purging, account deletion and the personal-data
/// download all use, so a table added later cannot escape any of them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LearnerOwnedAttribute(string learnerProperty) : Attribute
{
    public string LearnerProperty { get; } = learnerProperty;
}
