using System.Text.Json;
using System.Text.Json.Serialization;
using NormsGraph.Core.Domain;

namespace NormsGraph.Cli.Extract;

/// <summary>The JSON-lines contract of <c>extract --format jsonl</c> (DESIGN.md, "Contracts").</summary>
internal static class ExtractionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(string source, ReportGraph graph)
    {
        var targets = graph.Targets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var actors = graph.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var report = graph.Report;
        var line = new
        {
            source,
            report = new
            {
                id = report.Id,
                title = report.Title,
                date = IsoDate.Text(report.Date),
                format = EnumNames.ToSnakeCase(report.Format),
                extractorVersion = report.ExtractorVersion,
                @event = graph.Event?.Id,
                process = graph.Process?.Id,
            },
            actors = graph.Actors.Select(a => new { id = a.Id, name = a.Name, type = EnumNames.ToSnakeCase(a.Type), aliases = a.Aliases, curated = a.Curated }),
            positions = graph.Positions.Select(p => new
            {
                actor = p.ActorId,
                actorName = actors[p.ActorId].Name,
                stance = EnumNames.ToSnakeCase(p.Stance),
                target = p.TargetId,
                targetName = targets[p.TargetId].Name,
                targetKind = EnumNames.ToSnakeCase(targets[p.TargetId].Kind),
                evidence = p.Evidence,
                start = p.EvidenceStart,
                length = p.EvidenceLength,
                confidence = p.Confidence,
                mechanism = p.Mechanism,
                id = p.Id,
            }),
        };
        return JsonSerializer.Serialize(line, Options);
    }
}
