using System.Globalization;
using NormsGraph.Core.Domain;

namespace NormsGraph.Storage;

/// <summary>Both stores keep a report's day as ISO text (<c>yyyy-MM-dd</c>), so dates compare and sort as strings.</summary>
internal static class StoredDates
{
    public static string? Text(DateOnly? date) => IsoDate.Text(date);

    /// <summary>
    /// The day <see cref="Text"/> wrote. Read for every row of a page (each position edge has two dates), where
    /// <see cref="DateOnly.ParseExact(string, string, IFormatProvider?, DateTimeStyles)"/> cost about 100 ns a date
    /// under load; ten ASCII digits in place are read directly, anything else goes through it and fails as it does.
    /// </summary>
    public static DateOnly? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text, 0, 4) is var year and > 0 && Digits(text, 5, 2) is var month and >= 1 and <= 12
            && Digits(text, 8, 2) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }
        return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The number the ASCII digits at <paramref name="start"/> spell, or -1 if any is not one.</summary>
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
