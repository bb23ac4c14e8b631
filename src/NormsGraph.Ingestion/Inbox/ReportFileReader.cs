using NormsGraph.Core.Reading;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>Reads a report file into a submission, refusing what cannot be a report before decoding it.</summary>
internal static class ReportFileReader
{
    public static async Task<(ReportSubmission? Submission, IngestionError? Error)> ReadAsync(
        FileInfo file, string source, int maxBytes, CancellationToken cancellationToken)
    {
        if (file.Length > maxBytes)
        {
            return (null, new IngestionError("REPORT_TOO_LARGE", $"The file has {file.Length} bytes; the limit is {maxBytes}.", "validate"));
        }
        var extension = file.Extension;
        var format = ReportReader.FormatFromExtension(file.Name);
        if (format is null && extension.Length > 0)
        {
            return (null, new IngestionError("UNKNOWN_FORMAT",
                $"'{extension}' is not a report format; use .txt, .md or .html (or no extension for plain text).", "validate"));
        }
        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        try
        {
            return (new ReportSubmission(ReportDecoder.Decode(bytes), source, format), null);
        }
        catch (ReportRejectedException e)
        {
            return (null, new IngestionError(e.Code, e.Message, "validate"));
        }
    }
}
