using System.Text.Json;

namespace NormsGraph.Storage.Neo4j;

/// <summary>One row of a Query API answer (plain JSON: strings, numbers, booleans, lists, maps, null), read by field name.</summary>
internal sealed class Neo4jRecord(IReadOnlyDictionary<string, int> fields, JsonElement[] values)
{
    public JsonElement this[string field] =>
        fields.TryGetValue(field, out var index) && index < values.Length
            ? values[index]
            : throw new Neo4jException(Neo4jErrorKind.Protocol, null, $"The answer has no field '{field}'.");

    public bool IsNull(string field) => this[field].ValueKind == JsonValueKind.Null;

    public string GetString(string field) => this[field] is { ValueKind: JsonValueKind.String } value
        ? value.GetString()!
        : throw Unexpected(field, "a string");

    public string? GetNullableString(string field) => IsNull(field) ? null : GetString(field);

    public int GetInt32(string field) => this[field] is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
        ? number
        : throw Unexpected(field, "a 32-bit integer");

    public double GetDouble(string field) => this[field] is { ValueKind: JsonValueKind.Number } value
        ? value.GetDouble()
        : throw Unexpected(field, "a number");

    public bool GetBoolean(string field) => this[field].ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Unexpected(field, "a boolean"),
    };

    public IReadOnlyList<string> GetStringList(string field) => this[field] switch
    {
        { ValueKind: JsonValueKind.Null } => [],
        { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().Select(item => item.GetString() ?? "")],
        _ => throw Unexpected(field, "a list of strings"),
    };

    public DateOnly? GetNullableDate(string field) =>
        StoredDates.Parse(GetNullableString(field));

    private static Neo4jException Unexpected(string field, string expected) =>
        new(Neo4jErrorKind.Protocol, null, $"Field '{field}' is not {expected}.");
}
