using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>The filters of the report and event lists and of "who", and their checks.</summary>
internal static class ListArguments
{
    public static FieldBuilder<TSource, TReturn> AddDatesAndProcess<TSource, TReturn>(FieldBuilder<TSource, TReturn> field) => field
        .Argument<DateGraphType>("from", "Only reports dated on or after this day.")
        .Argument<DateGraphType>("to", "Only reports dated on or before this day.")
        .Argument<IdGraphType>("process", "Only events of this process, e.g. oewg-2021-2025.");

    public static ReportQuery Reports(IResolveFieldContext context)
    {
        var (from, to) = Dates(context);
        return new ReportQuery(from, to, context.GetArgument<string?>("process"), context.GetArgument<string?>("actor"),
            PagingArguments.First(context), PagingArguments.After(context));
    }

    public static (DateOnly? From, DateOnly? To) Dates(IResolveFieldContext context)
    {
        var from = context.GetArgument<DateOnly?>("from");
        var to = context.GetArgument<DateOnly?>("to");
        return from > to
            ? throw new ExecutionError("'from' must not be after 'to'.") { Code = "BAD_USER_INPUT" }
            : (from, to);
    }
}
