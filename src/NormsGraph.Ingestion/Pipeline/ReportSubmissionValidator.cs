using FluentValidation;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Reading;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>
/// Checks a submission (from a file or the API) before any work is done: text present, not too large,
/// not binary, some words in it, and a recognisable format when none is declared.
/// </summary>
internal sealed class ReportSubmissionValidator : AbstractValidator<ReportSubmission>
{
    public ReportSubmissionValidator(IOptions<IngestionOptions> options)
    {
        var max = options.Value.MaxReportBytes;
        RuleFor(s => s.Text)
            .Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode("EMPTY_REPORT").WithMessage("The report text is empty.")
            .Must(t => t.Length <= max).WithErrorCode("REPORT_TOO_LARGE")
                .WithMessage($"The report is larger than the limit of {max} characters.")
            .Must(t => !ReportReader.LooksBinary(t)).WithErrorCode("BINARY_CONTENT")
                .WithMessage("The report is binary, not text.")
            // Markup can only remove letters, so too few here means too few after cleaning as well.
            .Must(t => t.Count(char.IsLetter) >= ReportReader.MinimumLetters).WithErrorCode("EMPTY_REPORT")
                .WithMessage("The report has no usable text.")
            .Must((s, t) => s.Format is not null || ReportReader.FormatFromExtension(s.Source) is not null || !LooksLikeData(t))
                .WithErrorCode("UNKNOWN_FORMAT")
                .WithMessage("The content is structured data (JSON), not a report; send text, Markdown or HTML.");
        RuleFor(s => s.Source).MaximumLength(500).WithErrorCode("SOURCE_TOO_LONG");
    }

    // Without an extension or a declared format the content decides; JSON is the common wrong drop.
    private static bool LooksLikeData(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length > 1
            && ((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'));
    }
}
