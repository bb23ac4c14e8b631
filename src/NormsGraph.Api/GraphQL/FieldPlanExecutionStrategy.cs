using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NormsGraph.Api.GraphQL;

/// <summary>
/// GraphQL.NET's parallel strategy, except that the fields an object node selects are collected once per selection set
/// and object type, not again for every object of a page (20 supporters are 60 object nodes with the same three selection
/// sets). The plan is kept with the parsed selection set, which lives as long as the cached document.
/// A selection set is planned only when collecting it depends on nothing but the document and the type:
/// <list type="bullet">
/// <item>no directive on its fields or fragments, since <c>@skip</c> and <c>@include</c> depend on variables;</item>
/// <item>no two fields under one response key, since GraphQL.NET merges those into a new field per request and files that
/// request's argument values under it.</item>
/// </list>
/// Anything else is collected by GraphQL.NET as before.
/// </summary>
internal sealed class FieldPlanExecutionStrategy : ParallelExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLSelectionSet, ConcurrentDictionary<IGraphType, FieldPlan?>> _plans = [];
    private int _collections;

    /// <summary>How many times fields were collected from a selection set, for a plan or not; tests use it to prove reuse.</summary>
    public int Collections => _collections;

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (parent.SelectionSet is not { } selectionSet || type is null || Plan(context, type, selectionSet) is not { } plan)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        var nodes = new ExecutionNode[plan.Fields.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var (field, definition) = plan.Fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = nodes;
    }

    protected override Dictionary<string, (GraphQLField field, FieldType fieldType)> CollectFieldsFrom(ExecutionContext context, IGraphType specificType,
        GraphQLSelectionSet selectionSet, Dictionary<string, (GraphQLField field, FieldType fieldType)>? fields)
    {
        Interlocked.Increment(ref _collections);
        return base.CollectFieldsFrom(context, specificType, selectionSet, fields);
    }

    // The selection set of a merged field is made anew on every request: its plan goes with it.
    private FieldPlan? Plan(ExecutionContext context, IGraphType type, GraphQLSelectionSet selectionSet)
    {
        var byType = _plans.GetValue(selectionSet, static _ => new());
        return byType.TryGetValue(type, out var plan) ? plan : byType.GetOrAdd(type, MakePlan(context, type, selectionSet));
    }

    private FieldPlan? MakePlan(ExecutionContext context, IGraphType type, GraphQLSelectionSet selectionSet)
    {
        var written = new HashSet<GraphQLField>(ReferenceEqualityComparer.Instance);
        if (!WithoutDirectives(context.Document, selectionSet, written, []))
        {
            return null;
        }
        var collected = CollectFieldsFrom(context, type, selectionSet, null);
        // A merged field is a new one GraphQL.NET made for this request; it is not in the document.
        if (!collected.Values.All(f => written.Contains(f.field)))
        {
            return null;
        }
        return new FieldPlan([.. collected.Values]);
    }

    // Gathers into `fields` every field the selection set collects from, through fragments; false as soon as one of
    // them, or a fragment on the way, carries a directive.
    private static bool WithoutDirectives(GraphQLDocument document, GraphQLSelectionSet selectionSet, HashSet<GraphQLField> fields,
        HashSet<string> spreads)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var fine = selection switch
            {
                GraphQLField field => field.Directives is null && fields.Add(field),
                GraphQLInlineFragment inline => inline.Directives is null && WithoutDirectives(document, inline.SelectionSet, fields, spreads),
                GraphQLFragmentSpread spread => spread.Directives is null
                    && (!spreads.Add(spread.FragmentName.Name.StringValue)
                        || document.FindFragmentDefinition(spread.FragmentName.Name) is not { } fragment
                        || (fragment.Directives is null && WithoutDirectives(document, fragment.SelectionSet, fields, spreads))),
                _ => false,
            };
            if (!fine)
            {
                return false;
            }
        }
        return true;
    }

    private sealed record FieldPlan((GraphQLField field, FieldType fieldType)[] Fields);
}
