using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.Tests.Domain;

public sealed class StableIdsTests
{
    [Fact]
    public void Report_id_depends_on_content_only_and_ignores_line_endings()
    {
        Assert.Equal(StableIds.ForReportText("a\r\nb"), StableIds.ForReportText("a\nb"));
        Assert.NotEqual(StableIds.ForReportText("a\nb"), StableIds.ForReportText("a\nc"));
    }

    // The title and the text are hashed as if joined by a line break, line endings made "\n" as
    // string.ReplaceLineEndings does (a CR that ends the title and the joining LF are one line break).
    [Theory]
    [InlineData("Title", "Body.\nMore.")]
    [InlineData("Title\r", "Body.")]
    [InlineData("Title\r\n", "\r\nBody.\r\r\n")]
    [InlineData("", "")]
    [InlineData("T\u2028i\ft\u0085le", "a\u2029b\rc\n\rd")]
    public void Report_id_of_title_and_text_is_that_of_the_joined_text(string title, string text)
    {
        Assert.Equal(StableIds.ForReportText(title + "\n" + text), StableIds.ForReportText(title, text));
        Assert.Equal(Reference(title + "\n" + text), StableIds.ForReportText(title, text));
    }

    // The id as it was first computed: the text with string.ReplaceLineEndings, hashed whole.
    private static string Reference(string text) =>
        "r-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))))[..20];

    [Fact]
    public void Statement_id_ignores_whitespace_but_not_stance()
    {
        var one = StatementIds.Create("doc.txt", "Chile  agreed.", "chl", "p-cbm", Stance.Support);
        Assert.Equal(one, StatementIds.Create("doc.txt", "Chile agreed.", "chl", "p-cbm", Stance.Support));
        Assert.NotEqual(one, StatementIds.Create("doc.txt", "Chile agreed.", "chl", "p-cbm", Stance.Oppose));
    }

    // Ids are stored: their hash and normal form must never drift. These were computed before the hashing was
    // rewritten to stay off the heap (unicode white space, case mapping beyond ASCII, a text longer than the stack buffer).
    [Theory]
    [InlineData("Chile  agreed.", "s-1810c51ec7e01c0142dc", "e-2a993a88c580c726")]
    [InlineData(" \t Chile\u00a0agreed \r\n", "s-e7d498aafab5f71734bd", "e-5cf477370676e873")]
    [InlineData("İSTANBUL ΣΟΦΊΑ Straße 𐐀𐐁 end", "s-62cafe877556c43acc72", "e-70a1668612035ecd")]
    [InlineData("a\u2028b\u3000c", "s-81f4a40252af3d982c90", "e-1d6f35c122ccf041")]
    [InlineData("", "s-756cf5beda21b0a2adf3", "e-5a0b5fe823c832b0")]
    public void Statement_and_event_ids_keep_their_values(string text, string statementId, string eventId)
    {
        Assert.Equal(statementId, StatementIds.Create("doc.txt", text, "chl", "p-cbm", Stance.Support));
        Assert.Equal(eventId, StableIds.ForEvent(text, new DateOnly(2020, 1, 2)));
    }

    // Statements of one sentence in a row, then of another (a cache of the last normalised sentence once stood here).
    [Fact]
    public void Statements_of_one_sentence_and_then_of_another_keep_their_values()
    {
        Assert.Equal("s-1810c51ec7e01c0142dc", StatementIds.Create("doc.txt", "Chile  agreed.", "chl", "p-cbm", Stance.Support));
        Assert.Equal("s-1810c51ec7e01c0142dc", StatementIds.Create("doc.txt", "Chile  agreed.", "chl", "p-cbm", Stance.Support));
        Assert.Equal("s-81f4a40252af3d982c90", StatementIds.Create("doc.txt", "a\u2028b\u3000c", "chl", "p-cbm", Stance.Support));
        Assert.Equal("s-1810c51ec7e01c0142dc", StatementIds.Create("doc.txt", "Chile  agreed.", "chl", "p-cbm", Stance.Support));
    }

    [Fact]
    public void A_long_text_hashes_as_it_always_did()
    {
        var text = new string('x', 3000) + " É " + new string('y', 2000);
        Assert.Equal("s-0d580a7b63bf0580c1e7", StatementIds.Create("doc.txt", text, "chl", "p-cbm", Stance.Support));
        Assert.Equal("r-a3acac199d7961769f1f", StableIds.ForReportText(text));
    }

    [Fact]
    public void Cursor_round_trips_and_garbage_is_refused()
    {
        var cursor = new PositionCursor("2020-02-12", "s-abc");
        Assert.Equal(cursor, PositionCursor.Decode(cursor.Encode()));
        Assert.Throws<ArgumentException>(() => PositionCursor.Decode("not a cursor"));
        Assert.Throws<ArgumentException>(() => PositionCursor.Decode(Convert.ToBase64String("x|y"u8.ToArray())));
    }
}
