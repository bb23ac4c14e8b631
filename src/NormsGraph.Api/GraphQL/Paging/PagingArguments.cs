using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>The <c>first</c> and <c>after</c> arguments of every list, and their checks: <c>first</c> is 0 to 100 everywhere.</summary>
internal static class PagingArguments
{
    public static FieldBuilder<TSource, TReturn> Add<TSource, TReturn>(FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", $"Page size, 0 to {PositionQuery.MaxPageSize}; default {PositionQuery.DefaultPageSize}.")
        .Argument<StringGraphType>("after", "Cursor of the last edge of the previous page (pageInfo.endCursor).");

    public static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument("first", PositionQuery.DefaultPageSize);
        return first is < 0 or > PositionQuery.MaxPageSize
            ? throw new ExecutionError($"'first' must be between 0 and {PositionQuery.MaxPageSize}.") { Code = "BAD_USER_INPUT" }
            : first;
    }

    public static string? After(IResolveFieldContext context) => context.GetArgument<string?>("after");
}
