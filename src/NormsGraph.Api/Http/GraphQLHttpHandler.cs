using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NormsGraph.Api.GraphQL;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Api.Security;

namespace NormsGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP, written by hand because GraphQL.Server is not available here. Follows the
/// GraphQL-over-HTTP draft: POST with a JSON body or GET with query parameters (queries only);
/// <c>application/graphql-response+json</c> when the client accepts it (request errors then give 400),
/// otherwise <c>application/json</c> with 200 for every well-formed request. Transport rules (method, keys) are
/// GraphQL validation rules (<see cref="TransportRule"/>); an error of theirs sets the status (405, 401, 403).
/// A client that goes away mid-request is not an error of ours: the request just ends, logged at debug level.
/// </summary>
internal static class GraphQLHttpHandler
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public static async Task HandleAsync(
        HttpContext http,
        IDocumentExecuter<NormsGraphSchema> executer,
        IGraphQLTextSerializer serializer,
        IOptions<ApiOptions> options,
        ApiKeyRing keys,
        ILogger<NormsGraphSchema> logger)
    {
        try
        {
            await HandleRequestAsync(http, executer, serializer, options.Value, keys);
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested && e is OperationCanceledException or BadHttpRequestException or IOException)
        {
            Log.ClientDisconnected(logger, http.Request.Path, e.GetType().Name);
        }
    }

    private static async Task HandleRequestAsync(
        HttpContext http,
        IDocumentExecuter<NormsGraphSchema> executer,
        IGraphQLTextSerializer serializer,
        ApiOptions options,
        ApiKeyRing keys)
    {
        var mediaType = NegotiateMediaType(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, JsonMediaType, "NOT_ACCEPTABLE",
                $"Accept {JsonMediaType} or {GraphQLResponseMediaType}.");
            return;
        }
        var (request, problem) = HttpMethods.IsPost(http.Request.Method)
            ? await ReadPostAsync(http, serializer, options.MaxRequestBytes)
            : ReadGet(http.Request, serializer);
        if (problem is not null)
        {
            await WriteErrorAsync(http, problem.Value.Status, mediaType, problem.Value.Code, problem.Value.Message);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request!.Query,
            Variables = request.Variables,
            Extensions = request.Extensions,
            OperationName = request.OperationName,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            UserContext = new RequestContext(keys.Identify(http.Request.Headers[ApiKeyRing.Header].FirstOrDefault()), http.Request.Method),
        });
        // A transport rule's error decides the status under either media type. Otherwise, with the new media type a
        // request error (syntax, validation, bad variables) is a 400; the legacy one keeps 200 so older clients read the body.
        // Running out of time is the server's failure, not the request's: 504 rather than 400 under the new media type.
        var transport = result.Executed ? null : result.Errors?.OfType<IHasHttpStatus>().FirstOrDefault();
        var timedOut = result.Data is null && result.Errors?.Any(e => e.Code == "TIMEOUT") == true;
        http.Response.StatusCode = transport is not null ? transport.HttpStatus
            : mediaType == GraphQLResponseMediaType && timedOut ? StatusCodes.Status504GatewayTimeout
            : mediaType == GraphQLResponseMediaType && !result.Executed ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        if (transport?.HttpStatus == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }
        if (transport is not null)
        {
            // A refused caller hears only why: the other rules' errors ("Did you mean 'statistics'?") would map the schema
            // for someone introspection is closed to.
            result.Errors = [.. result.Errors!.Where(e => e is IHasHttpStatus)];
        }
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>The response media type the request accepts, preferring the GraphQL one; null when it accepts neither.</summary>
    public static string? NegotiateMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return JsonMediaType;
        }
        // q=0 means "not this one".
        foreach (var value in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var type = value.MediaType.Value;
            if (string.Equals(type, GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType;
            }
            if (string.Equals(type, JsonMediaType, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return JsonMediaType;
            }
        }
        return null;
    }

    private static async Task<(GraphQLRequest?, HttpProblem?)> ReadPostAsync(
        HttpContext http, IGraphQLTextSerializer serializer, long maxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new HttpProblem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"Send the request as {JsonMediaType}."));
        }
        var notARequest = new HttpProblem(StatusCodes.Status400BadRequest, "INVALID_REQUEST",
            "The request body must be a JSON object: {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}.");
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException e) when (!IsSyntaxError(e))
        {
            // Valid JSON of the wrong shape: the serializer's message would name .NET types.
            return (null, notARequest);
        }
        catch (JsonException e)
        {
            return (null, new HttpProblem(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request body is not valid JSON{Where(e)}."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new HttpProblem(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {maxBytes} bytes."));
        }
        catch (BadHttpRequestException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // A body cut short or malformed at the HTTP level (the client is still there to read the answer).
            return (null, new HttpProblem(StatusCodes.Status400BadRequest, "BAD_REQUEST", e.Message));
        }
        // A body of `null` reads as no request at all: it is valid JSON that is not a request object, not one without a query.
        return request is null ? (null, notARequest) : Validate(request);
    }

    // Where the reader stopped, in the caller's terms: System.Text.Json's own message names its reader's internals.
    private static string Where(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : "";

    // System.Text.Json reports broken JSON with its reader's exception (an internal type, hence the name), itself or inside
    // the serializer's, and bytes that are not UTF-8 inside a string with the transcoder's; anything else is JSON that does
    // not make a request.
    private static bool IsSyntaxError(JsonException e) =>
        e.GetType().Name == "JsonReaderException" || e.InnerException?.GetType().Name == "JsonReaderException"
        || e.InnerException is System.Text.DecoderFallbackException || e.InnerException?.InnerException is System.Text.DecoderFallbackException;

    private static (GraphQLRequest?, HttpProblem?) ReadGet(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        Inputs? variables = null;
        if (http.Query.TryGetValue("variables", out var text) && !string.IsNullOrEmpty(text))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(text!);
            }
            catch (JsonException e) when (IsSyntaxError(e))
            {
                return (null, new HttpProblem(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The 'variables' parameter is not valid JSON{Where(e)}."));
            }
            catch (JsonException)
            {
                return (null, new HttpProblem(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The 'variables' parameter must be a JSON object."));
            }
        }
        return Validate(new GraphQLRequest
        {
            Query = http.Query["query"].FirstOrDefault(),
            OperationName = http.Query["operationName"].FirstOrDefault(),
            Variables = variables,
        });
    }

    private static (GraphQLRequest?, HttpProblem?) Validate(GraphQLRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Query)
            ? (null, new HttpProblem(StatusCodes.Status400BadRequest, "MISSING_QUERY", "The request has no 'query'."))
            : (request, null);

    private readonly record struct HttpProblem(int Status, string Code, string Message);

    private static async Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body,
            ErrorBody.Of(message, code), cancellationToken: http.RequestAborted);
    }
}
