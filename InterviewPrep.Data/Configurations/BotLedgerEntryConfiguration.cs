using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class BotLedgerEntryConfiguration : IEntityTypeConfiguration<BotLedgerEntry>
{
    public void Configure(EntityTypeBuilder<BotLedgerEntry> builder)
    {
        builder.ToTable("botLedger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.BeforeState).IsJson();
        builder.Property(e => e.AfterState).IsJson();
        builder.HasIndex(e => e.BotName).HasDatabaseName("idx_bot_ledger_bot");
        builder.HasIndex(e => e.ItemId).HasDatabaseName("idx_bot_ledger_item");
        // "Get Bot Activity" takes the newest 100 of one bot: read them in order, no sort.
        builder.HasIndex(e => new { e.BotName, e.CreatedAt }).HasDatabaseName("idx_bot_ledger_bot_created");
    }
}
