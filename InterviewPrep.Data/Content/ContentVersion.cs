namespace InterviewPrep.Data.Content;

/// <summary>
/// A number that moves whenever questions change in this process, so read models can cache what
/// they computed until it moves. Bumped after every committed content change.
/// </summary>
public sealed class ContentVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
