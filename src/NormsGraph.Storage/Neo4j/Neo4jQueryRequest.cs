using System.Text.Json.Serialization;

namespace NormsGraph.Storage.Neo4j;

/// <summary>The body of a Query API request: one statement, its parameters, and bookmarks to wait for.</summary>
internal sealed record Neo4jQueryRequest(
    string Statement,
    IReadOnlyDictionary<string, object?> Parameters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Bookmarks);
