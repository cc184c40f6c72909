using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class BotRunConfiguration : IEntityTypeConfiguration<BotRun>
{
    public void Configure(EntityTypeBuilder<BotRun> builder)
    {
        builder.ToTable("botRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Summary).IsJson();
        // Not in the design's list; "Get Bot Run Statistics" would scan the table without it.
        builder.HasIndex(r => new { r.BotName, r.Status, r.StartedAt }).HasDatabaseName("idx_bot_runs_bot_status_started");
    }
}
