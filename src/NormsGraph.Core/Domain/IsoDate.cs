using System.Globalization;

namespace NormsGraph.Core.Domain;

/// <summary>
/// A calendar day as ISO-8601 text (<c>yyyy-MM-dd</c>), as stores keep it, cursors compare it and the API and the CLI
/// write it. A custom <c>"yyyy-MM-dd"</c> format counts years in the culture's calendar (2563 under th-TH's Buddhist
/// calendar) unless given the invariant culture; the round-trip format <c>"O"</c> never does, and is the faster path.
/// </summary>
public static class IsoDate
{
    public static string Text(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    public static string? Text(DateOnly? date) => date is { } day ? Text(day) : null;
}
