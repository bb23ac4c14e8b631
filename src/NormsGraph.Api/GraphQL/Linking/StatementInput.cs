using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>What an analyst files with addStatement.</summary>
internal sealed record StatementInput(
    string Text,
    string Speaker,
    DateOnly? Date,
    string? Event,
    string? Source,
    IReadOnlyList<string>? Targets,
    Stance Stance);
