using System.Globalization;

namespace NormsGraph.Storage.Tests;

/// <summary>Stored days read back (<see cref="StoredDates.Parse"/>) exactly as <see cref="DateOnly.ParseExact(string, string, IFormatProvider?)"/> reads them.</summary>
public sealed class StoredDatesTests
{
    [Fact]
    public void Every_day_written_reads_back_as_itself()
    {
        var days = Enumerable.Range(0, 366 * 8).Select(i => new DateOnly(1996, 1, 1).AddDays(i))
            .Concat([DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1900, 2, 28), new DateOnly(2000, 2, 29), new DateOnly(999, 12, 31)]);

        foreach (var day in days)
        {
            Assert.Equal(day, StoredDates.Parse(StoredDates.Text(day)));
        }
        Assert.Null(StoredDates.Parse(null));
    }

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2021-04-31")]
    [InlineData("2021-13-01")]
    [InlineData("2021-00-10")]
    [InlineData("2021-01-00")]
    [InlineData("0000-01-01")]
    [InlineData("2021-1-01")]
    [InlineData("2021/01/01")]
    [InlineData("2021-01-1a")]
    [InlineData("-021-01-01")]
    [InlineData(" 2021-01-01")]
    [InlineData("2021-01-01T00:00")]
    [InlineData("２０２１-０１-０１")]
    [InlineData("")]
    public void Anything_else_fails_as_ParseExact_fails(string text)
    {
        Assert.Throws<FormatException>(() => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Throws<FormatException>(() => StoredDates.Parse(text));
    }
}
