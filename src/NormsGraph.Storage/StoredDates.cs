using System.Globalization;

namespace NormsGraph.Storage;

/// <summary>Both stores keep a report's day as ISO text (<c>yyyy-MM-dd</c>), so dates compare and sort as strings.</summary>
internal static class StoredDates
{
    public static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
