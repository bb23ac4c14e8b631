using GraphQL.Validation;
using GraphQLParser.AST;
using NormsGraph.Api.Security;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// The transport rules, checked on the whole request before any resolver runs (and on cached documents too): a key
/// nobody knows is refused; mutations only over POST and only with a key that can write; queries need a key only
/// when <see cref="ApiOptions.ReadsNeedKey"/> is set. Each error carries the HTTP status the endpoint answers with.
/// </summary>
internal sealed class TransportRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext is not RequestContext request || context.Operation is not { } operation)
        {
            return default;
        }
        var caller = request.Caller;
        if (caller.PresentedUnknownKey)
        {
            context.ReportError(new TransportError("UNAUTHENTICATED", StatusCodes.Status401Unauthorized, $"The {ApiKeyRing.Header} header holds no known key."));
        }
        else if (operation.Operation == OperationType.Mutation)
        {
            if (!HttpMethods.IsPost(request.HttpMethod))
            {
                context.ReportError(new TransportError("METHOD_NOT_ALLOWED", StatusCodes.Status405MethodNotAllowed, "Mutations must be sent with POST."));
            }
            else if (!caller.Can(ApiScopes.Write))
            {
                context.ReportError(caller.Authenticated
                    ? new TransportError("FORBIDDEN", StatusCodes.Status403Forbidden, $"The key '{caller.Name}' may not write; mutations need the write scope.")
                    : new TransportError("UNAUTHENTICATED", StatusCodes.Status401Unauthorized, $"Mutations need a key with the write scope in the {ApiKeyRing.Header} header."));
            }
        }
        else if (!caller.Can(ApiScopes.Read))
        {
            context.ReportError(new TransportError("UNAUTHENTICATED", StatusCodes.Status401Unauthorized, $"Queries need a key with the read scope in the {ApiKeyRing.Header} header."));
        }
        return default;
    }
}
