using System.Text.Json;
using System.Text.Json.Serialization;

namespace NormsGraph.Core.Matching;

/// <summary>
/// The versioned fusion weights file: a model for when the semantic signal is on (<see cref="Full"/>) and one
/// fitted without it (<see cref="Lexical"/>), so switching the encoder off still ranks with weights fitted for that case.
/// </summary>
public sealed record FusionWeights(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("fitted")] string Fitted,
    [property: JsonPropertyName("model")] string EncoderModel,
    [property: JsonPropertyName("full")] FusionModel Full,
    [property: JsonPropertyName("lexical")] FusionModel Lexical)
{
    public const string ResourceName = "matching/fusion-weights.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The weights built into Core.</summary>
    public static FusionWeights BuiltIn()
    {
        using var stream = typeof(FusionWeights).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from {typeof(FusionWeights).Assembly.GetName().Name}.");
        return Read(stream);
    }

    public static FusionWeights Read(Stream stream) =>
        JsonSerializer.Deserialize<FusionWeights>(stream, Json) ?? throw new InvalidDataException("The fusion weights file is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public FusionModel For(bool semanticEnabled) => semanticEnabled ? Full : Lexical;
}
