namespace NormsGraph.Core.Domain;

public enum ReportFormat
{
    PlainText,
    Markdown,
    Html,
}
