using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// GraphQL.NET's validator, which remembers what an operation without variables gave once it passed: on the next
/// request for the same parsed operation (a cached document keeps its instances) only the <see cref="IRequestRule"/>s
/// run, and the argument values parsed then are handed out again. Every other rule's verdict on such an operation
/// depends on the document alone and was a pass; GraphQL.NET would still walk the whole document twice (once for the
/// rules, although none of the cached documents' rules visits it, and once to parse the arguments again): about 20 µs
/// of a supporters page's server CPU in a profile. An operation with variables is validated in full every time, since
/// its complexity and argument values change with them.
/// </summary>
internal sealed class KnownOperationValidator : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, IValidationResult> _passed = [];
    private long _rechecks;

    /// <summary>Validations that ran only the request rules on an operation that had passed before.</summary>
    public long Rechecks => Interlocked.Read(ref _rechecks);

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) =>
        WithoutVariables(options.Operation) && _passed.TryGetValue(options.Operation, out var passed)
            ? RecheckAsync(options, passed)
            : ValidateInFullAsync(options);

    private async Task<IValidationResult> ValidateInFullAsync(ValidationOptions options)
    {
        var result = await _validator.ValidateAsync(options);
        if (result.IsValid && WithoutVariables(options.Operation))
        {
            _passed.AddOrUpdate(options.Operation, Fresh(result));
        }
        return result;
    }

    private async Task<IValidationResult> RecheckAsync(ValidationOptions options, IValidationResult passed)
    {
        var context = new ValidationContext
        {
            Schema = options.Schema,
            Document = options.Document,
            Operation = options.Operation,
            UserContext = options.UserContext,
            Variables = options.Variables,
            Extensions = options.Extensions,
            Metrics = options.Metrics,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
        };
        foreach (var rule in options.Rules ?? [])
        {
            if (rule is IRequestRule && await rule.GetPreNodeVisitorAsync(context) is not null)
            {
                return await _validator.ValidateAsync(options);
            }
        }
        if (context.HasErrors)
        {
            return new ValidationResult(context.Errors);
        }
        Interlocked.Increment(ref _rechecks);
        return Fresh(passed);
    }

    private static bool WithoutVariables(GraphQLOperationDefinition operation) => operation.Variables is not { Items.Count: > 0 };

    // Execution may add entries to the argument and directive values (fields of the same name merged), so the copy kept
    // and each request's are dictionaries of their own; the values in them are only read.
    private static IValidationResult Fresh(IValidationResult passed) =>
        passed.ArgumentValues is null && passed.DirectiveValues is null
            ? passed
            : new ValidationResult(Array.Empty<ValidationError>())
            {
                Variables = passed.Variables,
                ArgumentValues = passed.ArgumentValues is { } arguments ? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(arguments) : null,
                DirectiveValues = passed.DirectiveValues is { } directives ? new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>(directives) : null,
            };
}
