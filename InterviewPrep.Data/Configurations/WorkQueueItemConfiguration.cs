using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class WorkQueueItemConfiguration : IEntityTypeConfiguration<WorkQueueItem>
{
    public void Configure(EntityTypeBuilder<WorkQueueItem> builder)
    {
        builder.ToTable("workQueue");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Result).IsJson();
        builder.HasIndex(w => w.Status).HasDatabaseName("idx_work_queue_status");
        builder.HasIndex(w => w.Priority).HasDatabaseName("idx_work_queue_priority");
        // "Get Work Queue Items": pending items by priority, then age, without a sort.
        builder.HasIndex(w => new { w.Status, w.Priority, w.CreatedAt }).HasDatabaseName("idx_work_queue_status_priority_created");
        // A bot's own work: pending items of one action by priority, then age, without a sort.
        builder.HasIndex(w => new { w.Status, w.Action, w.Priority, w.CreatedAt }).HasDatabaseName("idx_work_queue_status_action_priority_created");
        // The sweep: expired leases, and retries that fell due.
        builder.HasIndex(w => new { w.Status, w.LeaseUntil }).HasDatabaseName("idx_work_queue_status_lease");
        builder.HasIndex(w => new { w.Status, w.NextAttemptAt }).HasDatabaseName("idx_work_queue_status_next_attempt");
    }
}
