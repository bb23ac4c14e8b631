using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>Who took part in an event: the actors of its statements that stand, whichever of its reports or decisions changes.</summary>
public abstract partial class GraphStoreContract
{
    private static readonly Event Session = new("event-session-2", "Second substantive session", new DateOnly(2021, 3, 8), null, null, "oewg-2019-2021");

    // Two files reporting one session: same event, different sources (and so different reports).
    private static ReportGraph SessionReport(string source, string text, params (Actor Actor, Stance Stance, Target Target, string Evidence)[] positions)
    {
        var graph = Report(text, Session.Date, source, positions);
        return graph with { Report = graph.Report with { Title = Session.Title }, Event = Session };
    }

    private async Task<(int Events, int Participations)> EventsOfAsync(string actorId) =>
        ((await Store.FindEventsAsync(new ReportQuery(ActorId: actorId), Ct)).TotalCount,
         (await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 5, null, null, Ct)).Relationships.Single(r => r.Name == "PARTICIPATED_IN").Count);

    [Fact]
    public async Task A_new_version_of_one_report_of_a_shared_event_takes_back_the_participation_it_alone_gave()
    {
        await Store.ApplyAsync(SessionReport("a.txt", "Chile agreed on law. Japan agreed on law.",
            (Chile, Stance.Support, IntlLaw, "Chile agreed on law."),
            (Japan, Stance.Support, IntlLaw, "Japan agreed on law.")), Ct);
        await Store.ApplyAsync(SessionReport("b.txt", "Chile backed law.", (Chile, Stance.Support, IntlLaw, "Chile backed law.")), Ct);

        // a.txt is corrected: Japan did not speak. b.txt still covers the session, so the event stays.
        await Store.ApplyAsync(SessionReport("a.txt", "Chile agreed on law.", (Chile, Stance.Support, IntlLaw, "Chile agreed on law.")), Ct);

        Assert.Equal((0, 1), await EventsOfAsync("jpn"));
        Assert.Equal((1, 1), await EventsOfAsync("chl"));
    }

    [Fact]
    public async Task An_actor_whose_only_statement_at_an_event_is_rejected_took_no_part_in_it_until_the_statement_is_confirmed()
    {
        await Store.ApplyAsync(SessionReport("a.txt", "Chile agreed on law. Japan agreed on law.",
            (Chile, Stance.Support, IntlLaw, "Chile agreed on law."),
            (Japan, Stance.Support, IntlLaw, "Japan agreed on law.")), Ct);
        var japan = await StatementOfAsync("jpn");

        await Store.CurateAsync(new CurationRequest(CurationAction.RejectStatement, japan.Id), "alice", Ct);
        var rejected = await EventsOfAsync("jpn");
        // Re-extracted, the statement comes back rejected, and still shows no part.
        var again = SessionReport("a.txt", "Chile agreed on law. Japan agreed on law.",
            (Chile, Stance.Support, IntlLaw, "Chile agreed on law."),
            (Japan, Stance.Support, IntlLaw, "Japan agreed on law."));
        await Store.ApplyAsync(again with { Report = again.Report with { ExtractorVersion = "next" } }, Ct);
        var reextracted = await EventsOfAsync("jpn");
        await Store.CurateAsync(new CurationRequest(CurationAction.ConfirmStatement, japan.Id), "alice", Ct);

        Assert.Equal((0, 1), rejected);
        Assert.Equal((0, 1), reextracted);
        Assert.Equal((1, 2), await EventsOfAsync("jpn"));
    }

    [Fact]
    public async Task A_merge_gives_the_survivor_the_events_of_the_merged_actor()
    {
        await Store.ApplyAsync(SessionReport("a.txt", "Japan agreed on law.", (Japan, Stance.Support, IntlLaw, "Japan agreed on law.")), Ct);

        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "jpn", "chl"), "alice", Ct);

        Assert.Equal((1, 1), await EventsOfAsync("chl"));
    }
}
