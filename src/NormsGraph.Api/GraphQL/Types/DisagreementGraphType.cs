using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class DisagreementGraphType : ObjectGraphType<Disagreement>
{
    public DisagreementGraphType()
    {
        Name = "Disagreement";
        Description = "The sides on a target, one connection per stance, most statements first (each side is who(norm, stance)).";
        Field<TargetInterfaceGraphType>("target").Resolve(ctx => ctx.Loaders().Targets.Load(ctx.Source.TargetId));
        Field<NonNullGraphType<BooleanGraphType>>("contested").Description("True when someone opposes what someone else supports or proposes.")
            .ResolveAsync(async ctx =>
            {
                async Task<bool> AnyAsync(Stance stance) => (await ctx.Store().FindPositionEdgesAsync(
                    new PositionEdgeQuery(ctx.Source.TargetId, Stance: stance, First: 0), ctx.CancellationToken)).TotalCount > 0;
                return await AnyAsync(Stance.Oppose) && (await AnyAsync(Stance.Support) || await AnyAsync(Stance.Propose));
            });
        Side("supporters", Stance.Support, "Actors who support it.");
        Side("proposers", Stance.Propose, "Actors who propose it.");
        Side("opponents", Stance.Oppose, "Actors who oppose it.");
        Side("concerned", Stance.Concern, "Actors who raised concern about it.");
    }

    private void Side(string name, Stance stance, string description) =>
        PagingArguments.Add(Field<NonNullGraphType<ActorStanceConnectionGraphType>>(name).Description(description))
            .ResolveAsync(async ctx => await ctx.Store().FindPositionEdgesAsync(new PositionEdgeQuery(ctx.Source.TargetId, Stance: stance,
                First: PagingArguments.First(ctx), After: PagingArguments.After(ctx)), ctx.CancellationToken));
}
