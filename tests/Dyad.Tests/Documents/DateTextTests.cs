using Dyad.Documents;
using Xunit;

namespace Dyad.Tests.Documents;

public class DateTextTests
{
    [Theory]
    [InlineData("October 3, 2017 at 12:58 pm", "2017-10-03T12:58")]
    [InlineData("Oct 5, 2017 3:55:27 AM", "2017-10-05T03:55:27")]
    [InlineData("Oct 5, 2017", "2017-10-05")]
    [InlineData("Sept. 14th, 2017", "2017-09-14")]
    [InlineData("Thursday 5 October 2017 14.42 AEDT", "2017-10-05T14:42")]
    [InlineData("March 1, 2024 at 12:05 am", "2024-03-01T00:05")]
    [InlineData("donderdag 8 februari 2018", "2018-02-08")]
    [InlineData("woensdag 4 oktober 2017", "2017-10-04")]
    [InlineData("2 april 2024 om 14:05", "2024-04-02T14:05")]
    [InlineData("8 okt. 2017", "2017-10-08")]
    [InlineData("2017-10-05T14:42:00Z", "2017-10-05T14:42:00")]
    [InlineData("2024-02-22", "2024-02-22")]
    [InlineData("05-10-2017", "2017-10-05")]
    public void Parses_english_dutch_and_iso_dates(string text, string iso)
    {
        var d = DateText.Find(text);
        Assert.NotNull(d);
        Assert.Equal(iso, d.Value.Iso);
    }

    [Fact]
    public void Month_only_dates_need_permission()
    {
        Assert.Null(DateText.Find("December 2015"));
        Assert.Equal("2015-12", DateText.Find("December 2015", allowMonthOnly: true)?.Iso);
        Assert.Equal("2015-12", DateText.Normalize("december 2015"));
    }

    [Theory]
    [InlineData("February 30, 2017")]
    [InlineData("the 5 days of fighting")]
    [InlineData("Maybe 12 soldiers")]
    public void Rejects_impossible_or_missing_dates(string text) => Assert.Null(DateText.Find(text));

    [Fact]
    public void Finds_the_leftmost_date_and_its_span()
    {
        const string s = "Seen on Oct 5, 2017 and again on 8 February 2018.";
        var d = DateText.Find(s)!.Value;
        Assert.Equal("2017-10-05", d.Iso);
        Assert.Equal("Oct 5, 2017", s.Substring(d.Index, d.Length));
    }
}
