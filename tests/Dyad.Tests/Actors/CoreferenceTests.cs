using Dyad.Model;
using Xunit;

namespace Dyad.Tests.Actors;

public class CoreferenceTests
{
    [Fact]
    public void He_links_to_the_last_male_person()
    {
        var ms = Fixture.Mentions("Sergey Lavrov met Syrian officials. He said the talks went well.", date: "2018-01-01");
        var he = Fixture.Find(ms, "He");
        Assert.Equal(MentionKind.Pronoun, he.Kind);
        Assert.Equal("Sergey Lavrov", he.Antecedent?.Text);
        Assert.Equal("RUSGOV", he.Actor?.Code);
    }

    [Fact]
    public void She_skips_male_persons()
    {
        var ms = Fixture.Mentions("Sigrid Kaag spoke before Sergey Lavrov. She said no.", date: "2019-01-01");
        var she = Fixture.Find(ms, "She");
        Assert.Equal("Sigrid Kaag", she.Antecedent?.Text);
        Assert.Equal("NLDGOV", she.Actor?.Code);
    }

    [Fact]
    public void It_and_they_link_to_compatible_non_persons()
    {
        var ms = Fixture.Mentions("Sergey Lavrov blamed Islamic State. It denied the claim. Russian troops arrived and they opened fire.");
        Assert.Equal("IMGMUSISI", Fixture.Find(ms, "It").Actor?.Code);
        var they = Fixture.Find(ms, "they");
        Assert.Equal("Russian troops", they.Antecedent?.Text);
        Assert.Equal("RUSMIL", they.Actor?.Code);
    }

    [Fact]
    public void Pronouns_without_an_antecedent_are_not_mentions()
    {
        Assert.Empty(Fixture.Mentions("He said it was raining."));
    }

    [Fact]
    public void Definite_descriptions_link_to_the_last_matching_actor()
    {
        var ms = Fixture.Mentions("Hay'at Tahrir al-Sham took the town. The group said it would stay.");
        var g = Fixture.Find(ms, "The group");
        Assert.Equal(MentionKind.Description, g.Kind);
        Assert.Equal("SYRREB", g.Actor?.Code);
        var ms2 = Fixture.Mentions("Foreign Minister Sergey Lavrov arrived. The minister said little.", date: "2016-01-01");
        var min = Fixture.Find(ms2, "The minister");
        Assert.Equal("sergey-lavrov", min.Actor?.EntryId);
        var ms3 = Fixture.Mentions("ISIS attacked a village. The militants fled.");
        Assert.Equal("IMGMUSISI", Fixture.Find(ms3, "The militants").Actor?.Code);
    }

    [Fact]
    public void Short_names_link_back_and_resolve_alone()
    {
        var ms = Fixture.Mentions("Foreign Minister Sergey Lavrov arrived. Lavrov said little.", date: "2016-01-01");
        var s = Fixture.Find(ms, "Lavrov");
        Assert.Equal(MentionKind.ShortName, s.Kind);
        Assert.Equal("Foreign Minister Sergey Lavrov", s.Antecedent?.Text);
        Assert.Equal("RUSGOV", s.Actor?.Code);
        // Without an earlier full mention the short name still resolves to the known person.
        var alone = Assert.Single(Fixture.Mentions("Pompeo said little.", date: "2019-03-01"));
        Assert.Equal("USAGOV", alone.Actor?.Code);
        Assert.Null(alone.Antecedent);
        // Unknown people: the last word of an earlier titled name.
        var ms2 = Fixture.Mentions("Turkish minister Ali Veli arrived. Veli said little.");
        var v = Fixture.Find(ms2, "Veli");
        Assert.Equal(MentionKind.ShortName, v.Kind);
        Assert.Equal("TURGOV", v.Actor?.Code);
    }

    [Fact]
    public void Dutch_pronouns_and_descriptions()
    {
        var ms = Fixture.Mentions("Sergey Lavrov sprak in Damascus. Hij zei dat de gesprekken goed gingen.", "nl", "2018-01-01");
        var hij = Fixture.Find(ms, "Hij");
        Assert.Equal("Sergey Lavrov", hij.Antecedent?.Text);
        var ms2 = Fixture.Mentions("Islamitische Staat eiste de aanslag op. De groep zei dat ze doorgaan.", "nl");
        var g = Fixture.Find(ms2, "De groep");
        Assert.Equal("IMGMUSISI", g.Actor?.Code);
        Assert.Equal(MentionKind.Description, g.Kind);
        var ze = Fixture.Find(ms2, "ze");
        Assert.Equal("IMGMUSISI", ze.Actor?.Code);
        var ms3 = Fixture.Mentions("Sigrid Kaag bezocht Irak. Zij sprak met de regering.", "nl", "2019-01-01");
        Assert.Equal("NLDGOV", Fixture.Find(ms3, "Zij").Actor?.Code);
    }
}
