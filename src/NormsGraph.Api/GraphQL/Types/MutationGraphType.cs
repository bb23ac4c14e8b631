using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Validation;
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
            .Description("Ingests a report through the same validation and pipeline as the inbox; the audit log records who sent it.")
            .Argument<NonNullGraphType<SubmitReportInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var submission = new ReportSubmission(
                    (string)input["text"]!,
                    input.GetValueOrDefault("source") as string,
                    input.GetValueOrDefault("format") as ReportFormat?)
                {
                    SubmittedBy = RequestContext.CallerOf(ctx.UserContext).Name,
                };
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
            .Description("Curation: confirm or reject an extracted statement (recorded in the audit log). Rejected statements leave every answer.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StatementStatusGraphType>>("status")
            .ResolveAsync(async ctx =>
            {
                var action = ctx.GetArgument<StatementStatus>("status") switch
                {
                    StatementStatus.Confirmed => CurationAction.ConfirmStatement,
                    StatementStatus.Rejected => CurationAction.RejectStatement,
                    _ => throw new ExecutionError("A statement can be set CONFIRMED or REJECTED.") { Code = "BAD_USER_INPUT" },
                };
                await CurateAsync(ctx, action, ctx.GetArgument<string>("id"), null, "statement");
                return true;
            });
        Curation("confirmStatement", "Confirms an extracted statement.", CurationAction.ConfirmStatement, "statement");
        Curation("rejectStatement", "Rejects a statement: it leaves every answer but stays recorded, and stays rejected across re-ingestion.",
            CurationAction.RejectStatement, "statement");
        Curation("setStatementStance", "Gives a statement another stance; kept across re-ingestion.", CurationAction.SetStance, "statement",
            ("stance", typeof(NonNullGraphType<StanceGraphType>)));
        Curation("setStatementTarget", "Points a statement at another norm, principle or proposal; kept across re-ingestion.", CurationAction.SetTarget,
            "statement", ("target", typeof(NonNullGraphType<IdGraphType>)));
        Curation("mergeActors", "Merges an actor into another: statements and aliases move, and the old id resolves to the surviving actor.",
            CurationAction.MergeActors, "actor", ("into", typeof(NonNullGraphType<IdGraphType>)));
        Curation("addActorAlias", "Adds a name an actor is also known by.", CurationAction.AddAlias, "actor", ("alias", typeof(NonNullGraphType<StringGraphType>)));
        Curation("setActorType", "Sets an actor's type.", CurationAction.SetActorType, "actor", ("type", typeof(NonNullGraphType<ActorTypeGraphType>)));
        Linking.LinkingFields.AddMutations(this);
    }

    // One mutation per curation action: the subject's id, the new value where the action has one, the audit entry back.
    private void Curation(string name, string description, CurationAction action, string subject, (string Name, Type Type)? value = null)
    {
        var field = Field<NonNullGraphType<AuditEntryGraphType>>(name)
            .Description(description + " Needs a key with the write scope; returns the audit entry.")
            .Argument<NonNullGraphType<IdGraphType>>(subject == "statement" ? "id" : "actor", $"The {subject}'s id.");
        if (value is { } v)
        {
            field.Argument(v.Type, v.Name);
        }
        field.ResolveAsync(async ctx =>
        {
            var id = ctx.GetArgument<string>(subject == "statement" ? "id" : "actor");
            string? newValue = value?.Name switch
            {
                null => null,
                "stance" => EnumNames.ToSnakeCase(ctx.GetArgument<Stance>("stance")),
                "type" => EnumNames.ToSnakeCase(ctx.GetArgument<ActorType>("type")),
                var other => ctx.GetArgument<string>(other),
            };
            return await CurateAsync(ctx, action, id, newValue, subject);
        });
    }

    private static async Task<AuditEntry> CurateAsync(IResolveFieldContext ctx, CurationAction action, string id, string? value, string subject)
    {
        var who = RequestContext.CallerOf(ctx.UserContext).Name;
        var entry = await ctx.RequestServices!.GetRequiredService<IGraphStore>()
            .CurateAsync(new CurationRequest(action, id, value), who, ctx.CancellationToken);
        return entry ?? throw new ExecutionError($"No {subject} has the id '{id}'.") { Code = "NOT_FOUND" };
    }
}
