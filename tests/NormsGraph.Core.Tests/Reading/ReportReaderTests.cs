using System.Text;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Reading;

namespace NormsGraph.Core.Tests.Reading;

public sealed class ReportReaderTests
{
    private const string SeedLayout = """
        Plenary on confidence-building measures

        3 Mar 2022 10:00h - 13:00h

        Session page

        Event report

        Kenya described its national point of contact and asked other delegations to name theirs.

        Brazil agreed and offered to share its own directory with the region.

        By Ana Example

        The session in keywords
        """;

    [Fact]
    public void Plain_text_layout_gives_title_date_time_author_and_body()
    {
        var document = ReportReader.Read(SeedLayout, "session.txt");
        Assert.Equal("Plenary on confidence-building measures", document.Title);
        Assert.Equal(new DateOnly(2022, 3, 3), document.Date);
        Assert.Equal("10:00", document.StartTime);
        Assert.Equal("13:00", document.EndTime);
        Assert.Equal("Ana Example", document.Author);
        Assert.StartsWith("Kenya described", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("keywords", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Event report", document.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("By Region")]
    [InlineData("By December, Member States should agree on a checklist")]
    public void A_line_opening_with_by_that_more_prose_follows_is_no_closing_byline(string line)
    {
        var document = ReportReader.Read($"""
            Roadmap session

            Kenya described its national point of contact and asked other delegations to name theirs.

            {line}

            Brazil agreed and offered to share its own directory with the other states of the region.

            By Ana Example

            The session in keywords
            """, "roadmap.txt");

        Assert.Contains(line, document.Body, StringComparison.Ordinal);
        Assert.Contains("Brazil agreed", document.Body, StringComparison.Ordinal);
        Assert.Equal("Ana Example", document.Author);
        Assert.DoesNotContain("keywords", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_signature_is_the_author_and_not_part_of_the_body()
    {
        var document = ReportReader.Read("""
            Foreword

            We welcome this guidance and hope it helps every partner put the norms into practice.

            — Jane Okoro, Ministry of Foreign Affairs
            """, "foreword.txt");
        Assert.Equal("Jane Okoro, Ministry of Foreign Affairs", document.Author);
        Assert.DoesNotContain("Okoro", document.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("By Ana Example, Access Now", "By Ana Example, Access Now")]
    [InlineData("*Policy blog of Example Corp, 9 November 2023, by Ana Example*", "Policy blog of Example Corp, 9 November 2023, by Ana Example")]
    [InlineData("Ana Example | Senior Fellow, Example Institute | 3 March 2026", "Ana Example | Senior Fellow, Example Institute | 3 March 2026")]
    [InlineData("Ana Example, Senior Fellow, Example Institute", "Ana Example, Senior Fellow, Example Institute")]
    public void A_header_line_that_says_who_wrote_it_is_the_byline(string header, string author)
    {
        var document = ReportReader.Read($"# Why norms matter\n\n{header}\n\nWe believe the norms deserve more attention from every government, and we say so often.\n", "post.md");
        Assert.Equal(author, document.Author);
        Assert.StartsWith("We believe", document.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- Capacity building remains a priority for all regions.")]
    [InlineData("- brazil, chile")]
    public void A_closing_bullet_that_is_no_signature_stays_in_the_body(string line)
    {
        var document = ReportReader.Read($"Notes\n\nStates discussed the norms at length and agreed to meet again.\n\n{line}\n", "notes.txt");
        Assert.Null(document.Author);
        Assert.Contains(line[2..], document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_layout_still_reads_with_the_first_line_as_title()
    {
        var document = ReportReader.Read("Notes from the corridor\nSeveral delegations wanted a programme of action soon, and said so twice.", "notes.txt");
        Assert.Equal("Notes from the corridor", document.Title);
        Assert.Null(document.Date);
        Assert.Contains("programme of action", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_drops_markup_and_reads_front_matter()
    {
        const string markdown = """
            ---
            title: Side event on ransomware
            date: 2023-07-14
            ---
            # Heading that is not the title

            **Estonia** called for [stronger cooperation](https://example.org) against ransomware groups.

            - Japan agreed.
            """;
        var document = ReportReader.Read(markdown, "side.md");
        Assert.Equal(ReportFormat.Markdown, document.Format);
        Assert.Equal("Side event on ransomware", document.Title);
        Assert.Equal(new DateOnly(2023, 7, 14), document.Date);
        Assert.Contains("Estonia called for stronger cooperation against ransomware groups.", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", document.Body, StringComparison.Ordinal);
        Assert.Contains("Japan agreed.", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_keeps_paragraphs_and_drops_navigation_scripts_and_styles()
    {
        const string html = """
            <!DOCTYPE html><html><head><title>Site | Cyber debate</title>
            <meta property="article:published_time" content="2019-10-21T09:00:00Z"><style>p{color:red}</style></head>
            <body><nav><a href="/">Home</a> Menu items</nav>
            <article><h1>First Committee cyber debate</h1>
            <p>Ecuador stressed that legal standards apply in cyberspace.</p><script>track()</script>
            <p>Pakistan warned of an arms race.</p></article>
            <footer>Copyright</footer></body></html>
            """;
        var document = ReportReader.Read(html, "page.html");
        Assert.Equal(ReportFormat.Html, document.Format);
        Assert.Equal("First Committee cyber debate", document.Title);
        Assert.Equal(new DateOnly(2019, 10, 21), document.Date);
        Assert.Contains("Ecuador stressed", document.Body, StringComparison.Ordinal);
        Assert.Contains("Pakistan warned", document.Body, StringComparison.Ordinal);
        foreach (var chrome in new[] { "Menu", "track()", "color:red", "Copyright" })
        {
            Assert.DoesNotContain(chrome, document.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_text_beside_inline_elements_is_one_block_and_comments_are_not_text()
    {
        const string html = """
            <html><body><article><h1>Cyber debate</h1>
            <div>Kenya <b>called</b> for the <a href="/n">protection</a> of CERTs.<!-- Egypt objected. --> Ghana agreed.<br>Peru spoke last.</div>
            </article></body></html>
            """;
        var document = ReportReader.Read(html, "page.html");

        Assert.Equal("Kenya called for the protection of CERTs. Ghana agreed. Peru spoke last.", document.Body);
    }

    [Fact]
    public void A_line_break_inside_a_paragraph_cell_or_item_keeps_the_words_on_either_side_apart()
    {
        const string html = """
            <html><body><h1>Session notes</h1>
            <p>Germany supported the protection of hospitals.<br>France stressed the public core of the internet.</p>
            <table><tr><td>Kenya<br/>Ghana</td></tr></table>
            <ul><li>Peru<br>Chile</li><li>Mexico</li></ul>
            </body></html>
            """;
        var document = ReportReader.Read(html, "page.html");

        Assert.Equal("Germany supported the protection of hospitals. France stressed the public core of the internet.\n\nKenya Ghana\n\n"
            + "- Peru Chile\n- Mexico", document.Body);
    }

    [Fact]
    public void An_html_list_of_plain_items_is_one_block_of_one_line_per_item_and_a_list_of_paragraphs_is_not()
    {
        const string html = """
            <html><body><h1>Session notes</h1>
            <p>Ghana made the following points:</p>
            <ul><li>first, that CERTs <b>must</b> be protected;</li><li>second, that capacity building should be demand-driven.</li></ul>
            <ol><li><p>Peru asked for a glossary.</p></li><li><p>Chile agreed.</p></li></ol>
            </body></html>
            """;
        var document = ReportReader.Read(html, "page.html");

        Assert.Equal("Ghana made the following points:\n\n- first, that CERTs must be protected;\n- second, that capacity building should be demand-driven."
            + "\n\nPeru asked for a glossary.\n\nChile agreed.", document.Body);
    }

    [Fact]
    public void Html_blocks_inside_a_list_item_or_a_cell_stay_apart()
    {
        const string html = """
            <html><body><h1>Session notes</h1>
            <ol><li>International law applies, in particular:<ul><li>the UN Charter</li><li>humanitarian law</li></ul></li></ol>
            <ul><li><p>A treaty is needed.</p><p>States should respect sovereignty.</p></li></ul>
            <table><tr><td><p>Peru spoke.</p><p>Chile agreed.</p></td></tr></table>
            </body></html>
            """;
        var document = ReportReader.Read(html, "page.html");

        Assert.Equal("International law applies, in particular:\n\n- the UN Charter\n- humanitarian law\n\nA treaty is needed.\n\n"
            + "States should respect sovereignty.\n\nPeru spoke.\n\nChile agreed.", document.Body);
    }

    [Theory]
    [InlineData("page.html", "<html><body><h1>Notes</h1><p>Brazil made the following points:</p><ul><li>States should protect critical infrastructure from ICT attacks</li><li>International humanitarian law applies to cyberspace</li></ul></body></html>")]
    [InlineData("page.md", "# Notes\n\nBrazil made the following points:\n\n- States should protect critical infrastructure from ICT attacks\n- International humanitarian law applies to cyberspace\n")]
    public void Each_list_item_is_a_sentence_of_its_own_without_closing_punctuation(string name, string text)
    {
        var sentences = NormsGraph.Core.Text.SentenceSplitter.Split(ReportReader.Read(text, name).Body);

        Assert.Contains(sentences, s => s.Text == "- States should protect critical infrastructure from ICT attacks");
        Assert.Contains(sentences, s => s.Text == "- International humanitarian law applies to cyberspace");
    }

    [Fact]
    public void Format_is_sniffed_from_content_when_the_name_says_nothing()
    {
        Assert.Equal(ReportFormat.Html, ReportReader.DetectFormat("<html><body><p>x</p></body></html>", null));
        Assert.Equal(ReportFormat.Markdown, ReportReader.DetectFormat("# Title\n\ntext", null));
        Assert.Equal(ReportFormat.PlainText, ReportReader.DetectFormat("Title\n\ntext", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("Title only\n\n12 Feb 2020")]
    public void Text_without_a_usable_body_is_rejected_with_a_reason(string text)
    {
        var error = Assert.Throws<ReportRejectedException>(() => ReportReader.Read(text, "x.txt"));
        Assert.Equal("EMPTY_REPORT", error.Code);
    }

    [Theory]
    [InlineData("Canada supported the protection of critical infrastructure. Brazil opposed it, and Chile agreed with Canada.\n", "x.txt")]
    [InlineData("<html><body><p>Canada supported the protection of critical infrastructure. Brazil opposed it, and Chile agreed with Canada.</p></body></html>", "x.html")]
    public void A_report_of_one_paragraph_is_its_own_body_titled_by_its_opening_words(string text, string name)
    {
        var document = ReportReader.Read(text, name);

        Assert.Equal("Canada supported the protection of critical infrastructure. Brazil opposed it, and Chile agreed with Canada.", document.Body);
        Assert.Equal("Canada supported the protection of critical infrastructure. Brazil opposed it…", document.Title);
    }

    [Fact]
    public void Binary_content_is_rejected() =>
        Assert.Equal("BINARY_CONTENT", Assert.Throws<ReportRejectedException>(() => ReportReader.Read("PK\u0003\u0004\0\0\0binary", "x.txt")).Code);

    [Fact]
    public void Invalid_utf8_is_rejected_but_a_utf16_file_with_a_bom_decodes()
    {
        Assert.Equal("UNDECODABLE", Assert.Throws<ReportRejectedException>(() => ReportDecoder.Decode([0x41, 0xC3, 0x28, 0x42])).Code);
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("Hello")).ToArray();
        Assert.Equal("Hello", ReportDecoder.Decode(utf16));
    }

    [Theory]
    [InlineData(10, true)]   // one control character in ten: more than a twentieth
    [InlineData(30, false)]  // one in thirty
    public void Control_characters_make_binary_content_past_a_twentieth_of_the_first_8_KB(int every, bool binary)
    {
        var text = string.Concat(Enumerable.Range(0, 900).Select(i => i % every == 0 ? "\u0001" : "a"));
        Assert.Equal(binary, ReportReader.LooksBinary(text + "\n\t\r\f"));
        Assert.True(ReportReader.LooksBinary(new string('a', 8000) + "\0"));
        Assert.False(ReportReader.LooksBinary(new string('a', 8192) + "\0"));
    }

    [Fact]
    public void A_body_needs_twenty_letters_whatever_else_it_has()
    {
        Assert.Throws<ReportRejectedException>(() => ReportReader.Read("Title\n\n1234 5678 90 -- abcdefghijklmnopqrs", "r.txt"));
        Assert.NotNull(ReportReader.Read("Title\n\n1234 5678 90 -- abcdefghijklmnopqrst", "r.txt"));
    }

    [Theory]
    [InlineData("Buenos Aires, Argentina")]
    [InlineData("Geneva, Switzerland, 3 May 2026")]
    public void A_place_line_in_the_header_is_no_byline(string header)
    {
        var document = ReportReader.Read($"Why norms matter\n\n{header}\n\nWe believe the norms deserve more attention from every government, and we say so often.\n", "post.txt");
        Assert.Null(document.Author);
    }

    [Fact]
    public void A_long_title_under_a_site_s_name_stays_in_the_header_when_a_byline_follows()
    {
        var document = ReportReader.Read("""
            Example Corp Daily - Corporate news
            Why trust in technology has to be verifiable, and what governments can do about it next week
            By Ana Example, Head of Public Affairs, Example Corp
            2 March 2026

            Next week diplomats meet in New York for the first session of the new mechanism.
            """, "post.txt");
        Assert.Equal("By Ana Example, Head of Public Affairs, Example Corp", document.Author);
        Assert.StartsWith("Next week", document.Body, StringComparison.Ordinal);
    }
}
