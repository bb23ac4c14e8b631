using GraphQL.Validation;
using GraphQLParser.AST;
using NormsGraph.Api.Security;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// The transport rules, checked on the whole request before any resolver runs (and on cached documents too): a
/// subscription is refused (the schema has none); a key nobody knows is refused; mutations only over POST and only with
/// a key that can write; queries need a key only when <see cref="ApiOptions.ReadsNeedKey"/> is set. Each refusal
/// (<see cref="ApiCaller.Refusal"/>) carries the HTTP status the endpoint answers with.
/// </summary>
internal sealed class TransportRule : ValidationRuleBase, IRequestRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext is not RequestContext request || context.Operation is not { } operation)
        {
            return default;
        }
        if (operation.Operation == OperationType.Subscription)
        {
            context.ReportError(new ValidationError("Subscriptions are not supported: this API answers queries and mutations.") { Code = "SUBSCRIPTIONS_NOT_SUPPORTED" });
            return default;
        }
        var caller = request.Caller;
        var mutation = operation.Operation == OperationType.Mutation;
        var refusal = mutation && !caller.PresentedUnknownKey && !HttpMethods.IsPost(request.HttpMethod)
            ? new AccessRefusal(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Mutations must be sent with POST.")
            : mutation ? caller.Refusal(ApiScopes.Write, "Mutations") : caller.Refusal(ApiScopes.Read, "Queries");
        if (refusal is not null)
        {
            context.ReportError(new TransportError(refusal.Code, refusal.Status, refusal.Message));
        }
        return default;
    }
}
