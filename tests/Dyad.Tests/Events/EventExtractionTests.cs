using Dyad.Model;
using Xunit;
using static Dyad.Tests.Events.SentenceBuilder;

namespace Dyad.Tests.Events;

public class EventExtractionTests
{
    private static Event Single(List<Event> evs, string type)
    {
        var l = evs.Where(e => e.Type == type).ToList();
        Assert.True(l.Count == 1, $"expected one {type}, got: {string.Join("; ", evs.Select(Show))}");
        return l[0];
    }

    private static string Show(Event e) =>
        $"{e.Type}({e.Source?.Actor?.Code ?? e.Source?.Text},{e.Target?.Actor?.Code ?? e.Target?.Text}) {e.Claim.Status.Name()} [{string.Join(",", e.Claim.Claimants.Select(c => c.Actor.Actor?.Code ?? c.Actor.Text))}]";

    [Fact]
    public void Active_subject_is_source_object_is_target()
    {
        var doc = Doc("en", """
            Russia Russia PROPN 2 nsubj
            attacked attack VERB 0 root
            Syrian Syrian ADJ 4 amod
            rebels rebel NOUN 2 obj
            . . PUNCT 2 punct
            """, (1, 1, "RUS"), (3, 4, "SYRREB"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("RUS", e.Source!.Actor!.Code);
        Assert.Equal("SYRREB", e.Target!.Actor!.Code);
        Assert.Equal(ClaimStatus.Asserted, e.Claim.Status);
        Assert.Equal("attacked", e.Trigger.Text);
        Assert.Equal("190", e.Cameo);
    }

    [Fact]
    public void Passive_by_agent_becomes_source()
    {
        var doc = Doc("en", """
            Rebels rebel NOUN 3 nsubj:pass
            were be AUX 3 aux:pass
            shelled shell VERB 0 root
            by by ADP 5 case
            Russia Russia PROPN 3 obl:agent
            """, (1, 1, "REB"), (5, 5, "RUS"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("RUS", e.Source!.Actor!.Code);
        Assert.Equal("REB", e.Target!.Actor!.Code);
        Assert.Equal("heavy-weapons", e.Mode);
    }

    [Fact]
    public void Nominal_possessor_is_source_and_on_phrase_is_target()
    {
        var doc = Doc("en", """
            the the DET 3 det
            US US PROPN 3 compound
            Army army PROPN 5 nmod:poss
            's 's PART 3 case
            attack attack NOUN 0 root
            on on ADP 8 case
            Syrian Syrian ADJ 8 amod
            troops troop NOUN 5 nmod
            """, (1, 4, "USAMIL"), (7, 8, "SYRMIL"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("USAMIL", e.Source!.Actor!.Code);
        Assert.Equal("SYRMIL", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Air_strikes_by_X_against_Y()
    {
        var doc = Doc("en", """
            air air NOUN 2 compound
            strikes strike NOUN 0 root
            by by ADP 5 case
            the the DET 5 det
            coalition coalition NOUN 2 nmod
            against against ADP 7 case
            ISIS ISIS PROPN 2 nmod
            """, (4, 5, "IGOCOA"), (7, 7, "IMGMUSISI"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("aerial", e.Mode);
        Assert.Equal("air strikes", e.Trigger.Text);
        Assert.Equal("IGOCOA", e.Source!.Actor!.Code);
        Assert.Equal("IMGMUSISI", e.Target!.Actor!.Code);
    }

    private const string SaidFirst = """
        Rebels rebel NOUN 2 nsubj
        said say VERB 0 root
        Russia Russia PROPN 4 nsubj
        bombed bomb VERB 2 ccomp
        Aleppo Aleppo PROPN 4 obj
        """;

    private const string SaidLast = """
        Russia Russia PROPN 2 nsubj
        bombed bomb VERB 6 ccomp
        Aleppo Aleppo PROPN 2 obj
        , , PUNCT 2 punct
        rebels rebel NOUN 6 nsubj
        said say VERB 0 root
        """;

    [Fact]
    public void Word_order_does_not_change_the_reported_claim()
    {
        var a = Single(Run(Doc("en", SaidFirst, (1, 1, "REB"), (3, 3, "RUS"), (5, 5, "SYR"))), "ASSAULT");
        var b = Single(Run(Doc("en", SaidLast, (5, 5, "REB"), (1, 1, "RUS"), (3, 3, "SYR"))), "ASSAULT");
        foreach (var e in new[] { a, b })
        {
            Assert.Equal(ClaimStatus.Reported, e.Claim.Status);
            Assert.Equal("RUS", e.Source!.Actor!.Code);
            Assert.Equal("SYR", e.Target!.Actor!.Code);
            Assert.Equal("REB", Assert.Single(e.Claim.Claimants).Actor.Actor!.Code);
            Assert.Equal("attribution", e.Claim.Claimants[0].Cue!.Kind);
        }
    }

    [Fact]
    public void Sentence_final_said_as_parataxis_is_a_claimant()
    {
        var doc = Doc("en", """
            Russia Russia PROPN 2 nsubj
            bombed bomb VERB 0 root
            Aleppo Aleppo PROPN 2 obj
            , , PUNCT 6 punct
            rebels rebel NOUN 6 nsubj
            said say VERB 2 parataxis
            """, (5, 5, "REB"), (1, 1, "RUS"), (3, 3, "SYR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal(ClaimStatus.Reported, e.Claim.Status);
        Assert.Equal("REB", e.Claim.Claimants[0].Actor.Actor!.Code);
    }

    [Fact]
    public void Accused_of_attacking_gives_alleged_nested_event()
    {
        var doc = Doc("en", """
            Russia Russia PROPN 2 nsubj
            accused accuse VERB 0 root
            Turkey Turkey PROPN 2 obj
            of of SCONJ 5 mark
            attacking attack VERB 2 advcl VerbForm=Ger
            Kurds Kurd PROPN 5 obj
            """, (1, 1, "RUSGOV"), (3, 3, "TUR"), (6, 6, "KUR"));
        var evs = Run(doc);
        var acc = Single(evs, "ACCUSE");
        var ass = Single(evs, "ASSAULT");
        Assert.Equal(ClaimStatus.Asserted, acc.Claim.Status);
        Assert.Equal("RUSGOV", acc.Source!.Actor!.Code);
        Assert.Equal("TUR", acc.Target!.Actor!.Code);
        Assert.Equal(ClaimStatus.Alleged, ass.Claim.Status);
        Assert.Equal("TUR", ass.Source!.Actor!.Code);
        Assert.Equal("KUR", ass.Target!.Actor!.Code);
        Assert.Equal("RUSGOV", Assert.Single(ass.Claim.Claimants).Actor.Actor!.Code);
        Assert.Equal(acc.Id, ass.ParentId);
    }

    [Fact]
    public void Denied_that_clause_is_denied_with_claimant()
    {
        var doc = Doc("en", """
            Turkey Turkey PROPN 2 nsubj
            denied deny VERB 0 root
            that that SCONJ 6 mark
            its its PRON 5 nmod:poss
            troops troop NOUN 6 nsubj
            attacked attack VERB 2 ccomp
            Kurds Kurd PROPN 6 obj
            """, (1, 1, "TURGOV"), (4, 5, "TURMIL"), (7, 7, "KUR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal(ClaimStatus.Denied, e.Claim.Status);
        Assert.Equal("TURMIL", e.Source!.Actor!.Code);
        Assert.Equal("TURGOV", e.Claim.Claimants[0].Actor.Actor!.Code);
        Assert.Equal("denial", e.Claim.Claimants[0].Cue!.Kind);
    }

    [Fact]
    public void Nested_chain_lists_claimants_outermost_first()
    {
        var doc = Doc("en", """
            Interfax Interfax PROPN 2 nsubj
            reported report VERB 0 root
            that that SCONJ 5 mark
            Lavrov Lavrov PROPN 5 nsubj
            said say VERB 2 ccomp
            rebels rebel NOUN 7 nsubj
            shelled shell VERB 5 ccomp
            Damascus Damascus PROPN 7 obj
            """, (1, 1, "RUSMED"), (4, 4, "RUSGOV"), (6, 6, "SYRREB"), (8, 8, "SYRGOV"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal(new[] { "RUSMED", "RUSGOV" }, e.Claim.Claimants.Select(c => c.Actor.Actor!.Code));
        Assert.Equal(ClaimStatus.Reported, e.Claim.Status);
    }

    [Fact]
    public void Dutch_separable_particle_verb_matches()
    {
        var doc = Doc("nl", """
            Turkije Turkije PROPN 2 nsubj
            valt vallen VERB 0 root
            de de DET 4 det
            Koerden Koerd NOUN 2 obj
            aan aan ADP 2 compound:prt
            """, (1, 1, "TUR"), (3, 4, "KUR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("TUR", e.Source!.Actor!.Code);
        Assert.Equal("KUR", e.Target!.Actor!.Code);
        Assert.Equal("valt", e.Trigger.Text);
    }

    [Fact]
    public void Coordinated_subjects_give_one_event_each()
    {
        var doc = Doc("en", """
            Russia Russia PROPN 4 nsubj
            and and CCONJ 3 cc
            Iran Iran PROPN 1 conj
            supply supply VERB 0 root
            weapons weapon NOUN 4 obj
            to to ADP 7 case
            Assad Assad PROPN 4 obl
            """, (1, 1, "RUS"), (3, 3, "IRN"), (7, 7, "SYRGOV"));
        var evs = Run(doc).Where(e => e.Type == "AID").ToList();
        Assert.Equal(2, evs.Count);
        Assert.Equal(new[] { "IRN", "RUS" }, evs.Select(e => e.Source!.Actor!.Code).Order());
        Assert.All(evs, e => Assert.Equal("SYRGOV", e.Target!.Actor!.Code));
        Assert.All(evs, e => Assert.Equal("military", e.Mode));
        Assert.NotEqual(evs[0].Id, evs[1].Id);
    }

    [Fact]
    public void Object_control_makes_the_object_the_source_and_links_the_parent()
    {
        var doc = Doc("en", """
            The the DET 2 det
            commander commander NOUN 3 nsubj
            ordered order VERB 0 root
            the the DET 5 det
            militants militant NOUN 3 obj
            to to PART 7 mark
            attack attack VERB 3 xcomp
            the the DET 9 det
            base base NOUN 7 obj
            """, (1, 2, "REBMIL"), (4, 5, "REB"));
        var evs = Run(doc);
        var order = Single(evs, "REQUEST");
        var att = Single(evs, "ASSAULT");
        Assert.Equal("REB", att.Source!.Actor!.Code);
        Assert.Equal("the base", att.Target!.Text);
        Assert.Null(att.Target.Actor);
        Assert.Equal(ClaimStatus.Future, att.Claim.Status);
        Assert.Equal(order.Id, att.ParentId);
    }

    [Fact]
    public void Negation_in_own_clause_is_negated()
    {
        var doc = Doc("en", """
            Russia Russia PROPN 4 nsubj
            did do AUX 4 aux
            not not PART 4 advmod
            attack attack VERB 0 root
            Turkey Turkey PROPN 4 obj
            """, (1, 1, "RUS"), (5, 5, "TUR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal(ClaimStatus.Negated, e.Claim.Status);
        Assert.Contains(e.Claim.Cues, c => c.Kind == "negation" && c.Text == "not");
    }

    [Fact]
    public void According_to_adds_a_claimant()
    {
        var doc = Doc("en", """
            According according VERB 3 case
            to to ADP 1 fixed
            Reuters Reuters PROPN 6 obl
            , , PUNCT 3 punct
            jets jet NOUN 6 nsubj
            bombed bomb VERB 0 root
            Idlib Idlib PROPN 6 obj
            """, (3, 3, "GBRMED"), (7, 7, "SYR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal(ClaimStatus.Reported, e.Claim.Status);
        Assert.Equal("GBRMED", e.Claim.Claimants[0].Actor.Actor!.Code);
    }

    [Fact]
    public void Allegedly_marks_an_allegation_and_may_a_hedge()
    {
        var alleged = Doc("en", """
            Jets jet NOUN 3 nsubj
            allegedly allegedly ADV 3 advmod
            bombed bomb VERB 0 root
            Idlib Idlib PROPN 3 obj
            """, (4, 4, "SYR"));
        Assert.Equal(ClaimStatus.Alleged, Single(Run(alleged), "ASSAULT").Claim.Status);
        var hedged = Doc("en", """
            Jets jet NOUN 4 nsubj
            may may AUX 4 aux
            have have AUX 4 aux
            bombed bomb VERB 0 root
            Idlib Idlib PROPN 4 obj
            """, (5, 5, "SYR"));
        Assert.Equal(ClaimStatus.Hedged, Single(Run(hedged), "ASSAULT").Claim.Status);
    }

    [Fact]
    public void Comment_author_is_the_outermost_claimant()
    {
        var doc = DocWith("en", """
            Russia Russia PROPN 2 nsubj
            bombed bomb VERB 0 root
            Idlib Idlib PROPN 2 obj
            """, "2017-10-05", SegmentKind.Comment, "b", (1, 1, "RUS"), (3, 3, "SYR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("b", e.Claim.Claimants[0].Actor.Text);
        Assert.Equal(ClaimStatus.Asserted, e.Claim.Status);
        Assert.Equal("2017-10-05", e.Date);
    }

    [Fact]
    public void Yesterday_moves_the_date_one_day_back()
    {
        var doc = DocWith("en", """
            Russia Russia PROPN 2 nsubj
            bombed bomb VERB 0 root
            Idlib Idlib PROPN 2 obj
            yesterday yesterday NOUN 2 obl:tmod
            """, "2017-10-05", SegmentKind.Article, null, (1, 1, "RUS"), (3, 3, "SYR"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("2017-10-04", e.Date);
        Assert.Equal("day", e.DatePrecision);
    }

    [Fact]
    public void Event_ids_are_stable_across_runs()
    {
        var a = Single(Run(Doc("en", SaidFirst, (1, 1, "REB"), (3, 3, "RUS"), (5, 5, "SYR"))), "ASSAULT");
        var b = Single(Run(Doc("en", SaidFirst, (1, 1, "REB"), (3, 3, "RUS"), (5, 5, "SYR"))), "ASSAULT");
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(16, a.Id.Length);
    }

    [Fact]
    public void Speech_verb_alone_is_not_an_event()
    {
        var evs = Run(Doc("en", SaidFirst, (1, 1, "REB"), (3, 3, "RUS"), (5, 5, "SYR")));
        Assert.DoesNotContain(evs, e => e.Trigger.Text == "said");
    }

    [Fact]
    public void Pronoun_mention_uses_antecedent_actor_but_keeps_its_text()
    {
        var doc = Doc("en", """
            They they PRON 2 nsubj
            attacked attack VERB 0 root
            Idlib Idlib PROPN 2 obj
            """, (3, 3, "SYR"));
        var s = doc.Segments[0].Sentences[0];
        s.Mentions.Insert(0, new Mention
        {
            FirstToken = 0, LastToken = 0, HeadToken = 0, Start = 0, End = 4, Text = "They", Kind = MentionKind.Pronoun,
            Antecedent = new Mention { Text = "the rebels", Actor = new ActorRef { Code = "SYRREB" } },
        });
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("They", e.Source!.Text);
        Assert.Equal("SYRREB", e.Source.Actor!.Code);
    }
}
