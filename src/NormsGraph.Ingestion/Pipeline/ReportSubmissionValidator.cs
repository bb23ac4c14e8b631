using FluentValidation;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Reading;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>Checks a submission before any work is done: text present, not too large, not binary.</summary>
internal sealed class ReportSubmissionValidator : AbstractValidator<ReportSubmission>
{
    public ReportSubmissionValidator(IOptions<IngestionOptions> options)
    {
        var max = options.Value.MaxReportBytes;
        RuleFor(s => s.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode("EMPTY_REPORT").WithMessage("The report text is empty.")
            .Must(t => t is null || t.Length <= max).WithErrorCode("REPORT_TOO_LARGE")
                .WithMessage($"The report is larger than the limit of {max} characters.")
            .Must(t => t is null || !ReportReader.LooksBinary(t)).WithErrorCode("BINARY_CONTENT")
                .WithMessage("The report is binary, not text.");
        RuleFor(s => s.Source).MaximumLength(500).WithErrorCode("SOURCE_TOO_LONG");
    }
}
