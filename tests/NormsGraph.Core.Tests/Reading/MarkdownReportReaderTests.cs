using NormsGraph.Core.Domain;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Tests.Extraction;

namespace NormsGraph.Core.Tests.Reading;

public sealed class MarkdownReportReaderTests
{
    private static ReportDocument Read(string markdown) => ReportReader.Read(markdown, "notes.md");

    [Fact]
    public void Html_entities_are_decoded()
    {
        const string markdown = """
            # Working group notes

            Norway &amp; Iceland stressed that states should not harm CERTs &#8212; the teams that answer incidents.

            The chair called this &quot;a shared concern&quot;.
            """;
        var document = Read(markdown);

        Assert.Contains("Norway & Iceland stressed that states should not harm CERTs \u2014 the teams", document.Body, StringComparison.Ordinal);
        Assert.Contains("\"a shared concern\"", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", document.Body, StringComparison.Ordinal);
        Assert.Contains(("nor", Stance.Support, "gge-13k"), ExtractionFixture.MarkdownPositions(markdown));
    }

    [Fact]
    public void A_blank_title_in_the_front_matter_leaves_the_title_to_the_first_heading()
    {
        const string markdown = """
            ---
            title:
            date: ""
            ---
            # Working group notes

            Norway stressed that states should not harm CERTs, the teams that answer incidents.
            """;

        Assert.Equal("Working group notes", Read(markdown).Title);
    }

    [Fact]
    public void TOML_front_matter_gives_the_title_and_date_and_stays_out_of_the_text()
    {
        const string markdown = """
            +++
            title = "OEWG \"third\" substantive session: notes"
            date = 2022-07-25
            tags = ["oewg", "cert"]
            [params]
            author = "Desk"
            +++
            # Working group notes

            Norway stressed that states should not harm CERTs, the teams that answer incidents.
            """;
        var document = Read(markdown);

        Assert.Equal(("OEWG \"third\" substantive session: notes", new DateOnly(2022, 7, 25)), (document.Title, document.Date));
        Assert.DoesNotContain("+++", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tags", document.Text, StringComparison.Ordinal);
        Assert.StartsWith("Norway stressed", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TOML_front_matter_that_does_not_parse_leaves_the_text_and_the_title_to_the_heading()
    {
        const string markdown = """
            +++
            title =
            +++
            # Working group notes

            Norway stressed that states should not harm CERTs, the teams that answer incidents.
            """;
        var document = Read(markdown);

        Assert.Equal("Working group notes", document.Title);
        Assert.DoesNotContain("title =", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_less_than_and_a_greater_than_sign_in_prose_are_not_a_tag()
    {
        const string markdown = """
            # Working group notes

            Peru welcomed the new severity scale (an incident scored < 4 counts as minor). Ghana urged states to publish national positions on how international law applies (more than > 10 have done so).
            """;
        var document = Read(markdown);

        Assert.Contains("scored < 4 counts as minor). Ghana urged states to publish national positions", document.Body, StringComparison.Ordinal);
        Assert.Contains("(more than > 10 have done so).", document.Body, StringComparison.Ordinal);
        Assert.Contains(("gha", Stance.Support, "p-national-positions"), ExtractionFixture.MarkdownPositions(markdown));
    }

    [Fact]
    public void An_html_comment_over_several_lines_is_not_text()
    {
        const string markdown = """
            # Working group notes

            Kenya called for the protection of critical infrastructure.

            <!--
            Egypt opposed multistakeholder participation.
            -->

            Brazil stressed that international law applies in cyberspace. <!-- Egypt
            rejected that. -->
            """;
        var document = Read(markdown);

        Assert.DoesNotContain("Egypt", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", document.Text, StringComparison.Ordinal);
        Assert.Contains("Brazil stressed that international law applies in cyberspace.", document.Body, StringComparison.Ordinal);
        var positions = ExtractionFixture.MarkdownPositions(markdown);
        Assert.DoesNotContain(positions, p => p.Actor == "egy");
        Assert.Contains(positions, p => p.Actor == "ken");
    }

    [Fact]
    public void Scripts_styles_and_indented_and_fenced_code_are_not_text()
    {
        const string markdown = """
            # Working group notes

            Kenya called for the protection of critical infrastructure.

            <script>
            // Egypt opposed the protection of critical infrastructure.
            track("Egypt opposed confidence-building measures.");
            </script>

            <style>p::after { content: "Egypt opposed CBMs." }</style>

                Egypt opposed the programme of action.
                Egypt rejected international law.

            ```
            Egypt opposed the norms.
            ```

            Chile supported confidence-building measures.<script>log("Egypt opposed them.")</script>
            """;
        var document = Read(markdown);

        Assert.DoesNotContain("Egypt", document.Text, StringComparison.Ordinal);
        Assert.Contains("Chile supported confidence-building measures.", document.Body, StringComparison.Ordinal);
        var positions = ExtractionFixture.MarkdownPositions(markdown);
        Assert.DoesNotContain(positions, p => p.Actor == "egy");
        Assert.Contains(("chl", Stance.Support, "p-cbm"), positions);
    }

    [Fact]
    public void Table_cells_are_paragraphs_without_pipes_and_a_cell_is_the_evidence()
    {
        const string markdown = """
            # Working group notes

            The delegations that took the floor are listed below with what each of them said.

            | Delegation | What it said |
            |------------|--------------|
            | Mexico | Mexico called for the protection of critical infrastructure. |
            | Chile | Stressed the importance of confidence-building measures. |
            """;
        var document = Read(markdown);

        Assert.DoesNotContain("|", document.Text, StringComparison.Ordinal);
        Assert.Contains("Mexico\n\nMexico called for the protection of critical infrastructure.\n\nChile\n\nStressed", document.Body, StringComparison.Ordinal);
        var graph = ExtractionFixture.ExtractFile(markdown, "notes.md");
        var mexico = Assert.Single(graph.Positions, p => p.ActorId == "mex");
        Assert.Equal("Mexico called for the protection of critical infrastructure.", mexico.Evidence);
        Assert.Equal(mexico.Evidence, graph.Report.Text.Substring(mexico.EvidenceStart, mexico.EvidenceLength));
        Assert.Contains(graph.Positions, p => p is { ActorId: "chl", Stance: Stance.Support, TargetId: "p-cbm" });
    }

    [Fact]
    public void A_tight_list_is_one_paragraph_of_one_line_per_item_apart_from_the_paragraph_before_it()
    {
        var document = Read("""
            # Working group notes

            Ghana made the following points:
            - *first*, that CERTs must be protected;
            - second, that [capacity building](https://example.org) should be demand-driven.

            Then the chair spoke.
            """);

        Assert.Equal("Ghana made the following points:\n\n- first, that CERTs must be protected;\n- second, that capacity building should be demand-driven.\n\nThen the chair spoke.", document.Body);
    }

    [Fact]
    public void A_heading_is_a_paragraph_of_its_own_even_without_a_blank_line_after_it()
    {
        var positions = ExtractionFixture.MarkdownPositions("""
            # Working group notes

            Delegations spoke in the order below.

            ## Brazil
            - Stressed the importance of confidence-building measures.
            - Opposed a new legally binding instrument at this stage.
            """);

        Assert.Contains(("bra", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("bra", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void Raw_html_blocks_read_as_their_text()
    {
        var document = Read("""
            # Working group notes

            <div class="note">Kenya &amp; Ghana <b>called</b> for the protection of critical infrastructure.</div>

            Setext headings and paragraphs follow.
            """);

        Assert.StartsWith("Kenya & Ghana called for the protection of critical infrastructure.\n\nSetext", document.Body, StringComparison.Ordinal);
    }
}
