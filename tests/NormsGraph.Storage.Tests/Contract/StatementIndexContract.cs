using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>
/// What every adapter's <see cref="IStatementIndex"/> must do for linking: vectors stored per statement and
/// model, nearest statements by cosine, lexical search over evidence, and never a rejected statement as
/// evidence. Each adapter's test class supplies a fresh, empty store and its index.
/// </summary>
public abstract class StatementIndexContract : IAsyncLifetime
{
    private const string Model = "test-model";

    private IGraphStore? _store;
    private IStatementIndex? _index;

    protected IGraphStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    protected IStatementIndex Index => _index ?? throw new InvalidOperationException("The index was not created.");

    protected abstract Task<(IGraphStore Store, IStatementIndex Index)> CreateAsync();

    public virtual async ValueTask InitializeAsync()
    {
        (_store, _index) = await CreateAsync();
        await _store.InitializeAsync(Ct);
        await _store.ApplyTaxonomyAsync(Taxonomy(), Ct);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Text = "Access Now called for responsible disclosure of vulnerabilities. Chile stressed that international law applies. " +
        "Japan urged protection of computer emergency response teams.";

    private static ReportGraph Three() => Report(Text, new DateOnly(2021, 3, 1), "three.txt",
        (AccessNow, Stance.Support, DisclosureNorm, "Access Now called for responsible disclosure of vulnerabilities."),
        (Chile, Stance.Support, IntlLaw, "Chile stressed that international law applies."),
        (Japan, Stance.Support, CertNorm, "Japan urged protection of computer emergency response teams."));

    // Three orthogonal directions stand for three meanings; a query near one of them must find its statement first.
    private static float[] Axis(int axis, float lean = 0)
    {
        var v = new float[384];
        v[axis] = 1;
        v[(axis + 1) % 3] = lean;
        var norm = MathF.Sqrt(1 + lean * lean);
        return [.. v.Select(x => x / norm)];
    }

    private async Task<Dictionary<string, string>> IdsByActorAsync() =>
        (await Store.FindPositionsAsync(new PositionQuery(IncludeRejected: true), Ct)).Items.ToDictionary(p => p.ActorId, p => p.Id);

    private async Task IndexAllAsync()
    {
        var ids = await IdsByActorAsync();
        await Index.SaveVectorsAsync(Model, [
            new StatementVector(ids["access-now"], Axis(0)),
            new StatementVector(ids["chl"], Axis(1)),
            new StatementVector(ids["jpn"], Axis(2))], Ct);
    }

    [Fact]
    public async Task New_statements_need_vectors_until_they_are_saved()
    {
        await Store.ApplyAsync(Three(), Ct);

        var pending = await Index.FindStatementsWithoutVectorAsync(Model, 10, Ct);
        Assert.Equal(3, pending.Count);
        Assert.Contains(pending, p => p.Evidence == "Chile stressed that international law applies.");

        await IndexAllAsync();

        Assert.Empty(await Index.FindStatementsWithoutVectorAsync(Model, 10, Ct));
    }

    [Fact]
    public async Task Another_model_needs_every_vector_again_and_then_replaces_the_old_ones()
    {
        await Store.ApplyAsync(Three(), Ct);
        await IndexAllAsync();

        Assert.Equal(3, (await Index.FindStatementsWithoutVectorAsync("other-model", 10, Ct)).Count);

        var ids = await IdsByActorAsync();
        await Index.SaveVectorsAsync("other-model", [new StatementVector(ids["chl"], Axis(0))], Ct);

        // Chile's vector now comes from the other model: the first model no longer has it.
        Assert.Equal([ids["chl"]], (await Index.FindStatementsWithoutVectorAsync(Model, 10, Ct)).Select(p => p.StatementId));
        var nearest = await Index.FindNearestAsync(Axis(0), "other-model", 5, Ct);
        Assert.Equal(ids["chl"], Assert.Single(nearest).StatementId);
    }

    [Fact]
    public async Task Nearest_statements_come_most_similar_first_with_their_target_actor_and_report()
    {
        var applied = await Store.ApplyAsync(Three(), Ct);
        await IndexAllAsync();

        var nearest = await Index.FindNearestAsync(Axis(1, lean: 0.3f), Model, 2, Ct);

        Assert.Equal(2, nearest.Count);
        Assert.Equal("chl", nearest[0].ActorId);
        Assert.Equal("p-intl-law", nearest[0].TargetId);
        Assert.Equal(applied.ReportId, nearest[0].ReportId);
        Assert.Equal("Chile stressed that international law applies.", nearest[0].Evidence);
        Assert.Equal(StatementStatus.Extracted, nearest[0].Status);
        Assert.InRange(nearest[0].Similarity, 0.95, 0.96);
        Assert.Equal("jpn", nearest[1].ActorId);
        Assert.True(nearest[0].Similarity > nearest[1].Similarity);
    }

    [Fact]
    public async Task Rejected_statements_are_never_evidence_and_confirmed_ones_say_so()
    {
        await Store.ApplyAsync(Three(), Ct);
        await IndexAllAsync();
        var ids = await IdsByActorAsync();
        await Store.SetStatementStatusAsync(ids["chl"], StatementStatus.Rejected, Ct);
        await Store.SetStatementStatusAsync(ids["access-now"], StatementStatus.Confirmed, Ct);

        var nearest = await Index.FindNearestAsync(Axis(1), Model, 5, Ct);
        var lexical = await Index.SearchLexicalAsync(["international", "law", "disclosure"], 5, Ct);

        Assert.DoesNotContain(nearest, e => e.ActorId == "chl");
        Assert.DoesNotContain(lexical, e => e.ActorId == "chl");
        Assert.Equal(StatementStatus.Confirmed, Assert.Single(lexical).Status);
        Assert.Equal(StatementStatus.Confirmed, nearest.Single(e => e.ActorId == "access-now").Status);
    }

    [Fact]
    public async Task A_statement_curators_moved_to_another_target_or_actor_is_evidence_for_where_it_is_now()
    {
        await Store.ApplyAsync(Three(), Ct);
        await IndexAllAsync();
        var ids = await IdsByActorAsync();
        Assert.Equal("p-intl-law", (await Index.FindNearestAsync(Axis(1), Model, 1, Ct))[0].TargetId);

        await Store.CurateAsync(new CurationRequest(CurationAction.SetTarget, ids["chl"], CertNorm.Id), "curator", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "chl", "jpn"), "curator", Ct);

        // Linking showed it as evidence for the target it was moved away from, and counted its vote there.
        var nearest = (await Index.FindNearestAsync(Axis(1), Model, 1, Ct))[0];
        Assert.Equal((ids["chl"], CertNorm.Id, "jpn"), (nearest.StatementId, nearest.TargetId, nearest.ActorId));
    }

    [Fact]
    public async Task Lexical_search_ranks_the_statement_sharing_most_words_first_and_ignores_query_syntax()
    {
        await Store.ApplyAsync(Three(), Ct);

        var hits = await Index.SearchLexicalAsync(["protection", "emergency", "response", "teams", "AND", "\"", "NEAR(", "-law*"], 5, Ct);

        Assert.NotEmpty(hits);
        Assert.Equal("jpn", hits[0].ActorId);
        Assert.Equal("gge-13k", hits[0].TargetId);
        Assert.True(hits[0].Similarity > 0);
    }

    [Fact]
    public async Task A_replaced_report_takes_its_statements_out_of_the_evidence()
    {
        await Store.ApplyAsync(Three(), Ct);
        await IndexAllAsync();

        await Store.ApplyAsync(Report("Chile stressed that international law applies.", new DateOnly(2021, 3, 1), "three.txt",
            (Chile, Stance.Support, IntlLaw, "Chile stressed that international law applies.")), Ct);

        Assert.Empty(await Index.SearchLexicalAsync(["emergency", "response", "teams"], 5, Ct));
        Assert.DoesNotContain(await Index.FindNearestAsync(Axis(2), Model, 5, Ct), e => e.ActorId == "jpn");
    }

    [Fact]
    public async Task Nothing_stored_means_no_evidence()
    {
        Assert.Empty(await Index.FindNearestAsync(Axis(0), Model, 5, Ct));
        Assert.Empty(await Index.SearchLexicalAsync(["disclosure"], 5, Ct));
        Assert.Empty(await Index.SearchLexicalAsync([], 5, Ct));
        Assert.Empty(await Index.FindStatementsWithoutVectorAsync(Model, 5, Ct));
    }
}
