using NormsGraph.Core.Domain;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Core.Tests.Taxonomy;

public sealed class TaxonomyTests
{
    private static readonly NormsGraph.Core.Taxonomy.Taxonomy Loaded = TaxonomyLoader.LoadEmbedded();

    [Fact]
    public void Every_taxonomy_id_of_the_design_is_present_with_its_kind()
    {
        var norms = "abcdefghijk".Select(c => $"gge-13{c}").Concat(Enumerable.Range(1, 8).Select(i => $"gcsc-{i}"));
        string[] principles = ["p-intl-law", "p-ihl", "p-human-centric", "p-ungp-business", "p-multistakeholder", "p-ccb-principles", "p-cbm",
            "p-poa", "p-binding-instrument", "p-national-positions", "p-review-mechanism", "p-no-militarisation", "p-surveillance-moratorium", "p-protect-researchers"];
        Assert.All(norms, id => Assert.Equal(TargetKind.Norm, Loaded.TargetsById[id].Target.Kind));
        Assert.All(principles, id => Assert.Equal(TargetKind.Principle, Loaded.TargetsById[id].Target.Kind));
        Assert.All(Loaded.Targets, t => Assert.False(string.IsNullOrWhiteSpace(t.Target.Description)));
    }

    [Fact]
    public void All_193_member_states_are_actors()
    {
        Assert.Equal(193, Loaded.Actors.Count(a => a.Actor.Type == ActorType.State && a.Actor.Id.Length == 3));
        Assert.Contains("The US", Loaded.ActorsById["usa"].Actor.Aliases);
        Assert.Contains("Russian Federation", Loaded.ActorsById["rus"].Actor.Aliases);
    }

    [Fact]
    public void Every_stance_has_cues() =>
        Assert.All(Enum.GetValues<Stance>(), s => Assert.NotEmpty(Loaded.Language.StanceCues[s]));

    [Fact]
    public void A_folder_with_a_broken_file_fails_with_a_message_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("taxonomy").FullName;
        try
        {
            foreach (var name in new[] { "states.yaml", "actors.yaml", "processes.yaml", "norms.yaml", "language.yaml" })
            {
                File.WriteAllText(Path.Combine(folder, name), "states: []\n");
            }
            File.WriteAllText(Path.Combine(folder, "norms.yaml"), "targets: [ {id: x, kind: norm");
            var error = Assert.Throws<TaxonomyException>(() => TaxonomyLoader.LoadFromDirectory(folder));
            Assert.Contains("norms.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
