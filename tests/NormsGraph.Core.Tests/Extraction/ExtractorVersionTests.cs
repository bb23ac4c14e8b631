using System.Security.Cryptography;
using System.Text;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Tests;

namespace NormsGraph.Core.Tests.Extraction;

/// <summary>
/// Re-extraction and re-ingestion skip a report whose stored extractor version equals the current one, so a
/// change of output under an unchanged version would never reach the graph. This fingerprints what the
/// extractor makes of samples/reports and holds it to the versions recorded beside it.
/// </summary>
public sealed class ExtractorVersionTests
{
    private static readonly string RecordPath = RepositoryRoot.Combine("tests", "NormsGraph.Core.Tests", "Extraction", "extraction-fingerprint.txt");

    [Fact]
    public void Extraction_output_changes_only_with_a_new_extractor_version()
    {
        var extractor = new ReportExtractor(TaxonomyLoader.LoadEmbedded());
        var current = $"{extractor.Version} {Fingerprint(extractor)}";
        var recorded = File.ReadAllText(RecordPath).Trim();
        var (recordedVersions, currentVersions) = (Versions(recorded), Versions(current));
        Assert.False(recordedVersions == currentVersions && recorded != current,
            $"Extraction of samples/reports changed while ReportExtractor.LogicVersion stayed {ReportExtractor.LogicVersion} "
            + "(and neither the taxonomy nor the calibration changed): bump LogicVersion, then record the new line.");
        Assert.True(recorded == current, $"The versions changed: record the new fingerprint in {RecordPath}:\n{current}");
    }

    private static string Versions(string line) => line.Split(' ')[0];

    private static string Fingerprint(ReportExtractor extractor)
    {
        var text = new StringBuilder();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples", "reports")).Order(StringComparer.Ordinal))
        {
            var graph = extractor.Extract(ReportReader.Read(File.ReadAllText(path), Path.GetFileName(path)), Path.GetFileName(path));
            foreach (var actor in graph.Actors.OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                text.Append(actor.Id).Append('|').Append(actor.Name).Append('\n');
            }
            foreach (var p in graph.Positions.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                text.Append(p.ActorId).Append('|').Append(p.Stance).Append('|').Append(p.TargetId).Append('|')
                    .Append(p.EvidenceStart).Append('|').Append(p.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
