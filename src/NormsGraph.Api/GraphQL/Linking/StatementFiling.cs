using Microsoft.Extensions.Options;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>
/// addStatement: an analyst files a statement as confirmed. Everything is checked before anything is written;
/// the statement is stored as a small report of its own (so it has provenance like every other position),
/// through the same <see cref="IGraphStore.ApplyAsync"/> as reports, then confirmed, and its evidence vector is
/// stored at once so the next link already counts it.
/// </summary>
internal sealed class StatementFiling(IGraphStore store, IStatementIndex index, ITargetMatcher matcher, ISentenceEncoder encoder,
    IOptions<LinkingOptions> options)
{
    /// <summary>
    /// Files the statement; its report is recorded as sent by <paramref name="who"/> and each of its positions is
    /// confirmed as a curation by <paramref name="who"/>, so the audit log says who filed it.
    /// </summary>
    public async Task<FiledStatement> FileAsync(StatementInput input, string who, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var text = input.Text.Trim();
        StatementChecks.Text(text, settings.MaxStatementChars);
        // Statements sort undated ones as this day, so one filed on it was dated for reports and statistics and undated
        // for who and timeline.
        if (input.Date is { } date && PositionCursor.SortKey(date) == PositionCursor.Undated)
        {
            throw LinkingErrors.UndatedDay(date);
        }
        try
        {
            var speaker = await StatementChecks.SpeakerAsync(store, input.Speaker, cancellationToken);
            IReadOnlyList<TargetMatch> matches = [];
            List<string> targetIds;
            if (input.Targets is { Count: > 0 } chosen)
            {
                targetIds = chosen.Distinct(StringComparer.Ordinal).ToList();
            }
            else
            {
                matches = await matcher.MatchAsync(text, settings.MaxAutoTargets, cancellationToken);
                targetIds = matches.Where(m => m.Score >= settings.AutoTargetThreshold).Select(m => m.TargetId).ToList();
                if (targetIds.Count == 0)
                {
                    throw LinkingErrors.NoTarget(settings.AutoTargetThreshold);
                }
            }
            var targets = await store.GetTargetsAsync(targetIds, cancellationToken);
            var unknown = targetIds.Where(id => !targets.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                throw LinkingErrors.UnknownTargets(unknown);
            }

            // Filed like a report sent through the API: its report's audit entry names who filed it.
            var graph = Build(text, speaker, input, targetIds.Select(id => targets[id]).ToList()) with { SubmittedBy = who };
            await store.ApplyAsync(graph, cancellationToken);
            foreach (var position in graph.Positions)
            {
                await store.CurateAsync(new CurationRequest(CurationAction.ConfirmStatement, position.Id, null), who, cancellationToken);
            }
            if (encoder.IsEnabled)
            {
                var vector = encoder.Encode([text], cancellationToken)[0];
                await index.SaveVectorsAsync(encoder.ModelName, graph.Positions.Select(p => new StatementVector(p.Id, vector)).ToList(), cancellationToken);
            }
            return new FiledStatement(graph.Report.Id, graph.Positions.Select(p => p.Id).ToList(), targetIds, matches);
        }
        catch (StoreUnavailableException e)
        {
            throw LinkingErrors.StoreUnavailable(e.Message);
        }
    }

    // The statement's own report: its id hashes everything filed, and its source keeps the analyst's source
    // while staying unique, because a report from the same source replaces the earlier one. A blank source is no
    // source: the id hashed it as none while the statement ids took it as given, so filing with "" found the report
    // filed without one stored (unchanged) and answered statement ids that were never stored.
    internal static ReportGraph Build(string text, Actor speaker, StatementInput input, IReadOnlyList<Target> targets)
    {
        var given = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source;
        var reportId = StableIds.ForReportText(string.Join('\n', "statement", speaker.Id, IsoDate.Text(input.Date) ?? "",
            input.Event ?? "", given ?? "", string.Join(',', targets.Select(t => t.Id)), EnumNames.ToSnakeCase(input.Stance), text));
        var source = $"{given ?? "analyst"}#{reportId}";
        var @event = string.IsNullOrWhiteSpace(input.Event) ? null
            : new Event(StableIds.ForEvent(input.Event.Trim(), input.Date), input.Event.Trim(), input.Date, null, null, null);
        var title = $"Statement by {speaker.Name}{(@event is null ? "" : " at " + @event.Title)}";
        var report = new Report(reportId, title, input.Date, source, text, ReportFormat.PlainText, FiledStatements.ExtractorVersion);
        var positions = targets.Select(t => new ExtractedPosition(
            StatementIds.Create(source, text, speaker.Id, t.Id, input.Stance), speaker.Id, input.Stance, t.Id, text, 0, text.Length, 1.0)).ToList();
        return new ReportGraph(report, @event, null, [speaker], targets, positions);
    }
}
