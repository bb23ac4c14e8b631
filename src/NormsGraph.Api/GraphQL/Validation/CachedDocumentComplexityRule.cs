using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// The depth and complexity limits, on cached documents too. GraphQL.NET's <c>AddComplexityAnalyzer</c> registers its
/// rule for new documents only, so a document cached after one cheap run (<c>first: $n</c> with <c>n = 1</c>) was
/// later executed with any <c>n</c> unchecked. An operation without variables always has the same complexity, so that
/// figure is kept with the parsed operation (a cached document keeps its instance) and not walked again.
/// </summary>
internal sealed class CachedDocumentComplexityRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Box> _fixed = [];

    protected override async ValueTask<(double TotalComplexity, int MaximumDepth)> CalculateComplexityAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation == OperationType.Subscription)
        {
            // The schema has no subscription type, which the analyzer cannot walk (it threw); TransportRule refuses these.
            return (0, 0);
        }
        if (operation.Variables is { Items.Count: > 0 })
        {
            return await base.CalculateComplexityAsync(context);
        }
        if (_fixed.TryGetValue(operation, out var known))
        {
            return known.Value;
        }
        var complexity = await base.CalculateComplexityAsync(context);
        _fixed.AddOrUpdate(operation, new Box(complexity));
        return complexity;
    }

    private sealed record Box((double TotalComplexity, int MaximumDepth) Value);
}
