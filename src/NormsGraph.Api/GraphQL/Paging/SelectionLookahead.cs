using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;

namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>
/// What a field's selection asks for, read before its resolver answers, through inline fragments and fragment spreads:
/// so a resolver can leave out what costs and nobody reads (a search's snippets), or load at once what its nodes will
/// ask for (<see cref="Loading.PagePriming"/>). A field under <c>@skip</c> or <c>@include</c> counts as asked for:
/// the answer may then cost more, never lack anything.
/// </summary>
internal static class SelectionLookahead
{
    // The document passed validation (no fragment cycles); the bound only guards against a mistake here looping.
    private const int MaxDepth = 32;

    /// <summary>Whether the selection asks for a field of this name at any depth.</summary>
    public static bool Selects(IResolveFieldContext context, string fieldName) =>
        Selects(context, context.FieldAst.SelectionSet, fieldName, depth: 0);

    /// <summary>
    /// The fields a connection's nodes select, under <c>nodes { … }</c> or <c>edges { node { … } }</c>, one entry per
    /// selection (an aliased field twice: <c>a: evidence(first: 1) b: evidence(first: 5)</c>).
    /// </summary>
    public static List<GraphQLField> NodeFields(IResolveFieldContext context)
    {
        var found = new List<GraphQLField>();
        foreach (var field in Fields(context, context.FieldAst.SelectionSet, depth: 0))
        {
            if (field.Name.Value == "nodes")
            {
                found.AddRange(Fields(context, field.SelectionSet, depth: 0));
            }
            else if (field.Name.Value == "edges")
            {
                foreach (var node in Fields(context, field.SelectionSet, depth: 0).Where(f => f.Name.Value == "node"))
                {
                    found.AddRange(Fields(context, node.SelectionSet, depth: 0));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// An argument of a field found by <see cref="NodeFields"/> as validation coerced it for this request (variables
    /// included); false when the request does not give it.
    /// </summary>
    public static bool TryGetArgument(IResolveFieldContext context, GraphQLField field, string argumentName, out object? value)
    {
        value = null;
        if (context.ExecutionContext.ArgumentValues is { } all && all.TryGetValue(field, out var arguments) && arguments.TryGetValue(argumentName, out var argument))
        {
            value = argument.Value;
            return true;
        }
        return false;
    }

    private static bool Selects(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, string fieldName, int depth) =>
        depth <= MaxDepth && Fields(context, selectionSet, depth)
            .Any(field => field.Name.Value == fieldName || Selects(context, field.SelectionSet, fieldName, depth + 1));

    // The fields of one selection set, with those of its fragments in place.
    private static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, int depth)
    {
        if (selectionSet is null || depth > MaxDepth)
        {
            yield break;
        }
        foreach (var selection in selectionSet.Selections)
        {
            var inner = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(context, inline.SelectionSet, depth + 1),
                GraphQLFragmentSpread spread => context.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } definition
                    ? Fields(context, definition.SelectionSet, depth + 1)
                    : [],
                _ => [],
            };
            foreach (var field in inner)
            {
                yield return field;
            }
        }
    }
}
