using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NormsGraph.Api.GraphQL;

namespace NormsGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP, written by hand because GraphQL.Server is not available here. Follows the
/// GraphQL-over-HTTP draft: POST with a JSON body or GET with query parameters (queries only);
/// <c>application/graphql-response+json</c> when the client accepts it (request errors then give 400),
/// otherwise <c>application/json</c> with 200 for every well-formed request.
/// </summary>
internal static class GraphQLHttpHandler
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    private const string JsonMediaType = "application/json";

    public static async Task HandleAsync(
        HttpContext http,
        IDocumentExecuter<NormsGraphSchema> executer,
        IGraphQLTextSerializer serializer,
        IOptions<ApiOptions> options)
    {
        var mediaType = NegotiateMediaType(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, JsonMediaType, "NOT_ACCEPTABLE",
                $"Accept {JsonMediaType} or {GraphQLResponseMediaType}.");
            return;
        }
        var (request, problem) = HttpMethods.IsPost(http.Request.Method)
            ? await ReadPostAsync(http, serializer, options.Value.MaxRequestBytes)
            : ReadGet(http.Request, serializer);
        if (problem is not null)
        {
            await WriteErrorAsync(http, problem.Value.Status, mediaType, problem.Value.Code, problem.Value.Message);
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method) && IsMutation(request!))
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "METHOD_NOT_ALLOWED",
                "Mutations must be sent with POST.");
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
            UserContext = new Dictionary<string, object?> { [ApiKeyGate.UserContextKey] = http.Request.Headers["X-Api-Key"].FirstOrDefault() },
        });
        // With the new media type a request error (syntax, validation, bad variables) is a 400;
        // the legacy media type keeps 200 so older clients read the errors from the body.
        http.Response.StatusCode = mediaType == GraphQLResponseMediaType && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static string? NegotiateMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return JsonMediaType;
        }
        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1))
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
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, new HttpProblem(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request body is not valid JSON: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new HttpProblem(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {maxBytes} bytes."));
        }
        return Validate(request);
    }

    private static (GraphQLRequest?, HttpProblem?) ReadGet(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        Inputs? variables = null;
        if (http.Query.TryGetValue("variables", out var text) && !string.IsNullOrEmpty(text))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(text!);
            }
            catch (JsonException e)
            {
                return (null, new HttpProblem(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The 'variables' parameter is not valid JSON: {e.Message}"));
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

    private static bool IsMutation(GraphQLRequest request)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(request.Query!);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var selected = request.OperationName is null
                ? operations.FirstOrDefault()
                : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return selected?.Operation == OperationType.Mutation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // the executer reports the syntax error in the spec's shape
        }
    }

    private readonly record struct HttpProblem(int Status, string Code, string Message);

    private static async Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body,
            new { errors = new[] { new { message, extensions = new { code } } } }, cancellationToken: http.RequestAborted);
    }
}
