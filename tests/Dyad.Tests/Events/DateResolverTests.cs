using Dyad.Events;
using Xunit;

namespace Dyad.Tests.Events;

public class DateResolverTests
{
    private static (string?, string?) R(string anchor, string text) =>
        DateResolver.Resolve(anchor, text.ToLowerInvariant().Split(' '), 0);

    [Theory]
    [InlineData("2017-10-05", "x yesterday", "2017-10-04", "day")]
    [InlineData("2017-10-05", "x gisteren", "2017-10-04", "day")]
    [InlineData("2017-10-05", "x today", "2017-10-05", "day")]
    [InlineData("2017-10-05", "x on wednesday", "2017-10-04", "day")] // 5 Oct 2017 is a Thursday
    [InlineData("2017-10-05", "x woensdag", "2017-10-04", "day")]
    [InlineData("2017-10-05", "x on thursday", "2017-10-05", "day")]
    [InlineData("2017-10-05", "x last week", "2017-09-25", "week")]
    [InlineData("2017-10-05", "x vorige week", "2017-09-25", "week")]
    [InlineData("2017-10-05", "x last month", "2017-09", "month")]
    [InlineData("2017-10-05", "x earlier this year", "2017", "year")]
    [InlineData("2017-10-05", "x on october 3", "2017-10-03", "day")]
    [InlineData("2017-10-05", "x on 3 oktober", "2017-10-03", "day")]
    [InlineData("2017-01-05", "x on december 30", "2016-12-30", "day")]
    [InlineData("2017-10-05", "x three days ago", "2017-10-02", "day")]
    [InlineData("2017-10-05T12:58", "x in 2015", "2015", "year")]
    [InlineData("2017-10-05", "nothing here", "2017-10-05", "day")]
    public void Relative_expressions_resolve_against_the_anchor(string anchor, string text, string date, string prec)
    {
        Assert.Equal((date, prec), R(anchor, text));
    }

    [Fact]
    public void No_anchor_gives_no_date_for_relative_expressions()
    {
        Assert.Equal((null, null), DateResolver.Resolve(null, ["x", "yesterday"], 0));
        Assert.Equal(("2017-10-03", "day"), DateResolver.Resolve(null, ["x", "october", "3", ",", "2017"], 0));
    }
}
