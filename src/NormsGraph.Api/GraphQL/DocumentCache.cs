using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace NormsGraph.Api.GraphQL;

/// <summary>
/// Parsed documents by query text, kept once they validated. A cached document skips parsing and the standard
/// validation (GraphQL.NET runs only the rules registered for cached documents, the transport rules among them),
/// which is most of what a small query costs. Bounded: when full it is cleared, which is cheap and keeps the
/// common case (dashboards repeating a few queries) fast without tracking recency.
/// </summary>
internal sealed class DocumentCache : IConfigureExecution
{
    private const int MaxEntries = 1_000;
    private const int MaxQueryLength = 64 * 1024;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public float SortOrder => 200;

    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= MaxQueryLength } query)
        {
            return await next(options);
        }
        if (_documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            return await next(options);
        }
        var result = await next(options);
        // Executed means parsing and validation passed (errors during execution do not make the document bad).
        if (result.Executed && result.Document is { } parsed)
        {
            if (_documents.Count >= MaxEntries)
            {
                _documents.Clear();
            }
            _documents.TryAdd(query, parsed);
        }
        return result;
    }
}
