using System.Globalization;
using System.Net;
using System.Text;
using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Samples;

/// <summary>
/// Generates short, realistic event reports (plain text, Markdown and HTML) from a few templates, for
/// crash tests and the ingestion benchmark: the real reports cannot be redistributed, and load tests need
/// hundreds of distinct ones. Deterministic for a seed; no two reports of one call have the same content.
/// </summary>
public static class SyntheticReports
{
    private static readonly string[] States =
    [
        "Germany", "Brazil", "Kenya", "Japan", "Canada", "Mexico", "India", "Estonia", "Singapore", "South Africa",
        "Australia", "the Netherlands", "France", "Chile", "Indonesia", "Egypt", "Switzerland", "Ghana", "Colombia", "Norway",
    ];

    private static readonly string[] Organisations =
    [
        "Access Now", "Microsoft", "the International Committee of the Red Cross", "the European Union", "the Internet Society",
        "Global Partners Digital", "the African Union", "the Freedom Online Coalition", "ICANN", "the OSCE",
    ];

    // (noun phrase, clause): the same commitment said two ways, so sentences can call for it or affirm it.
    private static readonly (string Phrase, string Clause)[] Commitments =
    [
        ("the protection of critical infrastructure from ICT attacks", "states must not damage critical infrastructure that provides services to the public"),
        ("the protection of computer emergency response teams", "CERTs and CSIRTs should never be the target of malicious activity"),
        ("responsible reporting of ICT vulnerabilities", "vulnerabilities should be disclosed responsibly and patched quickly"),
        ("measures that ensure the integrity of the supply chain", "the integrity of the ICT supply chain has to be ensured"),
        ("the application of international law to cyberspace", "international law, and in particular the UN Charter, applies in cyberspace"),
        ("respect for international humanitarian law in armed conflict", "international humanitarian law applies to cyber operations during armed conflict"),
        ("respect for human rights online", "human rights apply online as they do offline"),
        ("a human-centric approach to cybersecurity", "cybersecurity policy must be human-centric and rights-based"),
        ("meaningful multistakeholder participation", "non-governmental stakeholders must be able to take part in these discussions"),
        ("confidence-building measures such as a directory of points of contact", "confidence-building measures reduce the risk of escalation"),
        ("capacity building that is demand-driven and sustainable", "capacity building should follow the needs of the recipient countries"),
        ("the protection of electoral infrastructure", "electoral infrastructure must be protected from interference"),
        ("the public core of the internet", "no one should disrupt the public core of the internet"),
        ("publishing national positions on how international law applies", "every state should publish its position on how international law applies"),
    ];

    private static readonly string[] Proposals =
    [
        "a Programme of Action to advance responsible state behaviour",
        "a new legally binding instrument on ICT security",
        "a peer review mechanism for the implementation of the norms",
        "a global repository of cyber capacity-building programmes",
        "regular technical exchanges between national CERTs",
    ];

    private static readonly string[] Concerns =
    [
        "the spread of commercial spyware used against journalists and activists",
        "ransomware attacks on hospitals and health services",
        "the growing militarisation of cyberspace",
        "attacks on the supply chain of widely used software",
        "the criminalisation of security researchers",
    ];

    private static readonly string[] Rejections =
    [
        "a new legally binding instrument at this stage",
        "any language that would weaken the existing framework",
        "proposals to create new bodies before existing commitments are implemented",
    ];

    private static readonly string[] SupportVerbs = ["stressed", "reiterated", "underlined", "emphasised", "highlighted"];
    private static readonly string[] CallVerbs = ["called for", "welcomed", "voiced support for", "urged progress on", "advocated for"];

    private static readonly string[] Fillers =
    [
        "Participants compared experiences from their regions.",
        "The discussion then turned to practical implementation.",
        "Several speakers noted the gap between commitments and practice.",
        "Questions from the audience focused on funding and follow-up.",
        "The moderator opened the floor for a round of short interventions.",
        "Speakers drew on recent incidents to illustrate their points.",
        "The session ran over time because of the number of requests for the floor.",
        "A short video on regional cooperation was shown before the debate.",
    ];

    private static readonly (string Title, string Lead)[] Settings =
    [
        ("OEWG informal consultations: {0}", "The consultations of the Open-Ended Working Group focused on {0}."),
        ("IGF {1} WS #{2} {0}", "The Internet Governance Forum workshop looked at {0}."),
        ("UN First Committee thematic debate on {0}", "Delegations in the First Committee debated {0}."),
        ("Paris Call working group: {0}", "The working group of the Paris Call met to discuss {0}."),
        ("Human Rights Council side event on {0}", "The side event brought together diplomats and civil society to discuss {0}."),
    ];

    private static readonly string[] Topics =
    [
        "protecting critical infrastructure", "responsible state behaviour in cyberspace", "capacity building for developing countries",
        "human rights and cybersecurity", "the future of the Programme of Action", "vulnerability disclosure",
        "confidence-building measures", "ransomware and the health sector", "the application of international law",
        "spyware and civil society", "election security", "supply chain security",
    ];

    private static readonly string[] Authors = ["Ana Moreira", "Tomás Ruiz", "Grace Wanjiru", "Lena Fischer", "Ravi Iyer", "Mei Tanaka"];

    public static IReadOnlyList<SyntheticReport> Generate(int count, int seed = 2021)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var reports = new List<SyntheticReport>(count);
        var contents = new HashSet<string>(StringComparer.Ordinal);
        while (reports.Count < count)
        {
            var report = One(random, reports.Count);
            if (contents.Add(report.Content))
            {
                reports.Add(report);
            }
        }
        return reports;
    }

    /// <summary>Writes <paramref name="count"/> reports into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, int count, int seed = 2021)
    {
        Directory.CreateDirectory(folder);
        return Generate(count, seed).Select(r =>
        {
            var path = Path.Combine(folder, r.FileName);
            File.WriteAllText(path, r.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return path;
        }).ToList();
    }

    private static SyntheticReport One(Random random, int index)
    {
        var date = new DateOnly(2019, 9, 1).AddDays(random.Next(0, 5 * 365));
        var topic = Pick(random, Topics);
        var setting = Pick(random, Settings);
        var title = string.Format(CultureInfo.InvariantCulture, setting.Title, topic, date.Year, 100 + index);
        var hour = random.Next(8, 17);
        var dateLine = string.Format(CultureInfo.InvariantCulture, "{0:d MMM yyyy} {1:00}:00h - {2:00}:{3:00}h",
            date, hour, hour + random.Next(1, 3), random.Next(0, 2) * 30);
        var paragraphs = new List<string> { Capitalise(string.Format(CultureInfo.InvariantCulture, setting.Lead, topic)) + " " + Pick(random, Fillers) };
        var speakers = random.Next(3, 6);
        for (var i = 0; i < speakers; i++)
        {
            paragraphs.Add(Paragraph(random));
        }
        paragraphs.Add(Pick(random, Fillers) + " " + $"The meeting closed with a summary of the main points raised on {topic}.");
        var author = random.Next(3) == 0 ? Pick(random, Authors) : null;

        var slug = StableIds.Slug(title);
        var name = $"{index + 1:D4}-{slug[..Math.Min(slug.Length, 48)].TrimEnd('-')}";
        return random.Next(10) switch
        {
            < 7 => new SyntheticReport(name + ".txt", PlainText(title, dateLine, paragraphs, author)),
            < 9 => new SyntheticReport(name + ".md", Markdown(title, dateLine, paragraphs, author)),
            _ => new SyntheticReport(name + ".html", Html(title, dateLine, paragraphs, author)),
        };
    }

    private static string Paragraph(Random random)
    {
        var actor = random.Next(3) == 0 ? Pick(random, Organisations) : Pick(random, States);
        var sentences = new List<string>();
        var (phrase, clause) = Pick(random, Commitments);
        sentences.Add(random.Next(4) switch
        {
            0 => $"{Capitalise(actor)} {Pick(random, SupportVerbs)} that {clause}.",
            1 => $"{Capitalise(actor)} {Pick(random, CallVerbs)} {phrase}.",
            2 => $"Speaking for {actor}, the representative {Pick(random, SupportVerbs)} that {clause}.",
            _ => $"The delegation of {actor} {Pick(random, CallVerbs)} {phrase}, noting its own experience at home.",
        });
        switch (random.Next(5))
        {
            case 0:
                sentences.Add($"It also proposed {Pick(random, Proposals)}.");
                break;
            case 1:
                sentences.Add($"It expressed concern about {Pick(random, Concerns)}.");
                break;
            case 2:
                sentences.Add($"However, {actor} rejected {Pick(random, Rejections)}.");
                break;
            case 3:
                var (other, _) = Pick(random, Commitments);
                sentences.Add($"{Capitalise(actor)} further {Pick(random, CallVerbs)} {other}.");
                break;
        }
        if (random.Next(2) == 0)
        {
            sentences.Add(Pick(random, Fillers));
        }
        return string.Join(' ', sentences);
    }

    private static string PlainText(string title, string dateLine, List<string> paragraphs, string? author)
    {
        var text = new StringBuilder();
        text.Append(title).Append("\n\n").Append(dateLine).Append("\n\nEvent report\n\n");
        text.AppendJoin("\n\n", paragraphs).Append('\n');
        if (author is not null)
        {
            text.Append("\nBy ").Append(author).Append('\n');
        }
        return text.ToString();
    }

    private static string Markdown(string title, string dateLine, List<string> paragraphs, string? author)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n*").Append(dateLine).Append("*\n\n");
        text.AppendJoin("\n\n", paragraphs).Append('\n');
        if (author is not null)
        {
            text.Append("\nBy ").Append(author).Append('\n');
        }
        return text.ToString();
    }

    private static string Html(string title, string dateLine, List<string> paragraphs, string? author)
    {
        var text = new StringBuilder();
        var encodedTitle = WebUtility.HtmlEncode(title);
        text.Append("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").Append(encodedTitle).Append("</title></head>\n<body>\n");
        text.Append("<nav><a href=\"/\">Home</a> <a href=\"/events\">Events</a></nav>\n<article>\n<h1>").Append(encodedTitle).Append("</h1>\n");
        text.Append("<p class=\"date\">").Append(WebUtility.HtmlEncode(dateLine)).Append("</p>\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }
        if (author is not null)
        {
            text.Append("<p>By ").Append(WebUtility.HtmlEncode(author)).Append("</p>\n");
        }
        text.Append("</article>\n<footer>Share this report</footer>\n</body>\n</html>\n");
        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
