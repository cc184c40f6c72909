using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class LearnerQuestionStateConfiguration : IEntityTypeConfiguration<LearnerQuestionState>
{
    public void Configure(EntityTypeBuilder<LearnerQuestionState> builder)
    {
        // A note's length is capped by triggers (migration LearnerNotesSettingsAndActivity), not a CHECK
        // constraint, which SQLite could only add by rebuilding the table; a migration that rebuilds
        // this table must create them again.
        builder.ToTable("learnerQuestionStates");
        builder.HasKey(s => new { s.LearnerId, s.QuestionId });
        builder.HasOne(s => s.Question).WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.LearnerId, s.Bookmarked, s.BookmarkedAt }).HasDatabaseName("idx_learner_question_states_bookmarks");
        // The notes page: one learner's notes, most recently written first.
        builder.HasIndex(s => new { s.LearnerId, s.NoteUpdatedAt }).HasDatabaseName("idx_learner_question_states_notes");
        builder.HasIndex(s => new { s.LearnerId, s.LastSeenAt }).HasDatabaseName("idx_learner_question_states_seen");
    }
}
