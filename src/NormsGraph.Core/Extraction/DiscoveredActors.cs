using System.Text.RegularExpressions;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// Finds actors the taxonomy does not know: organisation names (a run of capitalised words holding an
/// organisation word such as "Foundation" or "Institute") and titled persons ("Mr. Kaye", resolved to
/// "David Kaye" when the report names him in full). Never a plain noun phrase: both need capitals and a marker.
/// </summary>
internal static partial class DiscoveredActors
{
    private const int MaxNameTokens = 9;

    /// <summary>Ids of discovered people start with this.</summary>
    public const string PersonPrefix = "person-";

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "for", "and", "on", "in", "the", "de", "du", "des", "la", "le", "y", "to", "&",
    };

    /// <param name="peopleOnly">Only people with a courtesy title ("Ms. Sarah Chen"): a headline or a list of
    /// speakers capitalises every word, so no other name can be told from the words around it, except the name that
    /// opens an entry of a list of speakers ("- Nnenna Okafor, Paradigm Initiative").</param>
    /// <param name="nameMayOpen">No known actor starts the sentence, so a person's name may.</param>
    public static IEnumerable<PhraseMatch<ActorAlias>> Find(List<Token> tokens, string sentence, ExtractionIndex index, ReportContext context,
        bool peopleOnly = false, bool nameMayOpen = false)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (peopleOnly && i == 0 && nameMayOpen && TryNamedPerson(tokens, sentence, i, index, context, out var entry))
            {
                yield return entry;
                i = entry.End - 1;
                continue;
            }
            if (index.PersonTitles.Contains(tokens[i].Surface) && TryPerson(tokens, sentence, i, context, out var person))
            {
                yield return person;
                i = person.End - 1;
                continue;
            }
            if (peopleOnly || !tokens[i].IsCapitalised)
            {
                continue;
            }
            if (TryTitledPerson(tokens, sentence, i, index, context, out var titled) || TryRoleReference(tokens, sentence, i, context, out titled))
            {
                yield return titled;
                i = titled.End - 1;
                continue;
            }
            if (TryNamedPerson(tokens, sentence, i, index, context, out var named))
            {
                yield return named;
                i = named.End - 1;
                continue;
            }
            var end = i + 1;
            while (end < tokens.Count && end - i < MaxNameTokens && Joined(sentence, tokens[end - 1], tokens[end])
                   && (tokens[end].IsCapitalised || (Connectors.Contains(tokens[end].Surface) && end + 1 < tokens.Count && tokens[end + 1].IsCapitalised)))
            {
                end++;
            }
            var start = tokens[i].Surface is "The" ? i + 1 : i;
            if (end - start >= 2 && IsOrganisationName(tokens, start, end, index) && !index.PersonTitles.Contains(tokens[start].Surface)
                && !IsClauseOrOffice(tokens, start, end, index))
            {
                var name = sentence[tokens[start].Start..tokens[end - 1].End];
                yield return new PhraseMatch<ActorAlias>(start, end, Remember(context, Organisation(name)));
                i = end - 1;
                continue;
            }
            // "According to Professor Anna Berg, …": a run that is no organisation may still hold a titled person.
            i = FirstTitle(tokens, i + 1, end, index) - 1;
        }
    }

    private static int FirstTitle(List<Token> tokens, int from, int end, ExtractionIndex index)
    {
        for (var k = from; k < end; k++)
        {
            if (index.PersonTitles.Contains(tokens[k].Surface))
            {
                return k;
            }
        }
        return end;
    }

    // "Briefing the Council, …" opens a clause with a participle; "Council President" is an office: neither is an
    // organisation's name.
    private static bool IsClauseOrOffice(List<Token> tokens, int start, int end, ExtractionIndex index) =>
        (tokens[start].Surface.EndsWith("ing", StringComparison.Ordinal) && !index.OrganisationPrefixes.Contains(tokens[start].Surface))
        || index.PersonRoles.Contains(tokens[end - 1].Surface) || index.PersonTitles.Contains(tokens[end - 1].Surface);

    // The organisation word is the name's head: "Amnesty International", "Institute for Security Studies";
    // not a modifier, as "International" is in "International Humanitarian Law".
    private static bool IsOrganisationName(List<Token> tokens, int start, int end, ExtractionIndex index)
    {
        if (index.OrganisationPrefixes.Contains(tokens[start].Surface))
        {
            return true;
        }
        for (var i = start + 1; i < end; i++)
        {
            if (index.OrganisationSuffixes.Contains(tokens[i].Surface))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Joined(string sentence, Token left, Token right)
    {
        if (right.Start <= left.End)
        {
            return true; // two tokens of one written word ("cyberspace" is "cyber" + "space")
        }
        var gap = sentence.AsSpan(left.End, right.Start - left.End);
        return gap.Length <= 3 && gap.Trim(" -&").IsEmpty;
    }

    private static Actor Organisation(string name)
    {
        var type = name switch
        {
            _ when UniversityWords().IsMatch(name) => ActorType.Academia,
            _ when CompanyWords().IsMatch(name) => ActorType.PrivateSector,
            _ when name.StartsWith("UN ", StringComparison.Ordinal) || name.StartsWith("United Nations", StringComparison.Ordinal) => ActorType.UnBody,
            _ => ActorType.CivilSociety,
        };
        return new Actor("org-" + StableIds.Slug(name), name, type, [name], Curated: false);
    }

    private const int MaxTitleTokens = 7;

    private static readonly HashSet<string> TitleConnectors = new(StringComparer.Ordinal) { "of", "for", "on", "the" };

    // "Deputy Secretary of State John J. Sullivan", "Chief Legal Officer Brad Smith": a capitalised title holding a
    // role word, then a name of two words (initials may stand between), or the surname of a person met before.
    // The title becomes an alias, so "the Deputy Secretary" later refers back to the same person.
    private static bool TryTitledPerson(List<Token> tokens, string sentence, int start, ExtractionIndex index, ReportContext context,
        out PhraseMatch<ActorAlias> match)
    {
        match = default;
        var end = start;
        while (end < tokens.Count && end - start < MaxTitleTokens + 3
               && (tokens[end].IsCapitalised || (TitleConnectors.Contains(tokens[end].Surface) && end + 1 < tokens.Count && tokens[end + 1].IsCapitalised))
               && (end == start || Joined(sentence, tokens[end - 1], tokens[end]) || IsInitial(sentence, tokens[end - 1])))
        {
            end++;
        }
        if (end < tokens.Count && tokens[end].IsCapitalised && Joined(sentence, tokens[end - 1], tokens[end]))
        {
            return false; // longer than any title and name
        }
        end = AffiliationCut(tokens, start, end, index);
        // The name is read from the end: a surname, initials, a given name.
        var nameStart = end - 1;
        if (nameStart <= start || !IsNameWord(tokens[nameStart].Surface) || IsRole(tokens[nameStart], index))
        {
            return false;
        }
        var surname = tokens[nameStart].Surface;
        while (nameStart - 1 > start && IsInitial(sentence, tokens[nameStart - 1]))
        {
            nameStart--;
        }
        var known = context.PeopleBySurname.GetValueOrDefault(surname);
        if (known is null || (nameStart - 1 > start && IsNameWord(tokens[nameStart - 1].Surface) && !IsRole(tokens[nameStart - 1], index)))
        {
            nameStart--;
            if (nameStart <= start || !IsNameWord(tokens[nameStart].Surface) || IsRole(tokens[nameStart], index))
            {
                return false;
            }
        }
        if (nameStart - start > MaxTitleTokens || !AnyRole(tokens, start, nameStart, index) || TitleConnectors.Contains(tokens[nameStart - 1].Surface))
        {
            return false;
        }
        var title = sentence[tokens[start].Start..tokens[nameStart - 1].End];
        var name = sentence[tokens[nameStart].Start..tokens[end - 1].End];
        var actor = known is not null && nameStart == end - 1
            ? known
            : Person(context, name, TitledAliases(name, title, surname));
        context.PeopleBySurname.TryAdd(surname, actor);
        RememberTitle(context, title, actor);
        match = new PhraseMatch<ActorAlias>(start, end, Remember(context, actor));
        return true;
    }

    // "Foreign Minister Ana Lopez of Peru": the run stops before a connector that follows a two-word name, while
    // "Secretary of State John Kerry" keeps its connector, which follows a role word.
    private static int AffiliationCut(List<Token> tokens, int start, int end, ExtractionIndex index)
    {
        for (var k = start + 3; k < end; k++)
        {
            if (TitleConnectors.Contains(tokens[k].Surface) && IsNameWord(tokens[k - 1].Surface) && IsNameWord(tokens[k - 2].Surface)
                && !IsRole(tokens[k - 1], index) && !IsRole(tokens[k - 2], index))
            {
                return k;
            }
        }
        return end;
    }

    // "The Deputy Secretary emphasised…": a title given earlier to a named person refers back to that person.
    private static bool TryRoleReference(List<Token> tokens, string sentence, int start, ReportContext context, out PhraseMatch<ActorAlias> match)
    {
        match = default;
        if (context.PeopleByTitle.Count == 0)
        {
            return false;
        }
        if (tokens[start].Surface == "The")
        {
            start++;
        }
        var end = start;
        while (end < tokens.Count && end - start < MaxTitleTokens && (tokens[end].IsCapitalised || TitleConnectors.Contains(tokens[end].Surface)))
        {
            end++;
        }
        for (var e = end; e > start; e--)
        {
            if (context.PeopleByTitle.TryGetValue(sentence[tokens[start].Start..tokens[e - 1].End], out var person)
                && (e == tokens.Count || !tokens[e].IsCapitalised))
            {
                match = new PhraseMatch<ActorAlias>(start, e, Remember(context, person));
                return true;
            }
        }
        return false;
    }

    private static List<string> TitledAliases(string name, string title, string surname) =>
        new[] { name, $"{title} {name}", title, ShortTitle(title), surname }.Distinct(StringComparer.Ordinal).ToList();

    private static string ShortTitle(string title)
    {
        var of = title.IndexOf(" of ", StringComparison.Ordinal);
        return of > 0 ? title[..of] : title;
    }

    // The whole title and the part before "of" ("Deputy Secretary" of "Deputy Secretary of State"), unless
    // another person already holds it.
    private static void RememberTitle(ReportContext context, string title, Actor person)
    {
        context.PeopleByTitle.TryAdd(title, person);
        context.PeopleByTitle.TryAdd(ShortTitle(title), person);
    }

    private static bool AnyRole(List<Token> tokens, int start, int end, ExtractionIndex index)
    {
        for (var i = start; i < end; i++)
        {
            if (IsRole(tokens[i], index))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRole(Token token, ExtractionIndex index) =>
        index.PersonRoles.Contains(token.Surface) || index.PersonTitles.Contains(token.Surface);

    // "J." in "John J. Sullivan".
    private static bool IsInitial(string sentence, Token token) =>
        token.Surface.Length == 1 && char.IsUpper(token.Surface[0]) && token.End < sentence.Length && sentence[token.End] == '.';

    private const int RoleReach = 4;

    // "David Kaye, the UN Special Rapporteur…": a run of two or three name-like words, a comma, and a role noun
    // close behind, or an affiliation ("Jane Doe of Access Now"). Later, the surname alone ("Kaye said") is the
    // same person.
    private static bool TryNamedPerson(List<Token> tokens, string sentence, int start, ExtractionIndex index, ReportContext context,
        out PhraseMatch<ActorAlias> match)
    {
        match = default;
        if (context.PeopleBySurname.TryGetValue(tokens[start].Surface, out var known)
            && (start + 1 == tokens.Count || !tokens[start + 1].IsCapitalised))
        {
            match = new PhraseMatch<ActorAlias>(start, start + 1, Remember(context, known));
            return true;
        }
        var end = start;
        while (end < tokens.Count && end - start < 3 && IsNameWord(tokens[end].Surface) && !IsRole(tokens[end], index)
               && (end == start || Joined(sentence, tokens[end - 1], tokens[end])))
        {
            end++;
        }
        if (end - start >= 2 && context.PeopleBySurname.TryGetValue(tokens[end - 1].Surface, out var met)
            && met.Name.EndsWith(sentence[tokens[start].Start..tokens[end - 1].End], StringComparison.Ordinal))
        {
            match = new PhraseMatch<ActorAlias>(start, end, Remember(context, met)); // "Ms. Sarah Chen" before, "Sarah Chen" now
            return true;
        }
        if (end - start < 2 || end >= tokens.Count
            || !(sentence[tokens[end - 1].End] == ',' ? RoleFollows(tokens, end, index) || IsListEntry(tokens, sentence, start, end, index) : AffiliationFollows(tokens, start, end, index)))
        {
            return false;
        }
        var name = sentence[tokens[start].Start..tokens[end - 1].End];
        match = new PhraseMatch<ActorAlias>(start, end, RememberNamedPerson(context, name, tokens[end - 1].Surface));
        return true;
    }

    /// <summary>The person a byline or signature names ("Jane Doe, Head of Policy"): the name words before its first
    /// comma, remembered with the report's people so that "Doe said" later is the same person; null when it is no name.</summary>
    public static string? BylinePerson(List<Token> tokens, string byline, ReportContext context)
    {
        // "By Daniel Kim, Senior Fellow, …" names Daniel Kim: the word "By" a header byline keeps is no name.
        var start = tokens.Count > 0 && tokens[0].Surface.Equals("by", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        var end = start;
        while (end < tokens.Count && end - start < 4 && IsNameWord(tokens[end].Surface) && (end == start || Joined(byline, tokens[end - 1], tokens[end])))
        {
            end++;
        }
        if (end - start < 2)
        {
            return null;
        }
        var name = byline[tokens[start].Start..tokens[end - 1].End];
        return RememberNamedPerson(context, name, tokens[end - 1].Surface).ActorId;
    }

    // A person named in full; a later surname alone ("Kaye said") is the same person.
    private static ActorAlias RememberNamedPerson(ReportContext context, string name, string surname)
    {
        var actor = Person(context, name, [name]);
        context.PeopleBySurname.TryAdd(surname, actor);
        return Remember(context, actor);
    }

    // A person the report names: the id comes from the name, the type from the words around it in the report.
    private static Actor Person(ReportContext context, string name, IReadOnlyList<string> aliases) =>
        new(PersonPrefix + StableIds.Slug(name), name, PersonType(context.Text, name), aliases, Curated: false);

    private static readonly HashSet<string> AffiliationWords = new(StringComparer.Ordinal) { "of", "from", "at" };

    // "Jane Doe of Access Now", "Peter Kim from the Tech Accord": two or three name words, then "of", "from" or
    // "at" and a capitalised name. None of the name words may be an organisation or role word ("Permanent
    // Mission of Chile", "Foreign Minister of Peru" are no people).
    private static bool AffiliationFollows(List<Token> tokens, int start, int end, ExtractionIndex index)
    {
        if (!AffiliationWords.Contains(tokens[end].Surface) || end + 1 >= tokens.Count)
        {
            return false;
        }
        var next = tokens[end + 1].Surface == "the" && end + 2 < tokens.Count ? tokens[end + 2] : tokens[end + 1];
        return next.IsCapitalised && !Enumerable.Range(start, end - start).Any(i =>
            IsRole(tokens[i], index) || index.OrganisationPrefixes.Contains(tokens[i].Surface) || index.OrganisationSuffixes.Contains(tokens[i].Surface));
    }

    private const int ListEntryReach = 10;

    // "- Nnenna Okafor, Paradigm Initiative" in a list of speakers: a line that is only a name and, after a comma,
    // capitalised affiliation words, with no closing punctuation of a sentence.
    private static bool IsListEntry(List<Token> tokens, string sentence, int start, int end, ExtractionIndex index) =>
        start == 0 && tokens.Count - end <= ListEntryReach && tokens[end].IsCapitalised && !IsOrganisationName(tokens, start, end, index)
        && sentence.TrimEnd() is var line && !line.EndsWith('.') && !line.EndsWith(':') && !line.EndsWith(';');

    // Only articles and capitalised modifiers ("the UN Special …") may stand between the comma and the role.
    private static bool RoleFollows(List<Token> tokens, int from, ExtractionIndex index)
    {
        for (var i = from; i < tokens.Count && i < from + RoleReach; i++)
        {
            if (index.PersonRoles.Contains(tokens[i].Surface))
            {
                return true;
            }
            if (!tokens[i].IsCapitalised && tokens[i].Surface is not ("the" or "a" or "an" or "its" or "their") && !IsRoleModifier(tokens[i].Surface))
            {
                return false;
            }
        }
        return false;
    }

    // "a policy analyst", "a senior legal adviser": lowercase words may qualify the role noun; a verb or a
    // relative word ends the apposition.
    private static bool IsRoleModifier(string word) =>
        word.Length > 2 && word.All(char.IsLetter) && !AppositionEnders.Contains(word);

    private static readonly HashSet<string> AppositionEnders = new(StringComparer.Ordinal)
    {
        "who", "which", "that", "where", "when", "while", "whose", "whom", "said", "says", "and", "but", "was", "were", "has", "had",
        "for", "with", "from", "into", "after", "before", "since",
    };

    // A capitalised word with lowercase after its first letter: "Kaye", "Tahzib" — not "UN", "The", "ICT4Peace".
    private static bool IsNameWord(string word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }
        for (var i = 1; i < word.Length; i++)
        {
            if (!char.IsLower(word[i]))
            {
                return false;
            }
        }
        return !NotGivenNames.Contains(word);
    }

    private static bool TryPerson(List<Token> tokens, string sentence, int title, ReportContext context, out PhraseMatch<ActorAlias> match)
    {
        match = default;
        var end = title + 1;
        while (end < tokens.Count && end - title <= 3 && tokens[end].IsCapitalised
               && (end == title + 1 || Joined(sentence, tokens[end - 1], tokens[end])))
        {
            end++;
        }
        if (end == title + 1)
        {
            return false;
        }
        var written = sentence[tokens[title + 1].Start..tokens[end - 1].End];
        var surname = tokens[end - 1].Surface;
        var fullName = FullName(context, written, surname);
        var actor = Person(context, fullName, [sentence[tokens[title].Start..tokens[end - 1].End], written]);
        context.PeopleBySurname.TryAdd(surname, actor); // "Dr. Lucas Kello…", later "Kello said…"
        match = new PhraseMatch<ActorAlias>(title, end, Remember(context, actor));
        return true;
    }

    // "Mr. Kaye" is "David Kaye" when the report names him in full anywhere: one or two capitalised
    // given names right before the written name, not a title or a sentence opener.
    private static string FullName(ReportContext context, string written, string surname)
    {
        if (context.PersonNames.TryGetValue(written, out var known))
        {
            return known;
        }
        var text = context.Text;
        var name = written;
        for (var at = text.IndexOf(written, StringComparison.Ordinal); at >= 0; at = text.IndexOf(written, at + written.Length, StringComparison.Ordinal))
        {
            var givenStart = at;
            var words = 0;
            while (words < 2 && PrecedingWord(text, givenStart) is { } word && word.Length > 1 && char.IsUpper(word[0])
                   && word.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'' or '’') && !NotGivenNames.Contains(word))
            {
                givenStart -= word.Length + 1;
                words++;
            }
            if (words > 0)
            {
                name = text[givenStart..(at + written.Length)];
                break;
            }
        }
        context.PersonNames[written] = name;
        return name;
    }

    // The word that ends one space before `index`, or null.
    private static string? PrecedingWord(string text, int index)
    {
        if (index < 2 || text[index - 1] != ' ')
        {
            return null;
        }
        var start = index - 1;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }
        return text[start..(index - 1)];
    }

    private static ActorType PersonType(string text, string fullName)
    {
        var at = text.IndexOf(fullName, StringComparison.Ordinal);
        var window = at < 0 ? "" : text.Substring(Math.Max(0, at - 150), Math.Min(text.Length - Math.Max(0, at - 150), fullName.Length + 300));
        return UnRole().IsMatch(window) ? ActorType.UnBody : StateRole().IsMatch(window) ? ActorType.State : ActorType.Other;
    }

    private static ActorAlias Remember(ReportContext context, Actor actor)
    {
        context.Discovered.TryAdd(actor.Id, actor);
        return new ActorAlias(actor.Id, IsProcess: false, IsDemonym: false, RequiredSurfaces: null);
    }

    [GeneratedRegex(@"\b(University|College|School|Academy|Universidad|Université)\b")]
    private static partial Regex UniversityWords();

    [GeneratedRegex(@"\b(Inc|Ltd|LLC|Corp|Corporation|Company|GmbH|PLC|Technologies|Systems)\b")]
    private static partial Regex CompanyWords();

    [GeneratedRegex(@"Special Rapporteur|United Nations|\bUN\b|High Commissioner|Secretary-General|UNESCO|OHCHR")]
    private static partial Regex UnRole();

    [GeneratedRegex(@"Ambassador|Minister|[Gg]overnment|[Dd]elegation|Permanent Representative|Ministry")]
    private static partial Regex StateRole();

    // Capitalised words that start sentences or are titles, not given names.
    private static readonly HashSet<string> NotGivenNames = new(StringComparer.Ordinal)
    {
        "The", "In", "On", "At", "For", "As", "But", "And", "Mr", "Ms", "Mrs", "Dr", "Prof", "Ambassador", "Minister",
        "While", "When", "Then", "Finally", "Also", "Professor", "President", "Director", "Judge", "Senator", "Sir",
        "Dame", "Lord", "Lady", "Secretary", "Deputy", "Commissioner", "Rapporteur", "Chair", "Chairman", "General",
    };
}
