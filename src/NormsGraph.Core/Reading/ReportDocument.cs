using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Reading;

/// <summary>A report as read from its file: clean text plus what its header says.</summary>
/// <param name="Text">The readable text (markup removed, line endings normalised); evidence offsets point into it.</param>
/// <param name="BodyStart">Where the prose starts, after the title, date and boilerplate lines.</param>
public sealed record ReportDocument(
    string Title,
    DateOnly? Date,
    string? StartTime,
    string? EndTime,
    string? Author,
    string Text,
    int BodyStart,
    int BodyEnd,
    ReportFormat Format)
{
    public string Body => Text[BodyStart..BodyEnd];
}
