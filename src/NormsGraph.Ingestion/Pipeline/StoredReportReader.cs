using NormsGraph.Core.Domain;
using NormsGraph.Core.Reading;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>
/// Rebuilds the document a stored report was extracted from, so re-extraction needs no original file.
/// The store keeps the cleaned text, the title and the date; the body bounds are found again from the
/// text, and the report id (title and text) comes out the same.
/// </summary>
internal static class StoredReportReader
{
    // Markdown and HTML titles were taken out of the text, so the text is read as plain text under a
    // one-character stand-in title; the offsets are then shifted back onto the stored text.
    private const string StandInTitle = "_\n";

    public static ReportDocument Read(Report stored)
    {
        if (stored.Format == ReportFormat.PlainText)
        {
            var plain = ReportReader.Read(stored.Text, declared: ReportFormat.PlainText);
            return plain with { Title = stored.Title, Date = stored.Date ?? plain.Date };
        }
        var read = ReportReader.Read(StandInTitle + stored.Text, declared: ReportFormat.PlainText);
        var shift = StandInTitle.Length;
        return new ReportDocument(stored.Title, stored.Date ?? read.Date, read.StartTime, read.EndTime, read.Author, stored.Text,
            Math.Clamp(read.BodyStart - shift, 0, stored.Text.Length), Math.Clamp(read.BodyEnd - shift, 0, stored.Text.Length), stored.Format);
    }
}
