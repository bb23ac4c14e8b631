using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>Small report graphs for store tests, built by hand so the store is tested apart from extraction.</summary>
internal static class TestGraphs
{
    public static readonly Target DisclosureNorm = new("gge-13j", "Report ICT vulnerabilities", TargetKind.Norm, "Responsible reporting.", "gge-2015");
    public static readonly Target CertNorm = new("gge-13k", "Do not harm CERTs", TargetKind.Norm, null, "gge-2015");
    public static readonly Target IntlLaw = new("p-intl-law", "International law applies", TargetKind.Principle, null);
    public static readonly Actor AccessNow = new("access-now", "Access Now", ActorType.CivilSociety, ["AccessNow"], true);
    public static readonly Actor Chile = new("chl", "Chile", ActorType.State, ["Republic of Chile"], true);
    public static readonly Actor Japan = new("jpn", "Japan", ActorType.State, [], true);

    public static TaxonomyGraph Taxonomy() => new(
        [new Framework("gge-2015", "UN GGE 2015 report", 2015)],
        [DisclosureNorm, CertNorm, IntlLaw],
        [new DiplomaticProcess("oewg-2019-2021", "OEWG 2019-2021", "OEWG")],
        [AccessNow, Chile, Japan]);

    /// <summary>A report whose positions are given as (actor, stance, target, evidence).</summary>
    public static ReportGraph Report(string text, DateOnly? date, string? source, params (Actor Actor, Stance Stance, Target Target, string Evidence)[] positions)
    {
        var reportId = StableIds.ForReportText(text);
        var report = new Report(reportId, "Title of " + (source ?? reportId), date, source, text, ReportFormat.PlainText, "test");
        var @event = new Event(StableIds.ForEvent(report.Title, date), report.Title, date, null, null, "oewg-2019-2021");
        var extracted = positions.Select(p =>
        {
            var start = Math.Max(text.IndexOf(p.Evidence, StringComparison.Ordinal), 0);
            var id = StatementIds.Create(source ?? reportId, p.Evidence, p.Actor.Id, p.Target.Id, p.Stance);
            return new ExtractedPosition(id, p.Actor.Id, p.Stance, p.Target.Id, p.Evidence, start, p.Evidence.Length, 0.9);
        }).ToList();
        return new ReportGraph(report, @event, new DiplomaticProcess("oewg-2019-2021", "OEWG 2019-2021", "OEWG"),
            positions.Select(p => p.Actor).DistinctBy(a => a.Id).ToList(),
            positions.Select(p => p.Target).DistinctBy(t => t.Id).ToList(),
            extracted);
    }
}
