using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>
/// The in-memory search index cuts texts into words as FTS5's tokenizer does: each text here goes through SQLite's own
/// tokenizer (an FTS5 table configured as <c>search_fts</c>, read back through <c>fts5vocab</c>) and through
/// <see cref="SearchTokens"/>, and the words must be the same.
/// </summary>
public sealed class SearchTokensTests
{
    [Theory]
    [InlineData("Côte d'Ivoire supports the norm on CERTs, 3.14 times.")]
    [InlineData("Ce\u0301cile naïve façade Øresund Łódź Đorđe ǻ ǿ Ṩ ẞ Straße")]
    [InlineData("İstanbul ISTANBUL ı ſt ϐ ς ẛ µ \u212A \u2126 ǅ Ǆ")]
    [InlineData("中文测试 日本語 ภาษาไทย Ελληνικά ά α\u0301β Σίσυφος")]
    [InlineData("क्षत्रिय שָׁלוֹם مَرْحَبًا x\u0483y e\u20DDf")]
    [InlineData("x²³ ½ ⅷ Ⅻ a_b a-b emoji😀word \u00ADsoft zero\u200Bwidth ﬁne ｆｕｌｌ Ⓐb \uE000private")]
    [InlineData("500₽ 0.1₿ \u2067مرحبا\u2069 q\u0305z \u0301 smile🥲face Ǡǡ ᎠᏣᎳᎩ ᲒᲔᲝ Ꭰꭰ \u0378x 𐐀𐐨")]
    public void Words_are_those_of_the_FTS5_tokenizer(string text) =>
        Assert.Equal(Fts5Tokens([text])[0], SearchTokens.Of(text));

    [Fact]
    public void Random_texts_in_many_scripts_give_the_same_words()
    {
        // Letters and marks from the scripts reports are written in, and the characters whose folding is irregular.
        const string pool = "aAzZ09 .,'-_éÉèçÇñÑüÜöÖåÅøØæÆœŒßẞłŁđĐıİſǅǆǄĳŀ" + "ąęśźżĄĘŚŹŻčřšžČŘŠŽőűŐŰ" + "ΑαΩωάέήίόύώςσΣϐϑ" + "АаЖжЁёЙйЇї"
            + "\u0300\u0301\u0308\u0327\u0483\u094D\u05B8\u064E\u20DD" + "कषতשلم中日本ภา" + "²½ⅷ①" + "\u00AD\u200B\u2019\u201C\t\n" + "ｆＡﬁ\uE000";
        var random = new Random(20261207);
        var runes = pool.EnumerateRunes().ToArray();
        var texts = Enumerable.Range(0, 2000).Select(_ =>
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 24); i > 0; i--)
            {
                text.Append(random.Next(10) == 0 ? "😀" : runes[random.Next(runes.Length)].ToString());
            }
            return text.ToString();
        }).ToList();

        var expected = Fts5Tokens(texts);

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.True(expected[i].SequenceEqual(SearchTokens.Of(texts[i])),
                $"'{texts[i]}': FTS5 [{string.Join(", ", expected[i])}], here [{string.Join(", ", SearchTokens.Of(texts[i]))}]");
        }
    }

    [Fact]
    public void Every_code_point_is_treated_as_SQLite_treats_it()
    {
        // Each code point between two letters, 512 to a row: it ends the word ("q", "z"), is dropped from it ("qz"), or
        // is a letter of it, folded ("q" + folded + "z"). NUL is left out: a text bound to a statement ends at it.
        var codePoints = Enumerable.Range(1, 0x10FFFF).Where(c => c is < 0xD800 or > 0xDFFF).ToList();
        var rows = codePoints.Chunk(512).Select(chunk => string.Join(' ', chunk.Select(c => "q" + char.ConvertFromUtf32(c) + "z"))).ToList();
        var tokens = Fts5Tokens(rows).SelectMany(t => t).GetEnumerator();
        var kinds = new Dictionary<int, int>();
        foreach (var c in codePoints)
        {
            Assert.True(tokens.MoveNext(), $"U+{c:X4}");
            var token = tokens.Current;
            if (token == "q")
            {
                tokens.MoveNext();
                kinds[c] = SearchTokenTable.S;
            }
            else
            {
                kinds[c] = token == "qz" ? SearchTokenTable.D : char.ConvertToUtf32(token, 1) - c;
            }
        }
        List<int> ranges = [0, SearchTokenTable.S];
        for (var c = 1; c < 0x110000; c++)
        {
            // Surrogates are never looked up; they go with the code point before them.
            var kind = kinds.TryGetValue(c, out var k) ? k : ranges[^1];
            if (ranges[^1] != kind)
            {
                ranges.AddRange([c, kind]);
            }
        }

        var table = Path.Combine(Path.GetTempPath(), "SearchTokenTable.ranges.txt");
        if (!ranges.SequenceEqual(SearchTokenTable.Ranges))
        {
            File.WriteAllLines(table, ranges.Chunk(2).Select(r => $"0x{r[0]:X4}, {Kind(r[1])},"));
        }
        Assert.True(ranges.SequenceEqual(SearchTokenTable.Ranges), $"SQLite's tokenizer and SearchTokenTable disagree; SQLite's ranges are in {table}");
    }

    private static string Kind(int kind) => kind switch
    {
        SearchTokenTable.S => "S",
        SearchTokenTable.D => "D",
        _ => kind.ToString(CultureInfo.InvariantCulture),
    };

    private static List<List<string>> Fts5Tokens(List<string> texts)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);
                """;
            create.ExecuteNonQuery();
        }
        for (var i = 0; i < texts.Count; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (rowid, x) VALUES ($id, $x);";
            insert.Parameters.AddWithValue("$id", i);
            insert.Parameters.AddWithValue("$x", texts[i]);
            insert.ExecuteNonQuery();
        }
        var tokens = texts.Select(_ => new List<(long Offset, string Term)>()).ToList();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT doc, offset, term FROM v;";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            tokens[reader.GetInt32(0)].Add((reader.GetInt64(1), reader.GetString(2)));
        }
        return [.. tokens.Select(t => t.OrderBy(x => x.Offset).Select(x => x.Term).ToList())];
    }
}
