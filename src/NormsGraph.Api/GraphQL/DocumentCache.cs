using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Api.Security;

namespace NormsGraph.Api.GraphQL;

/// <summary>
/// Parsed documents by query text, kept once they validated. A cached document skips parsing and the standard
/// validation: on a hit the validation rules become the ones registered for cached documents (the transport rules,
/// the depth and complexity limits and, outside Development, the no-introspection rule), which is most of what a small
/// query costs. Setting only
/// <see cref="ExecutionOptions.Document"/> is not enough: GraphQL.NET then still runs every standard rule on it.
/// Bounded: when full it is cleared, which is cheap and keeps the common case (dashboards repeating a few queries)
/// fast without tracking recency. A new document is parsed here and held to <see cref="DocumentLimits"/> before
/// GraphQL.NET validates it.
/// </summary>
internal sealed class DocumentCache(IDocumentBuilder parser, IOptions<ApiOptions> options) : IConfigureExecution
{
    private const int MaxEntries = 1_000;
    private const int MaxQueryLength = 64 * 1024;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly int _maxFields = options.Value.MaxFields;

    public float SortOrder => 200;

    private long _hits;

    public int Count => _documents.Count;

    /// <summary>Executions that took a cached document (and so skipped parsing and the standard rules).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }
        if (_documents.TryGetValue(query, out var document))
        {
            // The rule configurations sort before this cache, so both lists are complete here.
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            Interlocked.Increment(ref _hits);
            return await next(options);
        }
        // A new document is parsed here so its size is bounded before GraphQL.NET validates it (DocumentLimits); one
        // that does not parse goes on as text, so GraphQL.NET reports the syntax error as it always does.
        if (Parse(query) is { } parsed)
        {
            if (DocumentLimits.Check(parsed, _maxFields) is { } problem)
            {
                return new ExecutionResult { Errors = [new ExecutionError(problem) { Code = "QUERY_TOO_COMPLEX" }] };
            }
            options.Document = parsed;
        }
        var result = await next(options);
        // Executed means parsing and validation passed (errors during execution do not make the document bad).
        if (result.Executed && result.Document is { } valid && query.Length <= MaxQueryLength)
        {
            if (_documents.Count >= MaxEntries)
            {
                _documents.Clear();
            }
            _documents.TryAdd(query, valid);
        }
        return result;
    }

    private GraphQLDocument? Parse(string query)
    {
        try
        {
            return parser.Build(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
    }
}
