using System.Globalization;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.Tests.Domain;

/// <summary>Dates as text are ISO-8601 Gregorian whatever the culture the process runs under.</summary>
public sealed class IsoDateTests
{
    // Cultures whose default calendar is not the Gregorian one: a custom "yyyy" format counts years in it.
    public static TheoryData<string> OtherCalendars => ["th-TH", "fa-IR", "ar-SA"];

    [Theory]
    [MemberData(nameof(OtherCalendars))]
    public void A_date_is_written_in_the_gregorian_calendar_under_any_culture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.False(CultureInfo.CurrentCulture.Calendar is GregorianCalendar, $"{culture} was expected to count years in another calendar");
            var day = new DateOnly(2020, 2, 12);

            Assert.Equal("2020-02-12", IsoDate.Text(day));
            // A page's cursor compares with the stored dates as text.
            Assert.Equal("2020-02-12", PositionCursor.SortKey(day));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Early_years_keep_four_digits_and_no_date_is_no_text()
    {
        Assert.Equal("0999-01-05", IsoDate.Text(new DateOnly(999, 1, 5)));
        Assert.Null(IsoDate.Text(null));
    }
}
