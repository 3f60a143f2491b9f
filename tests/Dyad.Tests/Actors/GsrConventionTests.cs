using Dyad.Actors;
using Dyad.Model;
using Xunit;

namespace Dyad.Tests.Actors;

/// <summary>
/// Composition rules and conventions added for older wire news (docs/notes/actors2.md, docs/DICTIONARIES.md):
/// former office holders, ethnic communities, bare demonym subjects, places after foreign forces, state media,
/// named NGOs, "based in", "loyal to", dated short names, titles that select a role. Sentences written here.
/// </summary>
public class GsrConventionTests
{
    private static ActorLexicon Builtin => ActorLexicon.For([]);

    private static List<Mention> Tokens(string text, string date) => Fixture.Mentions(text, "en", date, lex: Builtin);

    /// <summary>With the syntax model when one is available (rules that read the parse); null without it.</summary>
    private static List<Mention>? Parsed(string text, string date)
    {
        var sents = ActorEvaluation.Run(new ActorStage(Builtin), text, "en", DictDates.FromIso(date), out bool parsed);
        return parsed ? sents.SelectMany(s => s.Mentions).ToList() : null;
    }

    [Theory]
    [InlineData("The court summoned former president Carlos Menem on Tuesday.", "2001-05-01", "president Carlos Menem", "ARGELI")]
    [InlineData("Former president Jimmy Carter visited Havana.", "2002-05-12", "president Jimmy Carter", "USAELI")]
    [InlineData("A former minister criticised the budget.", "2001-05-01", "minister", "ELI")]
    public void Former_office_holders_are_elites(string text, string date, string mention, string code)
    {
        var m = Tokens(text, date).First(x => x.Text.Contains(mention, StringComparison.Ordinal));
        Assert.EndsWith(code, m.Actor?.Code);
    }

    [Fact]
    public void Ethnic_demonyms_are_civilians_of_the_country_they_live_in()
    {
        var ms = Tokens("Ethnic Albanians marched through Tetovo, Macedonian police said.", "2001-03-01");
        var m = ms.First(x => x.Text.EndsWith("Albanians", StringComparison.Ordinal));
        Assert.Equal("MKDCVL", m.Actor?.Code);
        Assert.StartsWith("Ethnic", m.Text);
    }

    [Theory]
    [InlineData("Thousands of Iraqi Kurds fled to the mountains.", "Iraqi Kurds", "IRQCVL")]
    [InlineData("Israeli bulldozers razed Palestinian homes near Rafah.", "Palestinian homes", "PSECVL")]
    [InlineData("Troops burned a village in northern Uganda.", "village in northern Uganda", "UGACVL")]
    [InlineData("Gunmen raided villages near Macedonia's border.", "villages near Macedonia", "MKDCVL")]
    [InlineData("A Canadian national was detained at the airport.", "Canadian national", "CANCVL")]
    [InlineData("A missionary from Calgary was arrested.", "missionary from Calgary", "CANREL")]
    [InlineData("Thousands of students throughout Indonesia marched.", "students throughout Indonesia", "IDNEDU")]
    public void Peoples_and_places_compose_as_civilians_and_sectors(string text, string mention, string code)
    {
        var ms = Tokens(text, "2000-01-01");
        Assert.Equal(code, Fixture.Find(ms, mention).Actor?.Code);
    }

    [Theory]
    [InlineData("An official Iranian newspaper criticised the talks.", "Iranian newspaper", "IRNGOV")]
    [InlineData("A militant group based in Yemen claimed the attack.", "militant group based in Yemen", "YEMREB")]
    [InlineData("Irish nationalist guerrillas attacked a patrol.", "Irish nationalist guerrillas", "GBRREB")]
    [InlineData("Fighters loyal to Jonas Savimbi shelled the town.", "Fighters loyal to Jonas Savimbi", "AGOREB")]
    public void Media_bases_and_loyalties_give_the_right_side(string text, string mention, string code)
    {
        var ms = Tokens(text, "2000-01-01");
        Assert.Equal(code, Fixture.Find(ms, mention).Actor?.Code);
    }

    [Fact]
    public void Peacekeepers_in_a_country_are_not_that_countrys_army()
    {
        var ms = Tokens("The council extended the peacekeeping force in Cyprus.", "2000-01-01");
        Assert.Equal("CYP", Fixture.Find(ms, "Cyprus").Actor?.Code);
    }

    [Fact]
    public void People_moved_out_of_a_country_leave_the_country_a_mention_of_its_own()
    {
        var ms = Parsed("Canada will withdraw its aid workers from Haiti.", "2000-01-01");
        if (ms == null) return; // the rule reads the parse
        Assert.Equal("HTI", Fixture.Find(ms, "Haiti").Actor?.Code);
    }

    [Fact]
    public void A_bare_plural_demonym_subject_is_its_side_and_an_object_is_civilians()
    {
        var ms = Parsed("Palestinians rejected the plan. Israeli soldiers detained forty Palestinians.", "2000-01-01");
        if (ms == null) return; // the rule reads the parse
        var subj = ms.First(m => m.Text == "Palestinians");
        var obj = ms.Last(m => m.Text == "Palestinians");
        Assert.Equal("PSE", subj.Actor?.Code);
        Assert.Equal("PSECVL", obj.Actor?.Code);
    }

    [Fact]
    public void Unknown_names_ending_in_an_organisation_word_are_ngos()
    {
        var ms = Tokens("The Green Valley Foundation criticised the plan.", "2000-01-01");
        Assert.Equal("NGO", ms.First(m => m.Text.Contains("Foundation", StringComparison.Ordinal)).Actor?.Code);
    }

    [Fact]
    public void Transnational_groups_keep_their_code_and_leaders_are_gov()
    {
        var ms = Tokens("Al-Qaeda fighters attacked the base. Al-Qaeda leaders fled.", "2005-01-01");
        var f = ms.First(m => m.Text.Contains("fighters", StringComparison.Ordinal)).Actor!;
        var l = ms.First(m => m.Text.Contains("leaders", StringComparison.Ordinal)).Actor!;
        Assert.Equal("IMGMUSALQ", f.Code);
        Assert.Null(f.Sector);
        Assert.Equal("GOV", l.Sector);
    }

    [Theory]
    [InlineData("1995-06-01", "Etienne Tshisekedi")]
    [InlineData("2020-06-01", "Félix Tshisekedi")]
    public void A_shared_short_name_is_the_person_in_office_at_the_date(string date, string person)
    {
        var ms = Tokens("Tshisekedi addressed supporters in Kinshasa.", date);
        Assert.Equal(person, Fixture.Find(ms, "Tshisekedi").Actor?.Person);
    }

    [Fact]
    public void A_title_naming_an_organisation_selects_that_role()
    {
        // Cordovez was a UN mediator (1980s) and later Ecuador's foreign minister.
        var ms = Tokens("U.N. mediator Diego Cordovez arrived in Kabul.", "2000-01-01");
        Assert.Equal("IGOUNO", ms.First(m => m.Text.Contains("Cordovez", StringComparison.Ordinal)).Actor?.Code);
    }

    [Theory]
    [InlineData("Lech Walesa led the strike.", "1985-01-01", "POLLAB")]
    [InlineData("Lech Walesa addressed parliament.", "1993-01-01", "POLGOV")]
    [InlineData("Ahmad Shah Massoud met the envoy.", "1998-01-01", "AFGREB")]
    [InlineData("Hans Blix briefed the council.", "2003-01-27", "IGOUNO")]
    public void Added_historical_people_have_dated_roles(string text, string date, string code)
    {
        var ms = Tokens(text, date);
        Assert.Equal(code, ms.First().Actor?.Code);
    }
}
