using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<SubmitReportPayloadGraphType>>("submitReport")
            .Description("Ingests a report through the same validation and pipeline as the inbox.")
            .Argument<NonNullGraphType<SubmitReportInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                ApiKeyGate.Require(ctx);
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var submission = new ReportSubmission(
                    (string)input["text"]!,
                    input.GetValueOrDefault("source") as string,
                    input.GetValueOrDefault("format") as ReportFormat?);
                IngestionResult result;
                try
                {
                    result = await ctx.RequestServices!.GetRequiredService<ReportPipeline>().IngestAsync(submission, ctx.CancellationToken);
                }
                catch (StoreUnavailableException e)
                {
                    throw new ExecutionError($"The store is unavailable; nothing was stored. {e.Message}") { Code = "STORE_UNAVAILABLE" };
                }
                if (!result.Succeeded)
                {
                    foreach (var error in result.Errors.Skip(1))
                    {
                        ctx.Errors.Add(new ExecutionError(error.Message) { Code = error.Code });
                    }
                    throw new ExecutionError(result.Errors[0].Message) { Code = result.Errors[0].Code };
                }
                return result.Applied;
            });
        Field<NonNullGraphType<BooleanGraphType>>("setStatementStatus")
            .Description("Curation: confirm or reject an extracted statement. Rejected statements leave position queries.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StatementStatusGraphType>>("status")
            .ResolveAsync(async ctx =>
            {
                ApiKeyGate.Require(ctx);
                var found = await ctx.RequestServices!.GetRequiredService<IGraphStore>().SetStatementStatusAsync(
                    ctx.GetArgument<string>("id"), ctx.GetArgument<StatementStatus>("status"), ctx.CancellationToken);
                return found ? true : throw new ExecutionError($"No statement has the id '{ctx.GetArgument<string>("id")}'.") { Code = "NOT_FOUND" };
            });
        Linking.LinkingFields.AddMutations(this);
    }
}
