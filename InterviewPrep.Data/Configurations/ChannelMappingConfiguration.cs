using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class ChannelMappingConfiguration : IEntityTypeConfiguration<ChannelMapping>
{
    public void Configure(EntityTypeBuilder<ChannelMapping> builder)
    {
        builder.ToTable("channelMappings");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.ChannelId).HasDatabaseName("idx_channel_mappings_channel");
        builder.HasIndex(m => m.QuestionId).HasDatabaseName("idx_channel_mappings_question");
        // A question appears in a channel once; led by the channel, it also serves "Get Certification Questions".
        builder.HasIndex(m => new { m.ChannelId, m.QuestionId }).IsUnique().HasDatabaseName("ux_channel_mappings_channel_question");
    }
}
