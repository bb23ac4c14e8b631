using System.Diagnostics;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Storage;
using Polly;
using Polly.Retry;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>
/// The one path every report takes, from the inbox, the CLI or the API: validate, read, extract, apply
/// to the store (one <see cref="IGraphStore.ApplyAsync"/> call, one transaction). Refusals come back as
/// errors; a store that stays unavailable after the retry budget throws
/// <see cref="StoreUnavailableException"/> so the caller keeps the report for later.
/// </summary>
public sealed class ReportPipeline(
    IGraphStore store,
    ReportExtractor extractor,
    IValidator<ReportFile> fileValidator,
    IValidator<ReportSubmission> validator,
    IngestionMetrics metrics,
    IOptions<IngestionOptions> options,
    ILogger<ReportPipeline> logger)
{
    private readonly ResiliencePipeline _storeRetry = BuildStoreRetry(options.Value, metrics, logger);

    /// <summary>The version stamped on what this pipeline extracts.</summary>
    public string ExtractorVersion => extractor.Version;

    public Task<IngestionResult> IngestAsync(ReportSubmission submission, CancellationToken cancellationToken) =>
        IngestAsync(submission, Stopwatch.GetTimestamp(), cancellationToken);

    /// <summary>Reads a report file (checked before its bytes are read) and ingests it under <paramref name="source"/>.</summary>
    /// <param name="source">The label that identifies the document across versions: its path relative to the inbox or folder.</param>
    public async Task<IngestionResult> IngestFileAsync(string path, string source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var file = new FileInfo(path);
        if (BrokenLink(file) is { } broken)
        {
            return Refuse(source, broken);
        }
        var check = await fileValidator.ValidateAsync(new ReportFile(file.Name, file.Length), cancellationToken);
        if (!check.IsValid)
        {
            return Refuse(source, ToErrors(check, "validate"));
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.Length > options.Value.MaxReportBytes)
        {
            // It grew after the size check: still being written to, or replaced.
            return Refuse(source, new IngestionError("REPORT_TOO_LARGE",
                $"The file has {bytes.Length} bytes; the limit is {options.Value.MaxReportBytes}.", "validate"));
        }
        string text;
        try
        {
            text = ReportDecoder.Decode(bytes);
        }
        catch (ReportRejectedException e)
        {
            return Refuse(source, new IngestionError(e.Code, e.Message, "validate"));
        }
        return await IngestAsync(new ReportSubmission(text, source, ReportReader.FormatFromExtension(file.Name)), started, cancellationToken);
    }

    // A link whose file is gone (or a loop of links) has the link's own length, so it passed the checks and failed to
    // open: the worker took that for an unknown error, tried it three times and filed it naming its own claim folder.
    private static IngestionError? BrokenLink(FileInfo file)
    {
        if (file.LinkTarget is not { } target)
        {
            return null;
        }
        try
        {
            if (file.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true })
            {
                return null;
            }
        }
        catch (IOException)
        {
            // too many levels of links
        }
        return new IngestionError("NOT_FOUND", $"The file is a link to '{target}', which does not exist.", "validate");
    }

    /// <summary>
    /// Runs the current extractor over a stored report and applies the result; the store replaces that
    /// report's statements when the extractor version differs (curation is kept) and changes nothing otherwise.
    /// </summary>
    public async Task<IngestionResult> ReextractAsync(Report stored, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var label = stored.Source ?? stored.Id;
        ReportDocument document;
        try
        {
            document = StoredReportReader.Read(stored);
        }
        catch (ReportRejectedException e)
        {
            return Refuse(label, new IngestionError(e.Code, e.Message, "read"));
        }
        return await ExtractAndApplyAsync(document, stored.Source, null, label, started, reextraction: true, cancellationToken);
    }

    private async Task<IngestionResult> IngestAsync(ReportSubmission submission, long started, CancellationToken cancellationToken)
    {
        // The source names the document across versions: a blank one names none (every report sent with "" replaced the
        // one before it), and spaces around a name do not make another document.
        var source = submission.Source?.Trim();
        submission = submission with { Source = string.IsNullOrEmpty(source) ? null : source };
        var label = submission.Source ?? "(submitted text)";
        var validation = await validator.ValidateAsync(submission, cancellationToken);
        if (!validation.IsValid)
        {
            return Refuse(label, ToErrors(validation, "validate"));
        }
        ReportDocument document;
        try
        {
            document = ReportReader.Read(submission.Text, submission.Source, submission.Format);
        }
        catch (ReportRejectedException e)
        {
            return Refuse(label, new IngestionError(e.Code, e.Message, "read"));
        }
        return await ExtractAndApplyAsync(document, submission.Source, submission.SubmittedBy, label, started, reextraction: false, cancellationToken);
    }

    private async Task<IngestionResult> ExtractAndApplyAsync(ReportDocument document, string? source, string? submittedBy, string label, long started,
        bool reextraction, CancellationToken cancellationToken)
    {
        ReportGraph graph;
        try
        {
            graph = extractor.Extract(document, source) with { SubmittedBy = submittedBy, Reextraction = reextraction };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in extraction must not lose the report: it is refused with the reason and kept.
            return Refuse(label, new IngestionError("EXTRACTION_FAILED", e.Message, "extract"));
        }
        var applied = await _storeRetry.ExecuteAsync(
            static (state, ct) => new ValueTask<ApplyResult>(state.store.ApplyAsync(state.graph, ct)), (store, graph), cancellationToken);
        metrics.Ingested(applied.Outcome, Stopwatch.GetElapsedTime(started));
        Log.Ingested(logger, label, applied.Outcome, applied.Positions);
        if (applied.StaleReportId is { } stale)
        {
            await ReextractStaleAsync(stale, cancellationToken);
        }
        return new IngestionResult(applied, []);
    }

    // The text the source moved on from stays for another source, but its statements (hashed with the source that moved
    // on) went with it: re-extracted under the source it shows now, it has them again. Should this not happen (a crash,
    // the store gone), the store has marked it, so `reextract` or the next apply of its text does it.
    private async Task ReextractStaleAsync(string reportId, CancellationToken cancellationToken)
    {
        var summary = (await store.GetReportsAsync([reportId], cancellationToken)).GetValueOrDefault(reportId);
        var text = await store.GetReportTextAsync(reportId, cancellationToken);
        if (summary is not null && text is not null)
        {
            await ReextractAsync(new Report(summary.Id, summary.Title, summary.Date, summary.Source, text, summary.Format, summary.ExtractorVersion),
                cancellationToken);
        }
    }

    private IngestionResult Refuse(string label, params IngestionError[] errors)
    {
        metrics.Refused(errors[0].Stage, errors[0].Code);
        Log.Refused(logger, label, errors[0].Stage, errors[0].Code, errors[0].Message);
        return IngestionResult.Refused(errors);
    }

    private static IngestionError[] ToErrors(ValidationResult result, string stage) =>
        result.Errors.Select(e => new IngestionError(e.ErrorCode, e.ErrorMessage, stage)).ToArray();

    // StoreRetries counts attempts, Polly counts retries after the first; one attempt means no retry at all.
    private static ResiliencePipeline BuildStoreRetry(IngestionOptions settings, IngestionMetrics metrics, ILogger logger) =>
        settings.StoreRetries <= 1 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StoreUnavailableException>(),
                MaxRetryAttempts = settings.StoreRetries - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.StoreRetryDelay,
                OnRetry = args =>
                {
                    metrics.Retried();
                    Log.StoreRetry(logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
