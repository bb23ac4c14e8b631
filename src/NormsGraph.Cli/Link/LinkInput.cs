using System.Text.Json;
using NormsGraph.Core.Text;

namespace NormsGraph.Cli.Link;

/// <summary>
/// Reads <c>{"id", "text"}</c> JSON lines; a bad line (not JSON, no text, an id that is not a string or a number, an id
/// already used) is reported by number and skipped. A line without an id is known by its line number.
/// </summary>
internal static class LinkInput
{
    public static List<LinkStatement> Read(TextReader reader, TextWriter errors, out int bad)
    {
        var statements = new List<LinkStatement>();
        bad = 0;
        var number = 0;
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || !StatementText.HasWords(text.GetString()))
                {
                    errors.WriteLine($"normsgraph: line {number}: expected an object with a \"text\" that has words.");
                    bad++;
                    continue;
                }
                string id;
                if (!root.TryGetProperty("id", out var idValue) || idValue.ValueKind == JsonValueKind.Null)
                {
                    id = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    id = idValue.ToString();
                }
                else
                {
                    // Putting the line number in its place would answer under an id the caller never sent.
                    errors.WriteLine($"normsgraph: line {number}: \"id\" must be a string or a number, not {idValue.ValueKind.ToString().ToLowerInvariant()}.");
                    bad++;
                    continue;
                }
                if (!firstLine.TryAdd(id, number))
                {
                    // Two answers under one id cannot be told apart by whoever reads the output.
                    errors.WriteLine($"normsgraph: line {number}: id '{id}' was already used on line {firstLine[id]}; this line is skipped.");
                    bad++;
                    continue;
                }
                statements.Add(new LinkStatement(id, text.GetString()!));
            }
            catch (JsonException e)
            {
                errors.WriteLine($"normsgraph: line {number}: not JSON ({e.Message}).");
                bad++;
            }
        }
        return statements;
    }
}
