using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// Makes every read of one table 100 ms slower, so that concurrent transactions in a test overlap
/// between their read and their write for certain, instead of by chance. Row locks
/// (<c>SELECT ... FOR UPDATE</c>) are not slowed: they are what makes the others wait.
/// </summary>
public sealed class SlowReads(string table) : DbCommandInterceptor
{
    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(table, StringComparison.OrdinalIgnoreCase)
            && !command.CommandText.Contains("FOR UPDATE", StringComparison.Ordinal))
        {
            await Task.Delay(100, cancellationToken);
        }

        return result;
    }
}
