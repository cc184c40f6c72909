using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class PathEnrollmentConfiguration : IEntityTypeConfiguration<PathEnrollment>
{
    public void Configure(EntityTypeBuilder<PathEnrollment> builder)
    {
        builder.ToTable("pathEnrollments");
        builder.HasKey(e => new { e.LearnerId, e.PathId });
        builder.HasOne<LearningPath>().WithMany().HasForeignKey(e => e.PathId).OnDelete(DeleteBehavior.Cascade);
        // A path's numbers: its enrolments, and how many of them completed it.
        builder.HasIndex(e => new { e.PathId, e.CompletedAt }).HasDatabaseName("idx_path_enrollments_path");
    }
}

public sealed class PathRatingConfiguration : IEntityTypeConfiguration<PathRating>
{
    public void Configure(EntityTypeBuilder<PathRating> builder)
    {
        builder.ToTable("pathRatings", t => t.HasCheckConstraint("ck_pathRatings_rating", "\"rating\" BETWEEN 1 AND 5"));
        builder.HasKey(r => new { r.LearnerId, r.PathId });
        builder.HasOne<LearningPath>().WithMany().HasForeignKey(r => r.PathId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PathId, r.Rating }).HasDatabaseName("idx_path_ratings_path");
    }
}
