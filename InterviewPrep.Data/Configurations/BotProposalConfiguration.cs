using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class BotProposalConfiguration : IEntityTypeConfiguration<BotProposal>
{
    public void Configure(EntityTypeBuilder<BotProposal> builder)
    {
        builder.ToTable("botProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Before).IsJson();
        builder.Property(p => p.After).IsJson();
        builder.Property(p => p.Context).IsJson();
        // The review queue: pending proposals, oldest first.
        builder.HasIndex(p => new { p.Status, p.CreatedAt }).HasDatabaseName("idx_bot_proposals_status_created");
        // A question's pending proposals (no second proposal for the same thing).
        builder.HasIndex(p => new { p.ItemId, p.Status }).HasDatabaseName("idx_bot_proposals_item_status");
    }
}
