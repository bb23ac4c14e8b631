using System.Globalization;
using System.Text.RegularExpressions;

namespace NormsGraph.Core.Reading;

/// <summary>Finds the date (and time range) of a report in the forms event reports use.</summary>
public static partial class ReportDates
{
    public readonly record struct Found(DateOnly Date, string? Start, string? End);

    private static readonly string[] DayMonthYear = ["d MMM yyyy", "d MMMM yyyy", "dd MMM yyyy", "dd MMMM yyyy", "d MMM. yyyy", "d Sept yyyy"];
    private static readonly string[] MonthDayYear = ["MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "MMM. d, yyyy"];

    public static bool TryFind(string text, out Found found)
    {
        found = default;
        var iso = IsoDate().Match(text);
        var dmy = DayMonthYearDate().Match(text);
        var mdy = MonthDayYearDate().Match(text);
        // The earliest date in the text wins: headers come first.
        foreach (var m in new[] { iso, dmy, mdy }.Where(m => m.Success).OrderBy(m => m.Index))
        {
            if (!TryParseDate(m, out var date))
            {
                continue;
            }
            var time = TimeRange().Match(text, m.Index + m.Length);
            var nearby = time.Success && time.Index - (m.Index + m.Length) <= 3;
            found = new Found(date, nearby ? time.Groups["start"].Value : null, nearby ? time.Groups["end"].Value : null);
            return true;
        }
        return false;
    }

    private static bool TryParseDate(Match m, out DateOnly date)
    {
        var value = Regex.Replace(m.Groups["date"].Value.Trim(), @"\s+", " ");
        var culture = CultureInfo.InvariantCulture;
        if (m.Groups["iso"].Success)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, DateTimeStyles.None, out date);
        }
        value = value.Replace("Sept ", "Sep ", StringComparison.Ordinal);
        return DateOnly.TryParseExact(value, DayMonthYear, culture, DateTimeStyles.AllowWhiteSpaces, out date)
            || DateOnly.TryParseExact(value, MonthDayYear, culture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    [GeneratedRegex(@"(?<date>(?<iso>(?<!\d)\d{4}-\d{2}-\d{2}))(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<date>\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\b")]
    private static partial Regex DayMonthYearDate();

    [GeneratedRegex(@"(?<date>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b")]
    private static partial Regex MonthDayYearDate();

    [GeneratedRegex(@"(?<start>\d{1,2}[:.]\d{2})\s*h?\s*[-–]\s*(?<end>\d{1,2}[:.]\d{2})\s*h?")]
    private static partial Regex TimeRange();
}
