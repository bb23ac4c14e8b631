using System.Text.Json;
using System.Text.Json.Serialization;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;

namespace NormsGraph.Cli.Link;

/// <summary>The JSON-lines contract of <c>link --format jsonl</c> (DESIGN.md, "Contracts"): matches best first.</summary>
internal static class LinkJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(string id, IReadOnlyList<TargetMatch> matches, IReadOnlyDictionary<string, Target> targets) =>
        JsonSerializer.Serialize(new
        {
            id,
            matches = matches.Select(m =>
            {
                var why = MatchWhy.From(m);
                return new
                {
                    norm = m.TargetId,
                    name = targets.TryGetValue(m.TargetId, out var t) ? t.Name : null,
                    score = m.Score,
                    why = new
                    {
                        phrases = why.Phrases,
                        terms = why.Terms,
                        closestWording = why.ClosestWording,
                        similarity = why.Similarity,
                        similar = why.Similar.Select(s => new
                        {
                            statement = s.StatementId,
                            evidence = s.Evidence,
                            actor = s.ActorId,
                            report = s.ReportId,
                            status = EnumNames.ToSnakeCase(s.Status),
                        }),
                    },
                };
            }),
        }, Options);
}
