using NormsGraph.Core.Domain;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Core.Tests.Extraction;

/// <summary>Runs the real extractor with the built-in taxonomy on a short report written for the test.</summary>
internal static class ExtractionFixture
{
    private static readonly ReportExtractor Extractor = new(TaxonomyLoader.LoadEmbedded());

    public static ReportGraph Extract(string body, string title = "Test session", string date = "14 Mar 2023") =>
        Extractor.Extract(ReportReader.Read($"{title}\n\n{date}\n\nEvent report\n\n{body}", "test.txt"), "test.txt");

    public static List<(string Actor, Stance Stance, string Target)> Positions(string body, string title = "Test session", string date = "14 Mar 2023") =>
        Extract(body, title, date).Positions.Select(p => (p.ActorId, p.Stance, p.TargetId)).ToList();

    /// <summary>A whole report as written, header lines included, read by the reader its file name picks.</summary>
    public static ReportGraph ExtractFile(string text, string fileName) => Extractor.Extract(ReportReader.Read(text, fileName), fileName);

    /// <summary>The positions of a whole Markdown report, read as Markdown.</summary>
    public static List<(string Actor, Stance Stance, string Target)> MarkdownPositions(string markdown) =>
        Extractor.Extract(ReportReader.Read(markdown, "test.md"), "test.md").Positions.Select(p => (p.ActorId, p.Stance, p.TargetId)).ToList();
}
