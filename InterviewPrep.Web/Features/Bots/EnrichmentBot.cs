using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Bots;

public sealed class EnrichmentOptions
{
    public const string Section = "Bots:Enrichment";

    /// <summary>An OpenAI-compatible chat endpoint (a hosted service, or a local server such as Ollama's <c>/v1</c>); empty leaves the bot out.</summary>
    public string? Endpoint { get; set; }

    public string Model { get; set; } = "";

    public string? ApiKey { get; set; }

    /// <summary>Questions written for at most, per run: each is a call to the model.</summary>
    public int MaxPerRun { get; set; } = 100;

    public bool Configured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

/// <summary>
/// Enrichment, the one bot that is not offline: when a language model is configured (<see cref="EnrichmentOptions"/>),
/// it writes the TL;DR and ELI5 the quality bot asked for (<c>write-tldr</c>, <c>write-eli5</c>) from the question
/// and its answer. What the model returns is checked (length, no refusal or preamble) and proposed for review by
/// default; anything else goes back to the queue. Without a configured model the bot is not there at all.
/// </summary>
public sealed class EnrichmentBot(
    IDbContextFactory<AppDbContext> dbFactory, WorkQueue queue, BotEdits edits, IChatClient chat, IOptions<EnrichmentOptions> options)
    : QuestionWorkBot(dbFactory, queue, edits)
{
    public const string BotName = "enrichment";

    public override string Name => BotName;

    public override string Description => "Writes missing TL;DRs and ELI5s with the configured language model; proposed for review.";

    public override string Schedule => "0 6 * * *";

    public override BotMode DefaultMode => BotMode.Propose;

    public override string Action => QualityBot.MissingTldr.Action;

    public override IReadOnlyList<string> Actions => [QualityBot.MissingTldr.Action, QualityBot.MissingEli5.Action];

    /// <summary>The field a work action fills, its limits, and what the model is asked.</summary>
    private static readonly Dictionary<string, (string Field, int Shortest, int Longest, string Ask)> Work = new(StringComparer.Ordinal)
    {
        [QualityBot.MissingTldr.Action] = ("tldr", 20, 300,
            "Write a TL;DR of this interview answer: one or two plain sentences, at most 250 characters, no Markdown, no preamble."),
        [QualityBot.MissingEli5.Action] = ("eli5", 60, 900,
            "Explain the answer to this interview question as to a curious ten-year-old: a short paragraph, at most 700 characters, " +
            "an everyday comparison, no Markdown, no preamble."),
    };

    protected override async Task<WorkDecision> DecideAsync(QuestionData question, WorkQueueItem item, CancellationToken ct)
    {
        var (field, shortest, longest, ask) = Work[item.Action];
        var current = question.ToSnapshot();
        if (current[field]?.GetValue<string>() is { Length: > 0 })
        {
            return new WorkDecision.Done($"the question has a {field} now");
        }

        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "You write short study material for software engineering interview questions. Answer with the text only."),
                new ChatMessage(ChatRole.User, $"{ask}\n\nQuestion: {question.Text}\n\nAnswer: {Shorten(question.Answer, 4000)}"),
            ],
            new ChatOptions { Temperature = 0.2f }, ct);
        var text = response.Text.Trim().Trim('"').Trim();
        if (Unusable(text, shortest, longest) is { } why)
        {
            // Thrown, so the queue tries it again after its back-off and gives up after the last attempt.
            throw new InvalidOperationException($"the model's {field} was not usable: {why}");
        }

        var edit = QuestionEdit.Of(current, new JsonObject { [field] = text }, $"written by the model {options.Value.Model}");
        return edit is null ? new WorkDecision.Done("nothing to change") : new WorkDecision.Edit(edit);
    }

    /// <summary>Why a model's text cannot be used, or null: too short or long, a refusal, a preamble, Markdown.</summary>
    public static string? Unusable(string text, int shortest, int longest) =>
        text.Length < shortest ? $"{text.Length} characters, fewer than {shortest}"
        : text.Length > longest ? $"{text.Length} characters, more than {longest}"
        : text.StartsWith("As an AI", StringComparison.OrdinalIgnoreCase) || text.StartsWith("I can't", StringComparison.OrdinalIgnoreCase)
          || text.StartsWith("I cannot", StringComparison.OrdinalIgnoreCase) ? "a refusal"
        : text.StartsWith("Sure", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Here is", StringComparison.OrdinalIgnoreCase)
          || text.StartsWith("Here's", StringComparison.OrdinalIgnoreCase) ? "a preamble"
        : text.Contains("```", StringComparison.Ordinal) || text.StartsWith('#') ? "Markdown"
        : null;

    private static string Shorten(string text, int most) => text.Length <= most ? text : text[..most] + "…";
}
