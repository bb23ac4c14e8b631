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
        // A range of days ("3–5 March 2022", "March 3-5, 2022") is read without its other day, then dated by the earlier
        // day, as a range of whole dates ("1 May 2022 – 3 May 2022") is: the end day was read as the date. An other day
        // that is no day of the month ("A/76/35 – 14 July 2021") is not one.
        var whole = m.Groups["date"];
        var range = m.Groups["range"];
        var written = range.Success ? whole.Value.Remove(range.Index - whole.Index, range.Length) : whole.Value;
        var value = Regex.Replace(written.Trim(), @"\s+", " ");
        var culture = CultureInfo.InvariantCulture;
        if (m.Groups["iso"].Success)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, DateTimeStyles.None, out date);
        }
        // .NET knows "Sep", not "Sept", with a full stop after it or not.
        value = value.Replace("Sept ", "Sep ", StringComparison.Ordinal).Replace("Sept.", "Sep.", StringComparison.Ordinal);
        if (!DateOnly.TryParseExact(value, DayMonthYear, culture, DateTimeStyles.AllowWhiteSpaces, out date)
            && !DateOnly.TryParseExact(value, MonthDayYear, culture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return false;
        }
        if (range.Success && int.Parse(m.Groups["other"].Value, culture) is var other && other >= 1 && other < date.Day)
        {
            date = new DateOnly(date.Year, date.Month, other);
        }
        return true;
    }

    [GeneratedRegex(@"(?<date>(?<iso>(?<!\d)\d{4}-\d{2}-\d{2}))(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<date>\b(?<range>(?<other>\d{1,2})\s*[-–]\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\b")]
    private static partial Regex DayMonthYearDate();

    [GeneratedRegex(@"(?<date>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?<range>\s*[-–]\s*(?<other>\d{1,2}))?,?\s+\d{4})\b")]
    private static partial Regex MonthDayYearDate();

    [GeneratedRegex(@"(?<start>\d{1,2}[:.]\d{2})\s*h?\s*[-–]\s*(?<end>\d{1,2}[:.]\d{2})\s*h?")]
    private static partial Regex TimeRange();
}
