using NormsGraph.Core.Storage;

namespace NormsGraph.Core.Tests.Storage;

public sealed class PagesTests
{
    private static readonly string[] Letters = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Pages_follow_each_other_through_their_end_cursors_to_the_last()
    {
        var seen = new List<string>();
        var pages = 0;
        string? after = null;
        Page<string> page;
        do
        {
            page = Pages.OfList(Letters, "joined", 2, after);
            seen.AddRange(page.Items);
            after = page.EndCursor;
            pages++;
        }
        while (page.HasNextPage);

        Assert.Equal(Letters, seen);
        Assert.Equal(3, pages);
        Assert.Equal(5, page.TotalCount);
    }

    [Fact]
    public void Each_item_has_the_cursor_to_continue_after_it()
    {
        var page = Pages.OfList(Letters, "joined", 3, null);

        Assert.Equal(["d", "e"], Pages.OfList(Letters, "joined", 3, page.Cursors[2]).Items);
        Assert.Equal(["c", "d", "e"], Pages.OfList(Letters, "joined", 3, page.Cursors[1]).Items);
        Assert.Equal(page.Cursors[^1], page.EndCursor);
    }

    [Fact]
    public void An_empty_page_has_no_cursors_and_a_cursor_of_another_list_is_refused()
    {
        var empty = Pages.OfList(Letters, "joined", 0, null);

        Assert.Equal((0, true, null), (empty.Items.Count, empty.HasNextPage, empty.EndCursor));
        Assert.Throws<ArgumentException>(() => Pages.OfList(Letters, "coalition", 2, Pages.OfList(Letters, "joined", 2, null).EndCursor));
    }
}
