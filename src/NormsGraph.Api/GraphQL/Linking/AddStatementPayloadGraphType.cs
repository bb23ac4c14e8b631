using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Linking;

internal sealed class AddStatementPayloadGraphType : ObjectGraphType<FiledStatement>
{
    public AddStatementPayloadGraphType()
    {
        Name = "AddStatementPayload";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("statementIds")
            .Description("One confirmed statement per target, in the order of targets.").Resolve(ctx => ctx.Source.StatementIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetInterfaceGraphType>>>>("targets")
            .ResolveAsync(async ctx =>
            {
                var targets = await ctx.RequestServices!.GetRequiredService<IGraphStore>().GetTargetsAsync(ctx.Source.TargetIds, ctx.CancellationToken);
                return ctx.Source.TargetIds.Where(targets.ContainsKey).Select(id => targets[id]).ToList();
            });
        Field<NonNullGraphType<ReportGraphType>>("report").Resolve(ctx => Loaders(ctx).Reports.Load(ctx.Source.ReportId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NormMatchGraphType>>>>("matches")
            .Description("The matches the targets were chosen from, when none were given.")
            .Resolve(ctx => ctx.Source.Matches.Select(m => new NormMatch(m, null)).ToList());
    }

    private static GraphLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<GraphLoaders>();
}
