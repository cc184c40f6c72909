using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>A channel as admins edit it; <see cref="Questions"/> counts its questions of every status.</summary>
public sealed class ChannelForm
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string? Description { get; set; }
    public string? Icon { get; set; }
    public int SortOrder { get; set; }
    public int Questions { get; init; }

    /// <summary>Whether the channel has its own row yet (a channel named only by its questions has not).</summary>
    public bool Saved { get; init; }
}

/// <summary>
/// The catalog's channels for admins: every channel that has a row or a question, and saving a
/// channel's name, category, description, icon and order. A save moves the content version, so
/// the home and channel pages show it on their next visit.
/// </summary>
public sealed class AdminChannels(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxNameLength = 80;
    public const int MaxCategoryLength = 60;
    public const int MaxDescriptionLength = 500;

    public async Task<IReadOnlyList<ChannelForm>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Channels.AsNoTracking().ToListAsync(ct);
        var counts = await db.Questions.GroupBy(q => q.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rows.Select(c => new ChannelForm
            {
                Id = c.Id, Name = c.Name, Category = c.Category, Description = c.Description, Icon = c.Icon, SortOrder = c.SortOrder,
                Questions = counts.GetValueOrDefault(c.Id), Saved = true,
            })
            .Concat(counts.Keys.Where(id => rows.All(r => r.Id != id)).Select(id => new ChannelForm
            {
                Id = id, Name = id, Category = "", Questions = counts[id], SortOrder = 0,
            }))
            .OrderBy(c => c.Category, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Saves a channel; <paramref name="isNew"/> refuses an id that is taken. Returns the field errors, empty when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(ChannelForm form, bool isNew, CancellationToken ct = default)
    {
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return errors;
        }

        var id = form.Id.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (isNew && (channel is not null || await db.Questions.AnyAsync(q => q.Channel == id, ct)))
        {
            return new() { [nameof(ChannelForm.Id)] = $"There is already a channel '{id}'." };
        }

        if (channel is null)
        {
            channel = new Channel { Id = id, Name = "", Category = "" };
            db.Channels.Add(channel);
        }

        channel.Name = form.Name.Trim();
        channel.Category = form.Category.Trim();
        channel.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        channel.Icon = string.IsNullOrWhiteSpace(form.Icon) ? null : form.Icon.Trim();
        channel.SortOrder = form.SortOrder;
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static Dictionary<string, string> Validate(ChannelForm form)
    {
        var errors = new Dictionary<string, string>();
        if (!AdminForms.IsId(form.Id))
        {
            errors[nameof(ChannelForm.Id)] = "Use 1 to 60 lower-case letters, digits and hyphens (like system-design): it is the channel's address.";
        }

        AdminForms.Text(errors, nameof(ChannelForm.Name), form.Name, "A name", MaxNameLength, required: true);
        AdminForms.Text(errors, nameof(ChannelForm.Category), form.Category, "A category", MaxCategoryLength, required: true);
        AdminForms.Text(errors, nameof(ChannelForm.Description), form.Description, "The description", MaxDescriptionLength, required: false);
        if (!string.IsNullOrWhiteSpace(form.Icon) && MaterialIcons.Find(form.Icon) is null)
        {
            errors[nameof(ChannelForm.Icon)] = $"'{form.Icon.Trim()}' is not a Material icon name (such as storage, cloud or security).";
        }

        if (form.SortOrder is < 0 or > 10_000)
        {
            errors[nameof(ChannelForm.SortOrder)] = "The order is a number from 0 to 10,000; lower comes first in its category.";
        }

        return errors;
    }
}
