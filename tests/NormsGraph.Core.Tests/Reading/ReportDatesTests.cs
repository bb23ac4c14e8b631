using NormsGraph.Core.Reading;

namespace NormsGraph.Core.Tests.Reading;

public sealed class ReportDatesTests
{
    [Theory]
    [InlineData("12 Feb 2020 21:00h - 23:59h", 2020, 2, 12, "21:00", "23:59")]
    [InlineData("1 Dec 2022 08:15h - 09:45h", 2022, 12, 1, "08:15", "09:45")]
    [InlineData("2021-03-08", 2021, 3, 8, null, null)]
    [InlineData("Published on March 8, 2021 in Geneva", 2021, 3, 8, null, null)]
    [InlineData("9 September 2019", 2019, 9, 9, null, null)]
    [InlineData("Geneva, 12 Sept. 2021", 2021, 9, 12, null, null)]
    [InlineData("Sept. 12, 2021", 2021, 9, 12, null, null)]
    [InlineData("3–5 March 2022 10:00–13:00", 2022, 3, 3, "10:00", "13:00")]
    [InlineData("The session ran from 13-17 December 2021.", 2021, 12, 13, null, null)]
    [InlineData("March 3-5, 2022", 2022, 3, 3, null, null)]
    [InlineData("Document A/76/35 – 14 July 2021", 2021, 7, 14, null, null)]
    public void Reads_the_date_forms_reports_use(string text, int year, int month, int day, string? start, string? end)
    {
        Assert.True(ReportDates.TryFind(text, out var found));
        Assert.Equal(new DateOnly(year, month, day), found.Date);
        Assert.Equal(start, found.Start);
        Assert.Equal(end, found.End);
    }

    [Fact]
    public void No_date_is_found_in_prose_without_one() =>
        Assert.False(ReportDates.TryFind("The second session met in the spring.", out _));
}
