using InterviewPrep.Data.Content.Export;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>The admin area's HTTP endpoints (its pages are components); all require the Admin role.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Admin });

        // The whole content as a zip in the export layout (the importer reads it back).
        admin.MapGet("/export.zip", async (HttpContext context, ContentExporter exporter, TimeProvider clock, CancellationToken ct) =>
        {
            var name = $"interviewprep-export-{clock.GetUtcNow():yyyyMMdd-HHmmss}.zip";
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            context.Response.Headers.CacheControl = "no-store";
            // Built in memory first, so a failure is an error status rather than a cut-off download.
            using var buffer = new MemoryStream();
            await exporter.ExportToZipAsync(buffer, ct);
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, ct);
        });
        return app;
    }
}
