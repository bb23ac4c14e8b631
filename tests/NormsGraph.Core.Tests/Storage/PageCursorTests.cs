using System.Globalization;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.Tests.Storage;

public sealed class PageCursorTests
{
    [Fact]
    public void An_offset_cursor_reads_back_as_the_offset_after_its_row()
    {
        Assert.Equal(0, PageCursor.DecodeOffset("search", null));
        Assert.Equal(8, PageCursor.DecodeOffset("search", PageCursor.Encode("search", "7")));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("2147483647")] // the offset after it would wrap to a negative number
    public void An_offset_cursor_out_of_range_or_not_a_number_is_refused(string offset)
    {
        var cursor = PageCursor.Encode("search", offset);

        Assert.Throws<ArgumentException>(() => PageCursor.DecodeOffset("search", cursor));
        Assert.Equal(int.MaxValue, PageCursor.DecodeOffset("search", PageCursor.Encode("search", (int.MaxValue - 1).ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_cursor_of_another_list_is_refused() =>
        Assert.Throws<ArgumentException>(() => PageCursor.DecodeOffset("search", PageCursor.Encode("aligned", "3")));
}
