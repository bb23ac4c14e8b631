using System.Diagnostics;
using FluentValidation;
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
/// The one path every report takes, from a file or the API: validate, read, extract, apply to the
/// store (one transaction). Refusals come back as errors; a store that stays unavailable after the
/// retry budget throws <see cref="StoreUnavailableException"/> so the caller keeps the report for later.
/// </summary>
public sealed class ReportPipeline
{
    private readonly IGraphStore _store;
    private readonly ReportExtractor _extractor;
    private readonly IValidator<ReportSubmission> _validator;
    private readonly IngestionMetrics _metrics;
    private readonly ILogger<ReportPipeline> _logger;
    private readonly ResiliencePipeline _storeRetry;

    public ReportPipeline(IGraphStore store, ReportExtractor extractor, IValidator<ReportSubmission> validator,
        IngestionMetrics metrics, IOptions<IngestionOptions> options, ILogger<ReportPipeline> logger)
    {
        _store = store;
        _extractor = extractor;
        _validator = validator;
        _metrics = metrics;
        _logger = logger;
        var settings = options.Value;
        _storeRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StoreUnavailableException>(),
                MaxRetryAttempts = Math.Max(settings.StoreRetries - 1, 0),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.StoreRetryDelay,
                OnRetry = args =>
                {
                    _metrics.Retried();
                    Log.StoreRetry(_logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task<IngestionResult> IngestAsync(ReportSubmission submission, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var validation = await _validator.ValidateAsync(submission, cancellationToken);
        if (!validation.IsValid)
        {
            return Refuse(submission, validation.Errors.Select(e => new IngestionError(e.ErrorCode, e.ErrorMessage, "validate")).ToArray());
        }
        ReportDocument document;
        try
        {
            document = ReportReader.Read(submission.Text, submission.Source, submission.Format);
        }
        catch (ReportRejectedException e)
        {
            return Refuse(submission, new IngestionError(e.Code, e.Message, "read"));
        }
        ReportGraph graph;
        try
        {
            graph = _extractor.Extract(document, submission.Source);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in extraction must not lose the report: it is refused with the reason and kept.
            return Refuse(submission, new IngestionError("EXTRACTION_FAILED", e.Message, "extract"));
        }
        var applied = await _storeRetry.ExecuteAsync(ct => new ValueTask<ApplyResult>(_store.ApplyAsync(graph, ct)), cancellationToken);
        _metrics.Ingested(applied.Outcome, Stopwatch.GetElapsedTime(started));
        Log.Ingested(_logger, submission.Source ?? applied.ReportId, applied.Outcome, applied.Positions);
        return new IngestionResult(applied, []);
    }

    private IngestionResult Refuse(ReportSubmission submission, params IngestionError[] errors)
    {
        _metrics.Refused(errors[0].Stage);
        Log.Refused(_logger, submission.Source ?? "(submitted text)", errors[0].Stage, errors[0].Message);
        return IngestionResult.Refused(errors);
    }
}
