using GraphQL;
using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>A derived position edge: one actor's stance on one target, how many statements back it, when, and the evidence.</summary>
internal sealed class ActorStanceGraphType : ObjectGraphType<PositionEdge>
{
    /// <summary>How many statements <c>evidence</c> gives when not told.</summary>
    public const int DefaultEvidence = 3;

    private const int MaxEvidence = 20;

    private static readonly Page<ReportSummary> NoReports = new([], 0, false, null, []);

    public ActorStanceGraphType()
    {
        Name = "ActorStance";
        Description = "One actor's stance on one target, with the number of statements behind it and the first and last report dates.";
        Field<NonNullGraphType<ActorGraphType>>("actor").Resolve(ctx => ctx.Loaders().Actors.Answer(ctx.Source.ActorId));
        Field<NonNullGraphType<TargetInterfaceGraphType>>("target").Resolve(ctx => ctx.Loaders().Targets.Load(ctx.Source.TargetId));
        Field(e => e.Stance, type: typeof(NonNullGraphType<StanceGraphType>));
        Field<NonNullGraphType<IntGraphType>>("statementCount").Description("Non-rejected statements (within the filters, when filtered).")
            .Resolve(ctx => ctx.Source.Statements);
        Field<DateGraphType>("firstDate").Description("Date of the earliest report with such a statement.").Resolve(ctx => ctx.Source.First);
        Field<DateGraphType>("lastDate").Resolve(ctx => ctx.Source.Last);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PositionGraphType>>>>("evidence")
            .Description($"The statements behind this stance (within the filters, when filtered), oldest first (at most {MaxEvidence}).")
            .Argument<IntGraphType>("first", $"How many, 0 to {MaxEvidence}; default {DefaultEvidence}.")
            .Resolve(ctx =>
            {
                var first = ctx.GetArgument("first", DefaultEvidence);
                if (!IsEvidenceSize(first))
                {
                    throw new ExecutionError($"'first' must be between 0 and {MaxEvidence}.") { Code = "BAD_USER_INPUT" };
                }
                // Batched: the edges of a page asking for the same number share one store call.
                return ctx.Loaders().Evidence(first).Answer(PositionEdgeKey.Of(ctx.Source), statements => statements ?? []);
            });
        // Batched: the edges of a page asking for the same page of reports share one store call.
        PagingArguments.Add(Field<NonNullGraphType<ReportConnectionGraphType>>("reports").Description("The reports with such a statement (within the filters, when filtered), oldest first (undated last)."))
            .Resolve(ctx => ctx.Loaders().StanceReports(PagingArguments.First(ctx), PagingArguments.After(ctx)).Load(PositionEdgeKey.Of(ctx.Source))
                .Then(page => page ?? NoReports));
    }

    /// <summary>Whether <c>evidence(first:)</c> accepts this size.</summary>
    public static bool IsEvidenceSize(int first) => first is >= 0 and <= MaxEvidence;
}
