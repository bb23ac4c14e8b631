using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Tests.Domain;

public sealed class EnumNamesTests
{
    [Theory]
    [InlineData("civil_society", ActorType.CivilSociety)]
    [InlineData("CIVIL_SOCIETY", ActorType.CivilSociety)]
    [InlineData("state", ActorType.State)]
    public void A_snake_case_name_in_any_case_parses(string text, ActorType expected)
    {
        Assert.True(EnumNames.TryParse<ActorType>(text, out var type));
        Assert.Equal(expected, type);
        Assert.Equal(text.ToLowerInvariant(), EnumNames.ToSnakeCase(type));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("civilsociety")]
    [InlineData("c_i_v_i_l_society")]
    [InlineData(" state")]
    [InlineData("")]
    [InlineData(null)]
    public void Numbers_misplaced_underscores_and_other_spellings_do_not(string? text)
    {
        Assert.False(EnumNames.TryParse<ActorType>(text, out _));
    }
}
