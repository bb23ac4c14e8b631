using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// What extraction of one report shares across its sentences: the full text (to find a person's
/// full name) and the actors discovered in it that the taxonomy does not know.
/// </summary>
internal sealed class ReportContext(string text, DateOnly? date)
{
    public string Text { get; } = text;
    public DateOnly? Date { get; } = date;
    public Dictionary<string, Actor> Discovered { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> PersonNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Surnames of people introduced by full name, so a later "Kaye said" is the same person.</summary>
    public Dictionary<string, Actor> PeopleBySurname { get; } = new(StringComparer.Ordinal);

    /// <summary>Titles given to people named in full ("Deputy Secretary"), so a later "the Deputy Secretary" is that person.</summary>
    public Dictionary<string, Actor> PeopleByTitle { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Head nouns of the bodies named so far ("Call" of "Paris Call"), so a later "the Call" is that body.</summary>
    public Dictionary<string, ActorAlias> ActorsByHead { get; } = new(StringComparer.Ordinal);
}
