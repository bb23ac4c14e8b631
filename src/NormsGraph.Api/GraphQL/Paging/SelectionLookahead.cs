using GraphQL;
using GraphQLParser.AST;

namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>
/// Whether a field's selection asks for a field of some name at any depth, through inline fragments and fragment
/// spreads, so a resolver can leave out what costs and nobody reads (a search's snippets). A field under
/// <c>@skip</c> or <c>@include</c> counts as asked for: the answer may then cost more, never lack anything.
/// </summary>
internal static class SelectionLookahead
{
    public static bool Selects(IResolveFieldContext context, string fieldName) =>
        Selects(context, context.FieldAst.SelectionSet, fieldName, depth: 0);

    private static bool Selects(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, string fieldName, int depth)
    {
        // The document passed validation (no fragment cycles); the bound only guards against a mistake here looping.
        if (selectionSet is null || depth > 32)
        {
            return false;
        }
        foreach (var selection in selectionSet.Selections)
        {
            var found = selection switch
            {
                GraphQLField field => field.Name.Value == fieldName || Selects(context, field.SelectionSet, fieldName, depth + 1),
                GraphQLInlineFragment inline => Selects(context, inline.SelectionSet, fieldName, depth + 1),
                GraphQLFragmentSpread spread => context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(f => f.FragmentName.Name.Value == spread.FragmentName.Name.Value) is { } definition
                    && Selects(context, definition.SelectionSet, fieldName, depth + 1),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }
        return false;
    }
}
