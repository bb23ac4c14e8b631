using GraphQL.Validation;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// A validation rule whose verdict depends on the request (its HTTP method, its key), not only on the document and
/// its variables, so it runs on every request, even for an operation whose document has passed before
/// (<see cref="KnownOperationValidator"/>). It decides in <see cref="IValidationRule.GetPreNodeVisitorAsync"/> from the
/// request and the operation alone; one that returns a visitor gets the full validation.
/// </summary>
internal interface IRequestRule : IValidationRule;
