using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PositionGraphType : ObjectGraphType<PositionRecord>
{
    public PositionGraphType()
    {
        Name = "Position";
        Description = "One actor's stance on one target, proved by a sentence of a report.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Statement id, stable across re-ingestion.");
        Field<NonNullGraphType<ActorGraphType>>("actor")
            .Resolve(ctx => Loaders(ctx).Actors.Answer(ctx.Source.ActorId));
        Field(p => p.Stance, type: typeof(NonNullGraphType<StanceGraphType>));
        Field<NonNullGraphType<TargetInterfaceGraphType>>("target")
            .Resolve(ctx => Loaders(ctx).Targets.Answer(ctx.Source.TargetId));
        Field(p => p.Evidence).Description("The sentence that proves the position.");
        Field(p => p.EvidenceStart).Description("Character offset of the evidence in the report text.");
        Field(p => p.EvidenceLength);
        Field(p => p.Confidence);
        Field(p => p.Status, type: typeof(NonNullGraphType<StatementStatusGraphType>));
        Field(p => p.Date, type: typeof(DateGraphType)).Description("Date of the report.");
        Field<NonNullGraphType<ReportGraphType>>("report")
            .Resolve(ctx => Loaders(ctx).Reports.Answer(ctx.Source.ReportId));
    }

    private static GraphLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<GraphLoaders>();
}
