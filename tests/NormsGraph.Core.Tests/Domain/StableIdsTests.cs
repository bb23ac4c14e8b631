using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.Tests.Domain;

public sealed class StableIdsTests
{
    [Fact]
    public void Report_id_depends_on_content_only_and_ignores_line_endings()
    {
        Assert.Equal(StableIds.ForReportText("a\r\nb"), StableIds.ForReportText("a\nb"));
        Assert.NotEqual(StableIds.ForReportText("a\nb"), StableIds.ForReportText("a\nc"));
    }

    [Fact]
    public void Statement_id_ignores_whitespace_but_not_stance()
    {
        var one = StatementIds.Create("doc.txt", "Chile  agreed.", "chl", "p-cbm", Stance.Support);
        Assert.Equal(one, StatementIds.Create("doc.txt", "Chile agreed.", "chl", "p-cbm", Stance.Support));
        Assert.NotEqual(one, StatementIds.Create("doc.txt", "Chile agreed.", "chl", "p-cbm", Stance.Oppose));
    }

    [Fact]
    public void Cursor_round_trips_and_garbage_is_refused()
    {
        var cursor = new PositionCursor("2020-02-12", "s-abc");
        Assert.Equal(cursor, PositionCursor.Decode(cursor.Encode()));
        Assert.Throws<ArgumentException>(() => PositionCursor.Decode("not a cursor"));
        Assert.Throws<ArgumentException>(() => PositionCursor.Decode(Convert.ToBase64String("x|y"u8.ToArray())));
    }
}
