namespace InterviewPrep.Web.Features.Operations;

/// <summary>Reports on the caller's thread, in order, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
