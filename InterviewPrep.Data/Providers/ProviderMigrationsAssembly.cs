using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace InterviewPrep.Data.Providers;

/// <summary>
/// The migrations of the context's provider only: each provider's set lives in its own namespace
/// (<c>InterviewPrep.Data.Migrations.Sqlite</c>, <c>InterviewPrep.Data.Migrations.PostgreSQL</c>),
/// with its own model snapshot, in the same assembly.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is the documented way to choose which migrations apply.
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string _namespace = MigrationsNamespace(currentContext.Context.Database.ProviderName);
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotFound;

    /// <summary>The namespace (and folder under <c>Migrations/</c>) of a provider's migration set.</summary>
    public static string MigrationsNamespace(string? providerName) => providerName switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "InterviewPrep.Data.Migrations.PostgreSQL",
        _ => "InterviewPrep.Data.Migrations.Sqlite",
    };

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= base.Migrations
        .Where(m => m.Value.Namespace == _namespace)
        .ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotFound)
            {
                var type = Assembly.GetTypes()
                    .FirstOrDefault(t => t.Namespace == _namespace && !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)));
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type)!;
                _snapshotFound = true;
            }

            return _snapshot;
        }
    }
}
#pragma warning restore EF1001
