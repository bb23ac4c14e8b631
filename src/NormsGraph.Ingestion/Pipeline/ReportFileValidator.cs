using FluentValidation;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Reading;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>Checks a report file before it is read: a known format, not empty, not over the size limit.</summary>
internal sealed class ReportFileValidator : AbstractValidator<ReportFile>
{
    public ReportFileValidator(IOptions<IngestionOptions> options)
    {
        var max = options.Value.MaxReportBytes;
        // One reason per file is clearer than a list, and the format decides whether the rest matters.
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Name)
            .Must(name => Path.GetExtension(name).Length == 0 || ReportReader.FormatFromExtension(name) is not null)
            .WithErrorCode("UNKNOWN_FORMAT")
            .WithMessage(f => $"'{Path.GetExtension(f.Name)}' is not a report format; use .txt, .md or .html (or no extension for plain text).");
        RuleFor(f => f.Length)
            .GreaterThan(0).WithErrorCode("EMPTY_REPORT").WithMessage("The file is empty.")
            .LessThanOrEqualTo(max).WithErrorCode("REPORT_TOO_LARGE")
                .WithMessage(f => $"The file has {f.Length} bytes; the limit is {max}.");
    }
}
