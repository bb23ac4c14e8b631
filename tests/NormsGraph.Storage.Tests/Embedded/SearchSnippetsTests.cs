using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>
/// <see cref="SearchSnippets"/> gives the snippet FTS5 gives: each body here is searched through SQLite's own
/// <c>snippet(search_fts, 1, '[', ']', '…', 12)</c> on the store's schema, with the search's words as the title so that
/// every document matches even when its body holds none of them, and the two strings must be equal.
/// </summary>
public sealed class SearchSnippetsTests
{
    private const string Counting = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";

    [Theory]
    [InlineData("Alpha beta gamma.", "beta")]
    [InlineData("Alpha beta gamma.", "alpha gamma")]
    [InlineData(Counting, "one")]
    [InlineData(Counting, "six")]
    [InlineData(Counting, "ten")]
    [InlineData(Counting, "twelve")]
    [InlineData(Counting, "thirteen")]
    [InlineData(Counting, "twenty")]
    [InlineData(Counting, "nineteen twenty")]
    [InlineData(Counting, "two nineteen")]
    [InlineData(Counting, "three seven eleven")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve", "twelve")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen", "thirteen")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen", "one")]
    [InlineData(Counting, "t")]
    [InlineData(Counting, "f s")]
    [InlineData(Counting, "four four")]
    [InlineData(Counting, "fou four")]
    [InlineData("disclosure a b c d e f g h i j k l m disclosure disclosure n o p q r s t u v w x y z disclosure", "disclosure")]
    [InlineData("responsible a b c d e f g h i j k l m disclosure n o responsible disclosure p q r s t u v w x y z", "responsible disclosure")]
    public void The_window_is_the_one_FTS5_chooses_wherever_the_hits_are(string body, string search) => AssertAsFts5(body, search);

    [Theory]
    [InlineData("First sentence here. Second sentence has the word alpha in it and goes on for longer than twelve words do.", "alpha")]
    [InlineData("A heading: then a list of things that goes on and on until alpha shows up near the end of it all.", "alpha")]
    [InlineData("Is this a question? It is one and the word alpha comes after it somewhere in the middle of the text here.", "alpha")]
    [InlineData("Pi is 3.14 and then a long run of words follows before alpha is met somewhere far in the text here.", "alpha")]
    [InlineData("One.\n\nTwo three four five six seven eight nine ten eleven twelve thirteen alpha fourteen fifteen sixteen.", "alpha")]
    [InlineData("One.\tTwo.\r\nThree:  four five six seven eight nine ten eleven twelve thirteen fourteen alpha fifteen sixteen.", "alpha")]
    [InlineData("Words (etc.) and more words until alpha and beyond it a few more words to make it long enough.", "alpha")]
    [InlineData("Short. Alpha here. Then many more words follow the sentence that holds the hit until the end.", "alpha")]
    [InlineData("Intro alpha a b c d e f g h i j k. Next alpha alpha l m n o p q r s t.", "alpha")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z alpha. beta gamma delta alpha alpha.", "alpha")]
    [InlineData("alpha a b c d e f g h i j k l m n o p q r s t u v w x y z. beta alpha gamma alpha delta.", "alpha")]
    [InlineData("a b c d e f g h i j k l. m n o p alpha q r s t u v w x y z. alpha beta.", "alpha beta")]
    [InlineData("Alpha. Beta. Gamma. Delta. Epsilon. Zeta. Eta. Theta. Iota. Kappa. Lambda. Mu. Nu. Xi. Omicron.", "nu")]
    [InlineData("Alpha. Beta. Gamma. Delta. Epsilon. Zeta. Eta. Theta. Iota. Kappa. Lambda. Mu. Nu. Xi. Omicron.", "eta zeta")]
    public void A_window_starts_at_a_sentence_when_FTS5_would_start_it_there(string body, string search) => AssertAsFts5(body, search);

    [Theory]
    [InlineData("  leading spaces, alpha -- beta!!  trailing...  ", "alpha")]
    [InlineData("  leading spaces, alpha -- beta!!  trailing...  ", "trailing")]
    [InlineData("...alpha,beta;gamma::delta", "beta delta")]
    [InlineData("((alpha)) [beta] {gamma} <delta> \"epsilon\" 'zeta' a b c d e f g h i j k l m n o p ...!?", "gamma")]
    [InlineData("a  b \t c \r\n d e f g h i j k l m n o \n\n\n alpha \t\t p q r s t u v w x y z   \r\n", "alpha")]
    [InlineData("a_b a-b a.b a/b alpha-beta alpha_beta", "alpha beta")]
    [InlineData("[alpha] is already in brackets … and an ellipsis", "alpha")]
    public void Text_between_words_is_copied_as_FTS5_copies_it(string body, string search) => AssertAsFts5(body, search);

    [Theory]
    [InlineData("Sécurité numérique : la cybersécurité des États et des Länder, façade naïve.", "securite etats")]
    [InlineData("Sécurité numérique : la cybersécurité des États et des Länder, façade naïve.", "CYBERSÉCURITÉ")]
    [InlineData("Η ασφάλεια του κυβερνοχώρου είναι σημαντική. Ο Σίσυφος και η ΑΣΦΑΛΕΙΑ ξανά και ξανά και ξανά.", "ασφαλεια")]
    [InlineData("中文 测试 日本語 ภาษาไทย 中文 한국어 문장 中文", "中文")]
    [InlineData("smile🥲face and 😀 alpha 😀 and 🥲 more 😀😀 words 𐐀𐐨 here and 𐐨 there", "alpha")]
    [InlineData("smile🥲face and 😀 alpha 😀 and 🥲 more 😀😀 words 𐐀𐐨 here and 𐐨 there", "words there")]
    [InlineData("Ce\u0301cile e\u0301te\u0301 \u0301alpha cafe\u0301\u0301 q\u0305z a\u0301\u0301 b", "cecile cafe alpha")]
    [InlineData("\u0301\u0301alpha\u0301 \u0301 beta\u0301. \u0301Gamma", "alpha beta gamma")]
    [InlineData("Prices rose to 500₽ and 0.1₿ in the \u2067مرحبا\u2069 region, and the ‘quotes’ — dashes — stayed.", "region")]
    [InlineData("ﬁne ｆｕｌｌ width Straße STRASSE İstanbul ı ǅ Ǆ x²³ ½ soft\u00ADhyphen zero\u200Bwidth", "fine ful stra")]
    public void Texts_in_other_scripts_are_cut_at_the_characters_FTS5_cuts(string body, string search) => AssertAsFts5(body, search);

    [Theory]
    [InlineData("", "alpha")]
    [InlineData("no hit here at all", "alpha")]
    [InlineData(Counting, "alpha")]
    [InlineData("... !!! ... ???", "alpha")]
    [InlineData("  \n ", "alpha")]
    public void A_body_without_a_hit_gives_what_FTS5_gives(string body, string search) => AssertAsFts5(body, search);

    [Fact]
    public void Random_texts_and_searches_give_the_snippets_of_FTS5()
    {
        var random = new Random(20261207);
        // Few words, so that hits are frequent, repeated and near each other; words that prefix others; other scripts,
        // folded and unfolded forms, combining marks; separators that end sentences for FTS5 and some that do not.
        string[] vocabulary = ["alpha", "alp", "al", "a", "alphabet", "beta", "b", "1", "12", "3.14", "naïve", "naive", "Über", "ueber",
            "cyber", "cybersecurity", "中文", "Ελληνικά", "ελλ", "e\u0301te\u0301", "😀", "smile🥲face", "𐐀𐐨x", "x", "norm", "norms", "Disclosure"];
        string[] separators = [" ", " ", " ", " ", ", ", ". ", ".", ": ", "? ", "! ", "  ", "\n", ".\n\n", " — ", "\t", " (", ") ", "…", "\u0301 "];
        var cases = new List<(string Body, string Search)>();
        while (cases.Count < 4000)
        {
            var body = new StringBuilder(random.Next(4) == 0 ? separators[random.Next(separators.Length)] : "");
            for (var i = random.Next(random.Next(3) == 0 ? 60 : 20); i > 0; i--)
            {
                body.Append(vocabulary[random.Next(vocabulary.Length)]).Append(separators[random.Next(separators.Length)]);
            }
            var search = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            {
                var word = vocabulary[random.Next(vocabulary.Length)];
                return random.Next(3) == 0 ? word[..random.Next(1, word.Length + 1)] : word;
            }));
            if (Terms(search) is not null)
            {
                cases.Add((body.ToString(), search));
            }
        }

        var expected = Fts5Snippets(cases);
        // The cases reach every part of the algorithm: windows cut at either end or both, several hits, bodies without one.
        Assert.True(expected.Count(s => s!.StartsWith('…') && s.EndsWith('…')) > 200);
        Assert.True(expected.Count(s => s!.StartsWith('…') && !s.EndsWith('…')) > 200);
        Assert.True(expected.Count(s => s!.Count(c => c == '[') > 2) > 500);
        Assert.True(expected.Count(s => !s!.Contains('[', StringComparison.Ordinal)) > 200);

        for (var i = 0; i < cases.Count; i++)
        {
            AssertSame(cases[i].Body, cases[i].Search, expected[i]);
        }
    }

    [Fact]
    public void Words_are_placed_on_the_characters_they_were_cut_from()
    {
        // Letters, separators, dropped diacritics (also where a word would start), letters beyond the Basic Multilingual
        // Plane, folded to one or two chars, and unpaired surrogates, which SQLite reads as U+FFFD.
        var pool = "aZ9 .,-é\u0301\u0308\u0305ßİΣς中\t".Select(c => c.ToString()).Concat(["😀", "𐐀", "𐐨", "\uD800", "\uDC00"]).ToArray();
        var random = new Random(20261208);
        for (var n = 0; n < 2000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pool[random.Next(pool.Length)]));
            var placed = new List<(string Token, int Start, int End)>();
            SearchTokens.EachPlaced(text, (token, start, end) => placed.Add((token.ToString(), start, end)));
            var cut = string.Join(" | ", placed.Select(p => $"{p.Token} at {p.Start}..{p.End}"));
            Assert.True(placed.Select(p => p.Token).SequenceEqual(SearchTokens.Of(text)), $"\"{Show(text)}\": [{cut}], Each gives [{string.Join(" | ", SearchTokens.Of(text))}]");
            foreach (var (token, start, end) in placed)
            {
                // Its characters make the word alone, it starts at a letter, and what follows it is no part of it.
                Rune.DecodeFromUtf16(text.AsSpan(start), out var first, out _);
                var next = end < text.Length && Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out _) == OperationStatus.Done ? rune.ToString() : " ";
                Assert.True(SearchTokens.Of(text[start..end]).SequenceEqual([token]) && SearchTokens.Of(first.ToString()).Count == 1
                    && SearchTokens.Of(text[start..end] + next + "x").SequenceEqual([token, "x"]), $"\"{Show(text)}\": [{cut}]");
            }
        }
    }

    private static void AssertAsFts5(string body, string search)
    {
        Assert.NotNull(Terms(search));
        AssertSame(body, search, Fts5Snippets([(body, search)])[0]);
    }

    private static void AssertSame(string body, string search, string? expected)
    {
        var actual = SearchSnippets.Of(body, Terms(search)!);
        Assert.True(expected == actual, $"text \"{Show(body)}\", search '{search}': FTS5 gives \"{Show(expected)}\", SearchSnippets \"{Show(actual)}\"");
    }

    /// <summary>The terms the in-memory index searches for: each word of the search as the one token FTS5 makes of it; null when a word makes more or none.</summary>
    private static List<string>? Terms(string search)
    {
        var words = EmbeddedSearch.Words(search);
        var terms = words.Select(SearchTokens.Of).ToList();
        return words.Count > 0 && terms.All(t => t.Count == 1) ? [.. terms.Select(t => t[0])] : null;
    }

    /// <summary>Control characters escaped, so that a failure shows the text's line breaks and tabs.</summary>
    private static string Show(string? text) => text is null ? "(null)" : string.Concat(text.Select(c => char.IsControl(c)
        ? $"\\u{((int)c).ToString("X4", CultureInfo.InvariantCulture)}"
        : c.ToString()));

    /// <summary>FTS5's snippet of each body for its search, 500 documents to a fresh in-memory store schema.</summary>
    private static List<string?> Fts5Snippets(List<(string Body, string Search)> cases)
    {
        var snippets = new List<string?>();
        foreach (var chunk in cases.Chunk(500))
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            using (var transaction = connection.BeginTransaction())
            {
                Execute(connection, EmbeddedSchema.Create);
                for (var i = 0; i < chunk.Length; i++)
                {
                    Execute(connection, "INSERT INTO search_docs (rowid, kind, id, title, body) VALUES ($rowid, 'report', $rowid, $title, $body);",
                        ("$rowid", i + 1), ("$title", string.Join(' ', EmbeddedSearch.Words(chunk[i].Search))), ("$body", chunk[i].Body));
                }
                transaction.Commit();
            }
            for (var i = 0; i < chunk.Length; i++)
            {
                using var select = connection.CreateCommand();
                select.CommandText = "SELECT snippet(search_fts, 1, '[', ']', '…', 12) FROM search_fts WHERE search_fts MATCH $match AND rowid = $rowid;";
                select.Parameters.AddWithValue("$match", EmbeddedSearch.MatchExpression(EmbeddedSearch.Words(chunk[i].Search)));
                select.Parameters.AddWithValue("$rowid", i + 1);
                using var reader = select.ExecuteReader();
                Assert.True(reader.Read(), $"'{chunk[i].Search}' does not match its own document");
                snippets.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        }
        return snippets;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
