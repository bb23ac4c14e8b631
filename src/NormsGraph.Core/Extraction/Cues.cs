using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Extraction;

/// <summary>What a name in text refers to: a curated actor, a process, or a demonym that needs a head noun.</summary>
/// <param name="RequiredSurfaces">The words as they must be written (short capitals, case-sensitive names).</param>
/// <param name="WrittenLengths">The length of each written word of the alias, so that a name whose stem merely
/// collides ("Brooks" and "Brookings" share the stem "brook") is not taken for it.</param>
internal sealed record ActorAlias(string ActorId, bool IsProcess, bool IsDemonym, string[]? RequiredSurfaces, int[]? WrittenLengths = null);

/// <summary>
/// A stance phrase; reporting verbs ("said", "noted") attribute speech but signal support only weakly.
/// <see cref="TakesAddressee"/> marks a reporting verb whose object is spoken to ("told the Council").
/// <see cref="GovernsOnlyPractices"/> marks an against-cue that speaks against a practice ("against militarisation",
/// "must stop attacking hospitals") but never against a principle ("the prohibition against the use of force",
/// "stop criminals from using their territory"). <see cref="IsNeutral"/> marks a verb that acknowledges without taking a side ("took note of").
/// </summary>
internal sealed record StanceCue(Stance Stance, bool IsReporting, bool IsAgainst, bool TakesAddressee = false, bool GovernsOnlyPractices = false,
    bool IsNeutral = false);

/// <summary>
/// A function word or phrase. <see cref="Surface"/> is matched as written (case aside), not by stem:
/// the stem of "its" is "it", and "its member states" must not read as a reference back.
/// </summary>
internal sealed record WordCue(WordClass Class, string Surface);

internal enum WordClass
{
    Negation,
    Anaphor,
    Hedge,
    NewIdea,
    PassivePropose,
    Implementation,
    Harm,
    SpeakerRole,
    Retrospective,
    SignatoryLabel,
    UnnamedSpeaker,
    ViewpointOpener,
    ViewpointNoun,
    SelfReference,
    StanceSource,
    Application,
}
