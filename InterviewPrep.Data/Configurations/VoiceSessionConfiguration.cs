using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class VoiceSessionConfiguration : IEntityTypeConfiguration<VoiceSession>
{
    public void Configure(EntityTypeBuilder<VoiceSession> builder)
    {
        builder.ToTable("voiceSessions");
        builder.HasKey(v => v.Id);
        builder.PrimitiveCollection(v => v.QuestionIds).IsJsonList();
        builder.HasIndex(v => v.Channel).HasDatabaseName("idx_voice_sessions_channel");
    }
}
