using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Matching;

namespace NormsGraph.Api.GraphQL.Linking;

internal sealed class SimilarStatementGraphType : ObjectGraphType<StoredEvidence>
{
    public SimilarStatementGraphType()
    {
        Name = "SimilarStatement";
        Description = "A stored statement that resembles the one being linked.";
        Field<NonNullGraphType<IdGraphType>>("statement").Description("The statement (position) id.").Resolve(ctx => ctx.Source.StatementId);
        Field<NonNullGraphType<StringGraphType>>("evidence").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<ActorGraphType>>("actor").Resolve(ctx => Loaders(ctx).Actors.Load(ctx.Source.ActorId));
        Field<NonNullGraphType<ReportGraphType>>("report").Resolve(ctx => Loaders(ctx).Reports.Load(ctx.Source.ReportId));
        Field<NonNullGraphType<StatementStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
    }

    private static GraphLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<GraphLoaders>();
}
