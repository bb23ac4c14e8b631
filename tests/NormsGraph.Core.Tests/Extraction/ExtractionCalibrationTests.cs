using NormsGraph.Core.Extraction;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ExtractionCalibrationTests
{
    [Fact]
    public void A_mechanism_seen_often_enough_gets_its_own_smoothed_precision()
    {
        var judged = Enumerable.Repeat(("explicit/verb/support/phrase", true), 8).Append(("explicit/verb/support/phrase", false));
        var calibration = ExtractionCalibration.Fit(judged, "test");
        Assert.Equal(0.82, calibration.Confidence("explicit/verb/support/phrase")); // (8 + 1) / (9 + 2)
    }

    [Fact]
    public void A_rare_mechanism_backs_off_to_a_coarser_one()
    {
        var judged = Enumerable.Repeat(("carried/none/support/phrase", false), 6).Append(("carried/none/concern/practice", true));
        var calibration = ExtractionCalibration.Fit(judged, "test");
        Assert.Equal(calibration.Confidence("carried/none"), calibration.Confidence("carried/none/concern/practice"));
        Assert.Equal(0.22, calibration.Confidence("carried/none/concern/practice")); // (1 + 1) / (7 + 2)
    }

    [Fact]
    public void The_counts_survive_a_round_trip_through_the_file()
    {
        var calibration = ExtractionCalibration.Fit([("author/verb/support/phrase", true), ("author/verb/support/phrase", false)], "test");
        var again = ExtractionCalibration.FromJson(calibration.ToJson());
        Assert.Equal(calibration.Hash, again.Hash);
        Assert.Equal(calibration.Confidence("author/verb/support/phrase"), again.Confidence("author/verb/support/phrase"));
    }

    [Fact]
    public void The_embedded_calibration_gives_every_extracted_position_a_confidence_from_the_table()
    {
        var graph = ExtractionFixture.Extract("Ghana stressed that international law applies in cyberspace.");
        var position = Assert.Single(graph.Positions);
        Assert.Equal("explicit/verb/support/phrase", position.Mechanism);
        Assert.Equal(ExtractionCalibration.LoadEmbedded().Confidence(position.Mechanism!), position.Confidence);
    }
}
