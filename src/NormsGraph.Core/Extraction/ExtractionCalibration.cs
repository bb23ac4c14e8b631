using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// The confidence of a position is the precision that positions of its mechanism ("explicit/verb/support/phrase":
/// attribution, stance cue, stance, target signal) reached on the dev set, as counted by
/// <c>normsgraph eval positions --fit-calibration</c>. A mechanism seen too rarely backs off to a coarser one
/// (its first three parts, then two, then one), and then to all positions together. Counts are smoothed
/// (correct + 1) / (total + 2), so a mechanism right 3 times in 3 is 0.8, not certain.
/// </summary>
public sealed class ExtractionCalibration
{
    /// <summary>Positions a mechanism needs on the dev set before its own precision is used.</summary>
    public const int MinimumSupport = 4;

    private const double Prior = 0.5;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly Dictionary<string, Counts> _counts;

    public ExtractionCalibration(IReadOnlyDictionary<string, Counts> counts, string fitted)
    {
        _counts = new Dictionary<string, Counts>(counts, StringComparer.Ordinal);
        Fitted = fitted;
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..8].ToLowerInvariant();
    }

    /// <summary>What the counts were fitted on.</summary>
    public string Fitted { get; }

    /// <summary>Part of the extractor version: new counts change every confidence.</summary>
    public string Hash { get; }

    public IReadOnlyDictionary<string, Counts> Entries => _counts;

    public static ExtractionCalibration Empty { get; } = new(new Dictionary<string, Counts>(), "nothing");

    public double Confidence(string mechanism)
    {
        for (var key = mechanism; key.Length > 0; key = Coarser(key))
        {
            if (_counts.TryGetValue(key, out var counts) && counts.Total >= MinimumSupport)
            {
                return counts.Smoothed;
            }
        }
        return _counts.TryGetValue("", out var all) && all.Total > 0 ? all.Smoothed : Prior;
    }

    /// <summary>Counts correct and total positions for a mechanism and for each of its coarser keys.</summary>
    public static ExtractionCalibration Fit(IEnumerable<(string Mechanism, bool Correct)> judged, string fitted)
    {
        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var (mechanism, correct) in judged)
        {
            for (var key = mechanism; ; key = Coarser(key))
            {
                var c = counts.GetValueOrDefault(key);
                counts[key] = new Counts(c.Correct + (correct ? 1 : 0), c.Total + 1);
                if (key.Length == 0)
                {
                    break;
                }
            }
        }
        return new ExtractionCalibration(counts, fitted);
    }

    public static ExtractionCalibration LoadEmbedded()
    {
        using var stream = typeof(ExtractionCalibration).Assembly.GetManifestResourceStream("extraction/calibration.json");
        return stream is null ? Empty : FromJson(new StreamReader(stream).ReadToEnd());
    }

    public static ExtractionCalibration FromJson(string json)
    {
        var file = JsonSerializer.Deserialize<CalibrationFile>(json, Json)
            ?? throw new InvalidDataException("The calibration file is empty.");
        return new ExtractionCalibration(file.Entries ?? [], file.Fitted ?? "unknown");
    }

    public string ToJson() => JsonSerializer.Serialize(
        new CalibrationFile(Fitted, new SortedDictionary<string, Counts>(_counts, StringComparer.Ordinal)), Json);

    private static string Coarser(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? "" : key[..slash];
    }

    /// <summary>Positions of one mechanism on the dev set, and how many were right.</summary>
    public readonly record struct Counts(int Correct, int Total)
    {
        [JsonIgnore]
        public double Smoothed => Math.Round((Correct + 1.0) / (Total + 2.0), 2);
    }

    private sealed record CalibrationFile(string Fitted, SortedDictionary<string, Counts> Entries);
}
