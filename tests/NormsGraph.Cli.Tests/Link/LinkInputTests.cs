using NormsGraph.Cli.Link;

namespace NormsGraph.Cli.Tests.Link;

public sealed class LinkInputTests
{
    [Fact]
    public void An_id_used_twice_is_reported_and_the_later_line_skipped()
    {
        var errors = new StringWriter();

        var statements = LinkInput.Read(new StringReader("""
            {"id": "a", "text": "States should protect critical infrastructure."}
            {"id": "a", "text": "States should not harm CERTs."}
            """), errors, out var bad);

        Assert.Equal(1, bad);
        Assert.Equal("States should protect critical infrastructure.", Assert.Single(statements).Text);
        Assert.Contains("line 2: id 'a' was already used on line 1", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_that_is_not_a_string_or_number_is_reported_not_replaced_by_the_line_number()
    {
        var errors = new StringWriter();

        var statements = LinkInput.Read(new StringReader("""
            {"id": {"x": 1}, "text": "States should protect critical infrastructure."}
            {"text": "States should not harm CERTs."}
            """), errors, out var bad);

        Assert.Equal(1, bad);
        Assert.Equal("2", Assert.Single(statements).Id);
        Assert.Contains("line 1: \"id\" must be a string or a number, not object", errors.ToString(), StringComparison.Ordinal);
    }
}
