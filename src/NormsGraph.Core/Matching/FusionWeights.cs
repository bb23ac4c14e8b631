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

    /// <summary>Reads a weights file; one that is not JSON or lacks a model says what is wrong (<see cref="InvalidDataException"/>).</summary>
    public static FusionWeights Read(Stream stream)
    {
        FusionWeights? weights;
        try
        {
            weights = JsonSerializer.Deserialize<FusionWeights>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a fusion weights file: {e.Message}", e);
        }
        // The serializer leaves missing members null whatever the record says, and a matcher built on them fails far from the cause.
        var problem = weights switch
        {
            null => "it is empty (null)",
            { Full: null } => "the \"full\" model, used with the semantic signal, is missing",
            { Lexical: null } => "the \"lexical\" model, used without it, is missing",
            _ => weights.Full.Problem("full") ?? weights.Lexical.Problem("lexical"),
        };
        return problem is null ? weights! : throw new InvalidDataException($"not a usable fusion weights file: {problem}; link fit writes one.");
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public FusionModel For(bool semanticEnabled) => semanticEnabled ? Full : Lexical;
}
