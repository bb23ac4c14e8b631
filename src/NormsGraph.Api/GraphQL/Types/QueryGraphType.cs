using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Field<NormGraphType>("norm")
            .Description("A norm by id, e.g. gge-13j or gcsc-1.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await TargetAsync(ctx, TargetKind.Norm));
        Field<TargetInterfaceGraphType>("target")
            .Description("Any norm, principle or proposal by id, e.g. p-intl-law.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await TargetAsync(ctx, kind: null));
        Field<ActorGraphType>("actor")
            .Description("An actor by id, e.g. access-now or usa.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<GraphLoaders>().Actors.Load(ctx.GetArgument<string>("id")));
        PositionArguments.Add(Field<NonNullGraphType<PositionConnectionGraphType>>("positions")
                .Description("Positions, filtered by target (norm, principle or proposal id), actor and stance; oldest report first."),
                includeTarget: true, includeActor: true)
            .ResolveAsync(async ctx =>
            {
                var page = await ctx.Store().FindPositionsAsync(PositionArguments.Read(ctx), ctx.CancellationToken);
                await PagePriming.PositionsAsync(ctx, page.Items);
                return page;
            });

        PagingArguments.Add(ListArguments.AddDatesAndProcess(Field<NonNullGraphType<ActorStanceConnectionGraphType>>("who")
                .Description("Who took a stance on a norm, principle or proposal: one entry per actor and stance, most statements first.")
                .Argument<NonNullGraphType<IdGraphType>>("norm", "Norm, principle or proposal id, e.g. gge-13j.")
                .Argument<StanceGraphType>("stance", "Only this stance; all four by default.")
                .Argument<ActorTypeGraphType>("actorType", "Only actors of this type, e.g. STATE or CIVIL_SOCIETY.")
                .Argument<FloatGraphType>("minConfidence", "Only statements extracted with at least this confidence (0 to 1).")))
            .ResolveAsync(async ctx =>
            {
                var (from, to) = ListArguments.Dates(ctx);
                var confidence = ctx.GetArgument<double?>("minConfidence");
                if (confidence is < 0 or > 1)
                {
                    throw new ExecutionError("'minConfidence' must be between 0 and 1.") { Code = "BAD_USER_INPUT" };
                }
                var page = await ctx.Store().FindPositionEdgesAsync(new PositionEdgeQuery(ctx.GetArgument<string>("norm"), null,
                    ctx.GetArgument<Stance?>("stance"), from, to, ctx.GetArgument<string?>("process"), ctx.GetArgument<ActorType?>("actorType"),
                    confidence, PagingArguments.First(ctx), PagingArguments.After(ctx)), ctx.CancellationToken);
                await PagePriming.StancesAsync(ctx, page.Items);
                return await KnownTargetAsync(ctx, page, page.TotalCount == 0);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelinePeriodGraphType>>>>("timeline")
            .Description("A target's timeline for charts: per period and stance, how many distinct actors and who joined. Dated reports only.")
            .Argument<NonNullGraphType<IdGraphType>>("norm", "Norm, principle or proposal id.")
            .Argument<GranularityGraphType>("granularity", "MONTH or YEAR (default).")
            .ResolveAsync(async ctx =>
            {
                var periods = await ctx.Store().GetTimelineAsync(ctx.GetArgument<string>("norm"), ctx.GetArgument("granularity", TimelineGranularity.Year),
                    ctx.CancellationToken);
                return await KnownTargetAsync(ctx, periods, periods.Count == 0);
            });
        PagingArguments.Add(Field<NonNullGraphType<AlignedActorConnectionGraphType>>("alignedActors")
                .Description("The actors whose positions are most like this actor's, most similar first.")
                .Argument<NonNullGraphType<IdGraphType>>("actor", "Actor id, e.g. chl."))
            .ResolveAsync(async ctx => await ctx.Store().FindAlignedActorsAsync(ctx.GetArgument<string>("actor"), PagingArguments.First(ctx),
                PagingArguments.After(ctx), ctx.CancellationToken));
        Field<NonNullGraphType<DisagreementGraphType>>("disagreement")
            .Description("Who stands on which side of a norm, principle or proposal.")
            .Argument<NonNullGraphType<IdGraphType>>("norm", "Norm, principle or proposal id.")
            .ResolveAsync(async ctx => await KnownTargetAsync(ctx, new Disagreement(ctx.GetArgument<string>("norm")), empty: true));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoalitionGraphType>>>>("coalitions")
            .Description("Actors taking a stance on a target grouped by actor type and by process, largest groups first.")
            .Argument<NonNullGraphType<IdGraphType>>("norm", "Norm, principle or proposal id.")
            .Argument<StanceGraphType>("stance", "SUPPORT by default.")
            .ResolveAsync(async ctx =>
            {
                var coalitions = await ctx.Store().GetCoalitionsAsync(ctx.GetArgument<string>("norm"), ctx.GetArgument("stance", Stance.Support),
                    ctx.CancellationToken);
                return await KnownTargetAsync(ctx, coalitions, coalitions.Count == 0);
            });
        PagingArguments.Add(Field<NonNullGraphType<SearchHitConnectionGraphType>>("search")
                .Description("Actors (names, aliases), norms, principles, proposals, processes and reports by words, best first.")
                .Argument<NonNullGraphType<StringGraphType>>("text", "Words to find; every word must match (as a prefix).")
                .Argument<ListGraphType<NonNullGraphType<SearchKindGraphType>>>("kinds", "Only these kinds of node; every kind when omitted, null or empty."))
            .ResolveAsync(async ctx =>
            {
                var text = ctx.GetArgument<string>("text");
                if (text.Length > 500)
                {
                    throw new ExecutionError("'text' must be at most 500 characters.") { Code = "BAD_USER_INPUT" };
                }
                var kinds = ctx.GetArgument<List<object>?>("kinds")?.Select(k => (string)k).ToList();
                // Snippets are built from each hit's text; only when the query reads them.
                return await ctx.Store().SearchAsync(new SearchQuery(text, kinds, PagingArguments.First(ctx), PagingArguments.After(ctx),
                    Snippets: SelectionLookahead.Selects(ctx, "snippet")), ctx.CancellationToken);
            });
        PagingArguments.Add(ListArguments.AddDatesAndProcess(Field<NonNullGraphType<ReportConnectionGraphType>>("reports")
                .Description("Reports, oldest first (undated last).")
                .Argument<IdGraphType>("actor", "Only reports with a statement by this actor.")))
            .ResolveAsync(async ctx => await ctx.Store().FindReportsAsync(ListArguments.Reports(ctx), ctx.CancellationToken));
        Field<ReportGraphType>("report")
            .Description("A report by id (its content hash).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.Loaders().Reports.Load(ctx.GetArgument<string>("id")));
        PagingArguments.Add(ListArguments.AddDatesAndProcess(Field<NonNullGraphType<EventConnectionGraphType>>("events")
                .Description("Events (sessions, meetings), oldest first (undated last).")
                .Argument<IdGraphType>("actor", "Only events this actor took part in: where a statement of theirs stands (not rejected).")))
            .ResolveAsync(async ctx => await ctx.Store().FindEventsAsync(ListArguments.Reports(ctx), ctx.CancellationToken));
        Field<NonNullGraphType<StatisticsGraphType>>("statistics")
            .Description($"Counts per label and relationship type (the whole graph), the most supported targets, the most active actors and activity per period (within from and to, when given). Counts {CostlyFields.Impact} against the complexity limit.")
            .WithComplexityImpact(CostlyFields.Impact)
            .Argument<GranularityGraphType>("granularity", "Period of the activity list: MONTH or YEAR (default).")
            .Argument<IntGraphType>("top", "Length of the ranked lists, 0 to 100; default 10.")
            .Argument<DateGraphType>("from", "Rank only statements of reports dated on or after this day, and list only periods from it.")
            .Argument<DateGraphType>("to", "Rank only statements of reports dated on or before this day, and list only periods up to it.")
            .ResolveAsync(async ctx =>
            {
                var (from, to) = ListArguments.Dates(ctx);
                var top = ctx.GetArgument("top", 10);
                if (top is < 0 or > PositionQuery.MaxPageSize)
                {
                    throw new ExecutionError($"'top' must be between 0 and {PositionQuery.MaxPageSize}.") { Code = "BAD_USER_INPUT" };
                }
                return await ctx.Store().GetGraphStatisticsAsync(ctx.GetArgument("granularity", TimelineGranularity.Year), top, from, to, ctx.CancellationToken);
            });
        PagingArguments.Add(Field<NonNullGraphType<AuditEntryConnectionGraphType>>("auditLog")
                .Description("Curation changes, oldest first.")
                .Argument<IdGraphType>("subject", "Only changes of this statement or actor, merges of other actors into it included."))
            .ResolveAsync(async ctx => await ctx.Store().GetAuditLogAsync(ctx.GetArgument<string?>("subject"), PagingArguments.First(ctx),
                PagingArguments.After(ctx), ctx.CancellationToken));
        Linking.LinkingFields.AddQueries(this);
        GraphViews.GraphViewField.AddTo(this);
    }

    // A norm id nobody knows is an error, not an empty answer: "nobody supported gge-13x" would read as a finding. Looked
    // up only when the answer is empty, so an answer with rows costs nothing more.
    private static async Task<T> KnownTargetAsync<T>(IResolveFieldContext context, T answer, bool empty)
    {
        var id = context.GetArgument<string>("norm");
        if (empty && await context.Loaders().Targets.Load(id).GetResultAsync(context.CancellationToken) is null)
        {
            throw new ExecutionError($"No norm, principle or proposal has the id '{id}'.") { Code = "NOT_FOUND" };
        }
        return answer;
    }

    private static async Task<Target?> TargetAsync(IResolveFieldContext context, TargetKind? kind)
    {
        var target = await context.RequestServices!.GetRequiredService<GraphLoaders>().Targets
            .Load(context.GetArgument<string>("id")).GetResultAsync(context.CancellationToken);
        return kind is null || target?.Kind == kind ? target : null;
    }
}
