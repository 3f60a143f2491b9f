using Dyad.Actors;
using Xunit;

namespace Dyad.Tests.Actors;

/// <summary>Older wire-news actors (people-history.yaml, groups-history.yaml) and the
/// "agent of Country's agent" composition (docs/notes/gsr.md). Sentences written here.</summary>
public class HistoricalActorTests
{
    private static ActorLexicon Builtin => ActorLexicon.For([]);

    [Theory]
    // Dated roles: the same person changes code with the sentence date.
    [InlineData("Yevgeny Primakov flew to Baghdad.", "1997-02-01", "Yevgeny Primakov", "RUSGOV")]
    [InlineData("President Bill Clinton signed the order.", "1998-05-01", "President Bill Clinton", "USAGOV")]
    [InlineData("Colin Powell briefed reporters.", "1991-01-20", "Colin Powell", "USAMIL")]
    [InlineData("Colin Powell briefed reporters.", "2003-02-05", "Colin Powell", "USAGOV")]
    [InlineData("John Garang met the envoys.", "1999-06-01", "John Garang", "SDNREB")]
    [InlineData("Boutros Boutros-Ghali appealed for calm.", "1994-05-01", "Boutros Boutros-Ghali", "IGOUNO")]
    public void Historical_people_get_their_dated_role(string text, string date, string mention, string code)
    {
        var ms = Fixture.Mentions(text, "en", date, lex: Builtin);
        Assert.Equal(code, Fixture.Find(ms, mention).Actor?.Code);
    }

    [Theory]
    [InlineData("The Islamic Salvation Front called a strike.", "The Islamic Salvation Front", "DZAREB")]
    [InlineData("The Tamil Tigers shelled the base.", "The Tamil Tigers", "LKAREB")]
    [InlineData("The European Community sent aid.", "The European Community", "IGOEUREEC")]
    [InlineData("Guerillas ambushed a convoy near Vavuniya, Sri Lankan police said.", "Guerillas", "REB")]
    public void Older_groups_and_agent_spellings_resolve(string text, string mention, string code)
    {
        var ms = Fixture.Mentions(text, "en", "1995-01-01", lex: Builtin);
        Assert.EndsWith(code, Fixture.Find(ms, mention).Actor?.Code);
    }

    [Fact]
    public void Agent_of_a_possessive_country_phrase_leaves_the_possessive_phrase_whole()
    {
        // "envoys of Chile's new cabinet": Chile composes with the noun after its possessive.
        var ms = Fixture.Mentions("The ministers met envoys of Chile's new government on Monday.", "en", "1990-03-01", lex: Builtin);
        var m = ms.Single(x => x.Text.Contains("government"));
        Assert.Equal("CHLGOV", m.Actor?.Code);
        Assert.StartsWith("Chile", m.Text);
    }

    [Fact]
    public void Officials_of_a_province_are_that_countrys_government_not_civilians()
    {
        // A CVL place metonym (a province or town) gives the country; the agent keeps its own sector.
        var ms = Fixture.Mentions("The governor of Sindh met refugees from Tuzla.", "en", "1996-01-01", lex: Builtin);
        Assert.Equal("PAKGOV", Fixture.Find(ms, "The governor of Sindh").Actor?.Code);
        Assert.Equal("BIHREF", Fixture.Find(ms, "refugees from Tuzla").Actor?.Code);
    }
}
