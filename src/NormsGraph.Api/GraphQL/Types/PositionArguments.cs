using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>The filter and paging arguments every positions field takes, and their checks.</summary>
internal static class PositionArguments
{
    public static FieldBuilder<TSource, TReturn> Add<TSource, TReturn>(FieldBuilder<TSource, TReturn> field, bool includeTarget, bool includeActor)
    {
        if (includeTarget)
        {
            field.Argument<IdGraphType>("norm", "Norm, principle or proposal id, e.g. gge-13j.");
        }
        if (includeActor)
        {
            field.Argument<IdGraphType>("actor", "Actor id, e.g. access-now.");
        }
        return field
            .Argument<StanceGraphType>("stance")
            .Argument<FloatGraphType>("minConfidence", "Only statements whose calibrated confidence is at least this (0 to 1).")
            .Argument<IntGraphType>("first", $"Page size, 0 to {PositionQuery.MaxPageSize}; default {PositionQuery.DefaultPageSize}.")
            .Argument<StringGraphType>("after", "Cursor of the last edge of the previous page.");
    }

    public static PositionQuery Read(IResolveFieldContext context)
    {
        var first = PagingArguments.First(context);
        var minConfidence = context.GetArgument<double?>("minConfidence");
        if (minConfidence is < 0 or > 1)
        {
            throw new ExecutionError("'minConfidence' must be between 0 and 1.") { Code = "BAD_USER_INPUT" };
        }
        var after = context.GetArgument<string?>("after");
        if (after is not null)
        {
            // A bad cursor throws ArgumentException, which the executer's mapping answers as BAD_USER_INPUT in the caller's words.
            PositionCursor.Decode(after);
        }
        return new PositionQuery(
            context.GetArgument<string?>("norm"),
            context.GetArgument<string?>("actor"),
            context.GetArgument<Stance?>("stance"),
            first,
            after,
            MinConfidence: minConfidence);
    }

    /// <summary>
    /// The positions field of an actor, a target or a report (<paramref name="anchor"/>, id <paramref name="id"/>): the
    /// first page batched, so the parents of a list asking for the same filter share one store call; a later page a call
    /// of its own.
    /// </summary>
    public static IDataLoaderResult Resolve(IResolveFieldContext context, PositionAnchor anchor, string id)
    {
        var query = Read(context);
        if (query.After is null)
        {
            return context.Loaders().PositionPages(anchor, query).Load(id);
        }
        var store = context.Store();
        var page = anchor switch
        {
            PositionAnchor.Actor => query with { ActorId = id },
            PositionAnchor.Target => query with { TargetId = id },
            _ => query with { ReportId = id },
        };
        return LoaderResultExtensions.Call(ct => store.FindPositionsAsync(page, ct));
    }
}
