using GraphQL;
using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ActorGraphType : ObjectGraphType<Actor>
{
    public ActorGraphType()
    {
        Name = "Actor";
        Description = "A stakeholder: a state, organisation, company, UN body, process or panel.";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.Name);
        Field(a => a.Type, type: typeof(NonNullGraphType<ActorTypeGraphType>));
        Field(a => a.Aliases);
        Field(a => a.Curated).Description("True for taxonomy actors, false for actors found in text.");
        PositionArguments.Add(Field<NonNullGraphType<PositionConnectionGraphType>>("positions")
                .Description("Positions this actor took, oldest report first."), includeTarget: true, includeActor: false)
            .Resolve(ctx => PositionArguments.Resolve(ctx, PositionAnchor.Actor, ctx.Source.Id));
        PagingArguments.Add(Field<NonNullGraphType<ActorStanceConnectionGraphType>>("stances")
                .Description("Everything this actor said, grouped by target and stance, with counts, first and last dates, evidence and reports.")
                .Argument<StanceGraphType>("stance"))
            .Resolve(ctx =>
            {
                var stance = ctx.GetArgument<Stance?>("stance");
                var after = PagingArguments.After(ctx);
                if (after is null)
                {
                    // Batched: the actors of a list (who, alignment, coalitions) asking for the same first page share one store call.
                    return ctx.Loaders().ActorStances(stance, PagingArguments.First(ctx)).Load(ctx.Source.Id);
                }
                var query = new PositionEdgeQuery(ActorId: ctx.Source.Id, Stance: stance, First: PagingArguments.First(ctx), After: after);
                var store = ctx.Store();
                return LoaderResultExtensions.Call(ct => store.FindPositionEdgesAsync(query, ct));
            });
    }
}
