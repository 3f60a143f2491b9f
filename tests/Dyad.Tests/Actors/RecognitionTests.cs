using Dyad.Actors;
using Dyad.Model;
using Xunit;

namespace Dyad.Tests.Actors;

public class RecognitionTests
{
    private static string? Code(string text, string mention, string lang = "en", string? date = null) =>
        Fixture.Find(Fixture.Mentions(text, lang, date), mention).Actor?.Code;

    [Fact]
    public void Longest_match_wins()
    {
        var ms = Fixture.Mentions("The US-led coalition bombed the town.");
        var m = Assert.Single(ms);
        Assert.Equal("The US-led coalition", m.Text);
        Assert.Equal("IGOCOAUSA", m.Actor?.Code);
        Assert.Equal("SYRREB", Code("Fighters of the al-Nusra Front advanced.", "Fighters of the al-Nusra Front"));
        Assert.Equal("SYRREB", Code("They met the al-Nusra Front.", "the al-Nusra Front"));
    }

    [Fact]
    public void Short_acronyms_are_case_sensitive_other_names_are_not()
    {
        var ms = Fixture.Mentions("It is clear that IS lost ground, and us too.");
        Assert.Equal("IMGMUSISI", Fixture.Find(ms, "IS").Actor?.Code);
        Assert.DoesNotContain(ms, m => m.Text is "is" or "us");
        Assert.Equal("IMGMUSISI", Code("DAESH fighters were seen.", "DAESH fighters"));
        Assert.Equal("SYR", Code("Reports from SYRIA came in.", "SYRIA"));
        Assert.Equal("USA", Code("The U.S. responded.", "The U.S."));
    }

    [Fact]
    public void Hyphen_space_and_apostrophe_variants_match()
    {
        Assert.Equal("SYRREB", Code("Jabhat al Nusra claimed it.", "Jabhat al Nusra"));
        Assert.Equal("SYRREB", Code("Jabhat al-Nusra claimed it.", "Jabhat al-Nusra"));
        Assert.Equal("SYRREB", Code("Hayat Tahrir al-Sham claimed it.", "Hayat Tahrir al-Sham"));
        Assert.Equal("SYRREB", Code("Hay’at Tahrir al-Sham claimed it.", "Hay’at Tahrir al-Sham"));
    }

    [Fact]
    public void Possessives_and_determiners()
    {
        var ms = Fixture.Mentions("Syria's army shelled the town.");
        var m = Assert.Single(ms);
        Assert.Equal("SYRMIL", m.Actor?.Code);
        Assert.Equal(MentionKind.Composed, m.Kind);
        Assert.Equal("RUS", Code("Russia’s position is known.", "Russia"));
        Assert.Equal("RUSGOV", Code("the Kremlin said", "the Kremlin"));
        Assert.Equal("USAMIL", Code("The Pentagon said", "The Pentagon"));
    }

    [Fact]
    public void Both_languages_and_language_specific_names()
    {
        Assert.Equal("SYRMIL", Code("Het Syrische leger viel aan.", "Het Syrische leger", "nl"));
        Assert.Equal("RUS", Code("Rusland reageerde.", "Rusland", "nl"));
        Assert.Equal("IMGMUSISI", Code("Islamitische Staat eiste de aanslag op.", "Islamitische Staat", "nl"));
        // "Pentagon" is an English-only metonym; names without lang are valid in both.
        Assert.Null(Fixture.Mentions("Het Pentagon zweeg.", "nl").FirstOrDefault(m => m.Text.Contains("Pentagon"))?.Actor?.Code);
        Assert.Equal("USAGOV", Code("Washington zweeg.", "Washington", "nl"));
    }

    [Fact]
    public void Offsets_point_into_the_text()
    {
        string text = "Yesterday Russian troops entered.";
        var m = Assert.Single(Fixture.Mentions(text));
        Assert.Equal("Russian troops", text[m.Start..m.End]);
        Assert.Equal("RUSMIL", m.Actor?.Code);
        Assert.True(m.Plural);
    }

    [Fact]
    public void Country_and_agent_compose()
    {
        Assert.Equal("SYRMIL", Code("Syrian troops advanced.", "Syrian troops"));
        Assert.Equal("RUSGOV", Code("The Russian Defense Ministry said so.", "The Russian Defense Ministry"));
        var irq = Fixture.Find(Fixture.Mentions("An Iraqi security source said so."), "Iraqi security");
        Assert.Equal("IRQCOP", irq.Actor?.Code);
        Assert.Equal("IRQ", irq.Actor?.Country);
        Assert.Equal("RUSMIL", Code("the army of Russia", "the army of Russia"));
        var co = Fixture.Mentions("Syrian, Turkish, and Russian ‘troops’ advanced.");
        Assert.Equal("SYRMIL", Fixture.Find(co, "Syrian").Actor?.Code);
        Assert.Equal("TURMIL", Fixture.Find(co, "Turkish").Actor?.Code);
        Assert.Equal("RUSMIL", Fixture.Find(co, "Russian ‘troops").Actor?.Code);
        var ms = Fixture.Mentions("Syrian and Russian troops advanced.");
        Assert.Equal("SYRMIL", Fixture.Find(ms, "Syrian").Actor?.Code);
        Assert.Equal("RUSMIL", Fixture.Find(ms, "Russian troops").Actor?.Code);
    }

    [Fact]
    public void Groups_with_agents_stay_the_group()
    {
        var m = Fixture.Find(Fixture.Mentions("ISIS fighters fled."), "ISIS fighters");
        Assert.Equal("IMGMUSISI", m.Actor?.Code);
        Assert.Equal("islamic-state", m.Actor?.EntryId);
        Assert.Equal("Q2429253", m.Actor?.Wikidata);
    }

    [Fact]
    public void Metonyms_stand_for_the_state()
    {
        Assert.Equal("USAGOV", Code("Washington warned Moscow.", "Washington"));
        Assert.Equal("RUSGOV", Code("Washington warned Moscow.", "Moscow"));
        Assert.Equal("RUSGOV", Code("A Kremlin spokesman declined.", "Kremlin spokesman"));
        Assert.Equal("USAMIL", Code("Pentagon officials declined.", "Pentagon officials"));
    }

    [Fact]
    public void Aligned_actors_carry_their_backer()
    {
        // Turkish-backed rebels: rebels (REB) aligned with TUR; the country comes from the document if it names another one.
        var m = Fixture.Find(Fixture.Mentions("Turkish-backed rebels attacked."), "Turkish-backed rebels");
        Assert.Equal("REB", m.Actor?.Code);
        Assert.Equal("TUR", m.Actor?.Ally);
        var ms = Fixture.Mentions("Fighting continued in Syria. Turkish-backed rebels attacked.");
        var m2 = Fixture.Find(ms, "Turkish-backed rebels");
        Assert.Equal("SYRREB", m2.Actor?.Code);
        Assert.Equal("TUR", m2.Actor?.Ally);
        // pro-government militias: a militia aligned with the document's government.
        var p = Fixture.Find(Fixture.Mentions("Syria said pro-government militias took the town."), "pro-government militias");
        Assert.Equal("SYRMIL", p.Actor?.Code);
        Assert.Equal("SYRGOV", p.Actor?.Ally);
        var p0 = Fixture.Find(Fixture.Mentions("pro-government militias took the town."), "pro-government militias");
        Assert.Equal("MIL", p0.Actor?.Code);
        Assert.Equal("GOV", p0.Actor?.Ally);
        // anti-X: the country of X with the agent's sector.
        Assert.Equal("RUSREB", Code("anti-Kremlin rebels marched.", "anti-Kremlin rebels"));
    }

    [Fact]
    public void Names_with_a_possessive_inside_match_across_the_split_token()
    {
        Assert.Equal("SYRREB", Code("The People's Protection Units advanced.", "The People's Protection Units"));
        Assert.Equal("SYRREB", Code("The People’s Protection Units advanced.", "The People’s Protection Units"));
    }

    [Fact]
    public void Agents_in_or_from_a_country_and_led_forces()
    {
        Assert.Equal("SYRREB", Code("Rebels in Syria refused.", "Rebels in Syria"));
        Assert.Equal("IRQCVL", Fixture.Find(Fixture.Mentions("Civilians from Iraq fled.", lex: WithCivilians), "Civilians from Iraq").Actor?.Code);
        var m = Fixture.Find(Fixture.Mentions("Russian-led forces advanced."), "Russian-led forces");
        Assert.Equal("RUSMIL", m.Actor?.Code);
        Assert.Equal("RUS", m.Actor?.Ally);
    }

    private static readonly ActorLexicon WithCivilians = ActorLexicon.FromYaml(false, ("f.yaml", Fixture.Yaml),
        ("c.yaml", "agents:\n  - { id: civilians, sector: CVL, names: { en: [civilians] } }\n"));

    [Fact]
    public void A_capital_after_in_is_the_place()
    {
        Assert.Equal("SYRCVL", Code("Shelling in Damascus continued.", "Damascus"));
        Assert.Equal("SYRGOV", Code("Damascus denied it.", "Damascus"));
        Assert.Equal("RUSGOV", Code("Officials in the Kremlin denied it.", "Officials in the Kremlin"));
        Assert.Equal("RUSGOV", Code("A meeting in the Kremlin ended.", "the Kremlin"));
    }

    [Fact]
    public void Titles_without_a_country_take_the_documents_country()
    {
        var ms = Fixture.Mentions("Turkey closed the border. President Ali Veli said it would stay closed.");
        Assert.Equal("TURGOV", Fixture.Find(ms, "President Ali Veli").Actor?.Code);
        Assert.Equal("GOV", Fixture.Find(Fixture.Mentions("President Ali Veli said so."), "President Ali Veli").Actor?.Code);
    }

    [Fact]
    public void Persons_take_their_role_code_at_the_date()
    {
        var ms = Fixture.Mentions("Mike Pompeo spoke.", date: "2017-06-01");
        var m = Fixture.Find(ms, "Mike Pompeo");
        Assert.Equal("USASPY", m.Actor?.Code);
        Assert.Equal("Mike Pompeo", m.Actor?.Person);
        Assert.Equal("USAGOV", Code("Mike Pompeo spoke.", "Mike Pompeo", date: "2019-06-01"));
        // After the last role ended: the most recent role.
        Assert.Equal("USAGOV", Code("Mike Pompeo spoke.", "Mike Pompeo", date: "2023-06-01"));
        // Titles and country adjectives before a known person become part of the person mention.
        var lav = Assert.Single(Fixture.Mentions("Russian Foreign Minister Sergey Lavrov said so.", date: "2017-01-01"));
        Assert.Equal("Russian Foreign Minister Sergey Lavrov", lav.Text);
        Assert.Equal("RUSGOV", lav.Actor?.Code);
        Assert.Equal("sergey-lavrov", lav.Actor?.EntryId);
    }

    [Fact]
    public void A_title_with_an_unknown_name_is_one_mention()
    {
        var m = Assert.Single(Fixture.Mentions("Turkish minister Ali Veli said so."));
        Assert.Equal("Turkish minister Ali Veli", m.Text);
        Assert.Equal("TURGOV", m.Actor?.Code);
    }

    [Fact]
    public void Unknown_proper_names_are_kept_unresolved()
    {
        var ms = Fixture.Mentions("Fighters of the Sultan Murad Division entered Afrin on Monday.");
        var u = Fixture.Find(ms, "Sultan Murad Division");
        Assert.Equal(MentionKind.Unresolved, u.Kind);
        Assert.Null(u.Actor?.Code);
        Assert.Equal(MentionKind.Unresolved, Fixture.Find(ms, "Afrin").Kind);
        Assert.DoesNotContain(ms, m => m.Text.Contains("Monday"));
        // Sentence-initial function words are not names.
        Assert.DoesNotContain(Fixture.Mentions("The talks failed. However the talks resumed."), m => m.Kind == MentionKind.Unresolved);
    }

    [Fact]
    public void Bare_agents_get_their_sector()
    {
        var m = Assert.Single(Fixture.Mentions("Police arrested three men."));
        Assert.Equal(MentionKind.Agent, m.Kind);
        Assert.Equal("COP", m.Actor?.Code);
        Assert.Null(m.Actor?.Country);
    }

    [Fact]
    public void Lemmas_match_agent_plurals()
    {
        var lex = ActorLexicon.FromYaml(false, ("a.yaml", "agents:\n  - { id: j, sector: REB, names: { en: [jihadist] } }\nentries:\n  - { id: SYR, kind: country, code: SYR, name: Syria, adjectives: { en: [Syrian] } }\n"));
        var sents = Fixture.Run("Syrian jihadists fled.", lex: lex, tag: s =>
        {
            foreach (var t in s.Tokens) t.Lemma = t.Text == "jihadists" ? "jihadist" : t.Text.ToLowerInvariant();
        });
        var m = Assert.Single(sents[0].Mentions);
        Assert.Equal("SYRREB", m.Actor?.Code);
    }
}
