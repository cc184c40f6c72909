using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("userSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SessionData).IsJson();
        builder.HasIndex(s => s.Status).HasDatabaseName("idx_user_sessions_status");
        // Access pattern 2, active sessions by last access, read in index order.
        builder.HasIndex(s => new { s.Status, s.LastAccessedAt }).HasDatabaseName("idx_user_sessions_status_accessed");
        builder.HasIndex(s => s.SessionType).HasDatabaseName("idx_user_sessions_type");
        builder.HasIndex(s => s.SessionKey).HasDatabaseName("idx_user_sessions_key");
        // A learner's own sessions, most recently used first.
        builder.HasIndex(s => new { s.UserId, s.Status, s.LastAccessedAt }).HasDatabaseName("idx_user_sessions_user_status_accessed");
    }
}
