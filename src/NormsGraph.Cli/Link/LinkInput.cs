using System.Text.Json;

namespace NormsGraph.Cli.Link;

/// <summary>Reads <c>{"id", "text"}</c> JSON lines; a bad line is reported by number and skipped.</summary>
internal static class LinkInput
{
    public static List<LinkStatement> Read(TextReader reader, TextWriter errors, out int bad)
    {
        var statements = new List<LinkStatement>();
        bad = 0;
        var number = 0;
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
                    || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
                {
                    errors.WriteLine($"normsgraph: line {number}: expected an object with a non-empty \"text\".");
                    bad++;
                    continue;
                }
                var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? idValue.ToString()
                    : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
