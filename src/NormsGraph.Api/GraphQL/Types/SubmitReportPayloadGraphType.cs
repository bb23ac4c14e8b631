using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class SubmitReportPayloadGraphType : ObjectGraphType<ApplyResult>
{
    public SubmitReportPayloadGraphType()
    {
        Name = "SubmitReportPayload";
        Field(r => r.ReportId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.Outcome, type: typeof(NonNullGraphType<ApplyOutcomeGraphType>));
        Field("actorCount", r => r.Actors).Description("Actors found in the report.");
        Field("positionCount", r => r.Positions).Description("Positions found in the report.");
        Field<ReportGraphType>("report")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<GraphLoaders>().Reports.Load(ctx.Source.ReportId));
    }
}
