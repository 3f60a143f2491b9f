using Dyad.Segments;
using Xunit;

namespace Dyad.Tests.Segments;

public class LineRulesTests
{
    [Theory]
    [InlineData("Posted by: mira_k | Oct 5, 2017 3:55:27 AM | 1", "mira_k", "2017-10-05T03:55:27", 1)]
    [InlineData("Posted by: ab initio | Oct 5, 2017 4:07:32 AM | 14", "ab initio", "2017-10-05T04:07:32", 14)]
    [InlineData("Posted by: V. Arnold | Oct 5, 2017 12:06:00 PM | 28", "V. Arnold", "2017-10-05T12:06:00", 28)]
    [InlineData("Geplaatst door: Jan de Wit | 3 maart 2024 om 12:30 | 2", "Jan de Wit", "2024-03-03T12:30", 2)]
    [InlineData("Posted by Sam at March 4, 2024 9:15 PM", "Sam", "2024-03-04T21:15", null)]
    public void Comment_footers(string line, string author, string date, int? number)
    {
        var info = LineRules.Classify(line);
        Assert.Equal(LineRole.Footer, info.Role);
        Assert.Equal(author, info.Author);
        Assert.Equal(date, info.Date);
        Assert.Equal(number, info.Number);
    }

    [Theory]
    [InlineData("mira_k | Oct 5, 2017 7:44:59 AM | 16")]          // a reply quoting a footer, not a footer
    [InlineData(">>>> mira_k | Oct 5, 2017 7:44:59 AM | 16")]
    [InlineData("The post was written by a soldier on leave in October 2017.")]
    public void Quoted_footers_and_sentences_are_not_footers(string line) => Assert.NotEqual(LineRole.Footer, LineRules.Classify(line).Role);

    [Theory]
    [InlineData("October 3, 2017 at 12:58 pm", "2017-10-03T12:58", "stamp")]
    [InlineData("Oct 5, 2017", "2017-10-05", "stamp")]
    [InlineData("donderdag 8 februari 2018", "2018-02-08", "day")]
    [InlineData("woensdag 4 oktober 2017", "2017-10-04", "day")]
    [InlineData("Posted on March 4, 2024 by Sam Reyes", "2024-03-04", "stamp")]
    [InlineData("Gepubliceerd op 12 maart 2024", "2024-03-12", "stamp")]
    public void Date_lines(string line, string date, string what)
    {
        var info = LineRules.Classify(line);
        Assert.Equal(LineRole.DateLine, info.Role);
        Assert.Equal(date, info.Date);
        Assert.Equal(what, info.What);
    }

    [Theory]
    [InlineData("On October 3, 2017 the army attacked the town from three sides.")]
    [InlineData("De aanval begon op 8 februari 2018 in de vroege ochtend, zeggen bronnen.")]
    public void Sentences_with_dates_are_text(string line) => Assert.Equal(LineRole.Text, LineRules.Classify(line).Role);

    [Theory]
    [InlineData("Monthly Archives: December 2015", "2015-12")]
    [InlineData("Maandelijkse archieven: maart 2024", "2024-03")]
    [InlineData("Archives for April 2024", "2024-04")]
    public void Archive_headers(string line, string month)
    {
        var info = LineRules.Classify(line);
        Assert.Equal(LineRole.ArchiveLine, info.Role);
        Assert.Equal(month, info.Date);
    }

    [Theory]
    [InlineData("Map by Some Mapper - bigger")]
    [InlineData("Illustrative image. Source: a ministry of defence.")]
    [InlineData("Click to see full-size image. Source: an account on a social network.")]
    [InlineData("Fighters march during a parade in the capital, June 2017. (Photo credit: an agency)")]
    [InlineData("Related Videos")]
    [InlineData("Lees ook:")]
    [InlineData("The views expressed in this article do not necessarily reflect those of this site.")]
    [InlineData("Share this article")]
    [InlineData("28 comments")]
    [InlineData("Reacties zijn gesloten.")]
    public void Boilerplate_lines(string line) => Assert.Equal(LineRole.Boilerplate, LineRules.Classify(line).Role);

    [Theory]
    [InlineData("ByNews Desk-", "News Desk")]
    [InlineData("By Mira Kovac (@mirak) –", "Mira Kovac")]
    [InlineData("By Sam Reyes / Republished with permission / Some Site", "Sam Reyes")]
    [InlineData("Written by Sam Reyes", "Sam Reyes")]
    [InlineData("Mira Kovac @mirak", "Mira Kovac")]
    [InlineData("Door Pieter van Dam", "Pieter van Dam")]
    public void Bylines_give_the_author(string line, string author)
    {
        var info = LineRules.Classify(line);
        Assert.Equal(LineRole.Byline, info.Role);
        Assert.Equal(author, info.Author);
    }

    [Theory]
    [InlineData("Published article here: via")]
    [InlineData("Original article: via @somewire")]
    public void Republication_lines_are_bylines(string line) => Assert.Equal(LineRole.Byline, LineRules.Classify(line).Role);

    [Theory]
    [InlineData("By the time of this report, there was still no news about the target of the attack.")]
    [InlineData("By Sunday, troops had reached the outskirts of the city.")]
    [InlineData("Door de aanval kwamen drie burgers om het leven.")]
    [InlineData("Source countries for the weapons included several states in the region, the report said.")]
    public void Sentences_are_not_bylines_or_boilerplate(string line) => Assert.Equal(LineRole.Text, LineRules.Classify(line).Role);

    [Theory]
    [InlineData("Mira says:", "Mira")]
    [InlineData("Jan de Wit zegt:", "Jan de Wit")]
    public void Comment_headers(string line, string author)
    {
        var info = LineRules.Classify(line);
        Assert.Equal(LineRole.CommentHeader, info.Role);
        Assert.Equal(author, info.Author);
    }

    [Theory]
    [InlineData("Militia convoy ambushed on the valley road", true)]
    [InlineData("Opnieuw luchtaanvallen op Idlib, en de wereld kijkt weg........", true)]
    [InlineData("The army said it had sent reinforcements to the area.", false)]
    [InlineData("see https://example.org/page", false)]
    public void Headline_shape(string line, bool headline) => Assert.Equal(headline, LineRules.HeadlineLike(line));
}
