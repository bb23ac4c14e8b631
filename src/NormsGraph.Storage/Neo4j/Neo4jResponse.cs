using System.Net;
using System.Text.Json;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// A Query API answer: <c>data</c> (<c>fields</c> and <c>values</c>, one array per row), <c>errors</c>
/// (<c>code</c>, <c>message</c>) and <c>bookmarks</c> (the state the request's transaction left).
/// </summary>
internal sealed record Neo4jResponse(
    Neo4jResult Result,
    IReadOnlyList<(string Code, string Message)> Errors,
    IReadOnlyList<string> Bookmarks)
{
    /// <summary>Parses an answer; a failed one (status 300 or more, or any <c>errors</c>) throws <see cref="Neo4jException"/>.</summary>
    public static Neo4jResponse Parse(HttpStatusCode status, byte[] body)
    {
        Neo4jResponse response;
        try
        {
            response = body.Length == 0 ? new(Neo4jResult.Empty, [], []) : Read(body);
        }
        catch (JsonException e)
        {
            var kind = (int)status >= 300 ? Neo4jErrors.Classify(status, null) : Neo4jErrorKind.Protocol;
            throw new Neo4jException(kind, null, $"Neo4j answered HTTP {(int)status} with a body that is not the Query API's JSON.{Hint(kind)}",
                (int)status, e);
        }
        if (response.Errors.Count > 0)
        {
            var (code, message) = response.Errors[0];
            var more = response.Errors.Count > 1 ? $" (and {response.Errors.Count - 1} more errors)" : "";
            throw new Neo4jException(Neo4jErrors.Classify(status, code), code, message + more, (int)status);
        }
        if ((int)status >= 300)
        {
            var kind = Neo4jErrors.Classify(status, null);
            throw new Neo4jException(kind, null, $"Neo4j answered HTTP {(int)status}.{Hint(kind)}", (int)status);
        }
        return response;
    }

    // An answer that is not the Query API's usually means the address points somewhere else.
    private static string Hint(Neo4jErrorKind kind) => kind == Neo4jErrorKind.Protocol
        ? " Check that Neo4j:Uri is the server's HTTP address (port 7474, not bolt) and that Neo4j:Database exists."
        : "";

    private static Neo4jResponse Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The answer is not a JSON object.");
        }
        var errors = new List<(string, string)>();
        if (root.TryGetProperty("errors", out var errorList) && errorList.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errorList.EnumerateArray())
            {
                errors.Add((Text(error, "code") ?? "", Text(error, "message") ?? ""));
            }
        }
        var bookmarks = root.TryGetProperty("bookmarks", out var marks) && marks.ValueKind == JsonValueKind.Array
            ? marks.EnumerateArray().Select(m => m.GetString()).OfType<string>().ToList()
            : [];
        return new Neo4jResponse(ReadData(root), errors, bookmarks);
    }

    private static Neo4jResult ReadData(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return Neo4jResult.Empty;
        }
        var fields = data.TryGetProperty("fields", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString() ?? "").ToList()
            : [];
        var index = fields.Select((name, i) => (name, i)).ToDictionary(f => f.name, f => f.i, StringComparer.Ordinal);
        var records = new List<Neo4jRecord>();
        if (data.TryGetProperty("values", out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in rows.EnumerateArray())
            {
                // Clone: the rows outlive the document they were parsed from.
                records.Add(new Neo4jRecord(index, row.ValueKind == JsonValueKind.Array
                    ? [.. row.EnumerateArray().Select(v => v.Clone())]
                    : [row.Clone()]));
            }
        }
        return new Neo4jResult(fields, records);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
