using GraphQL.Validation;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>A request refused by a transport rule: its code for <c>extensions.code</c> and its HTTP status.</summary>
internal sealed class TransportError : ValidationError, IHasHttpStatus
{
    public TransportError(string code, int httpStatus, string message) : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public int HttpStatus { get; }
}
