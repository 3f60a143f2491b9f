using Dyad.Model;
using Xunit;
using static Dyad.Tests.Events.SentenceBuilder;

namespace Dyad.Tests.Events;

/// <summary>
/// Argument rules for the parse errors seen on news text (lost clauses, mis-tagged verbs, time words as arguments),
/// target choice (actors over bare sectors and the source's own possessive, carried targets) and the PLOVER carriers
/// (failed to, will not accept, unless). Hand-built parses in the style the shipped models produce; own sentences.
/// Rows: text lemma UPOS head deprel [feats] [xpos].
/// </summary>
public class ArgumentRepairTests
{
    private static Event Single(List<Event> evs, string type)
    {
        var l = evs.Where(e => e.Type == type).ToList();
        Assert.True(l.Count == 1, $"expected one {type}, got: {string.Join("; ", evs.Select(Show))}");
        return l[0];
    }

    private static string Show(Event e) => $"{e.Type}({e.Source?.Actor?.Code ?? e.Source?.Text},{e.Target?.Actor?.Code ?? e.Target?.Text})";

    [Fact]
    public void Lost_clause_with_time_between_subject_and_verb_reads_arguments_off_the_word_order()
    {
        // "The Chilean envoy on Friday visited Peru." parsed with "envoy" as root and "visited" as a modifier of "Peru".
        var doc = Doc("en", """
            The the DET 3 det _ DT
            Chilean Chilean ADJ 3 amod _ JJ
            envoy envoy NOUN 0 root _ NN
            on on ADP 5 case _ IN
            Friday Friday PROPN 3 nmod _ NNP
            visited visit VERB 7 amod _ VBN
            Peru Peru PROPN 3 list _ NNP
            """, (2, 3, "CHLGOV"), (7, 7, "PER"));
        var e = Single(Run(doc), "CONSULT");
        Assert.Equal("CHLGOV", e.Source!.Actor!.Code);
        Assert.Equal("PER", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Day_name_is_never_an_argument()
    {
        // "The agency called Tuesday on Peru to act." with "Tuesday" as the object.
        var doc = Doc("en", """
            The the DET 2 det _ DT
            agency agency NOUN 3 nsubj _ NN
            called call VERB 0 root _ VBD
            Tuesday Tuesday PROPN 3 obj _ NNP
            on on ADP 6 case _ IN
            Peru Peru PROPN 3 obl _ NNP
            """, (1, 2, "IGOUNO"), (6, 6, "PER"));
        var e = Single(Run(doc), "REQUEST");
        Assert.Equal("PER", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Clause_verb_with_passive_subject_label_but_no_auxiliary_is_active()
    {
        var doc = Doc("en", """
            Ruiz Ruiz PROPN 2 nsubj:pass _ NNP
            resigned resign VERB 0 root _ VBN
            yesterday yesterday NOUN 2 obl:unmarked _ NN
            """, (1, 1, "ARGMIL"));
        var e = Single(Run(doc), "RETREAT");
        Assert.Equal("ARGMIL", e.Source!.Actor!.Code);
        Assert.Null(e.Target);
    }

    [Fact]
    public void Past_tense_tagged_as_adjective_between_two_noun_phrases_is_a_verb()
    {
        // "Kurdish militants wounded three Turkish soldiers." with "wounded" an adjective and "soldiers" a conjunct.
        var doc = Doc("en", """
            Kurdish Kurdish ADJ 2 amod _ JJ
            militants militant NOUN 0 root _ NNS
            wounded wounded ADJ 6 amod _ JJ
            three three NUM 6 nummod _ CD
            Turkish Turkish ADJ 6 amod _ JJ
            soldiers soldier NOUN 2 conj _ NNS
            """, (1, 2, "TURREB"), (5, 6, "TURMIL"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("TURREB", e.Source!.Actor!.Code);
        Assert.Equal("TURMIL", e.Target!.Actor!.Code);
    }

    [Fact]
    public void The_wounded_soldiers_is_no_event()
    {
        var doc = Doc("en", """
            the the DET 3 det _ DT
            wounded wounded ADJ 3 amod _ JJ
            soldiers soldier NOUN 4 nsubj _ NNS
            returned return VERB 0 root _ VBD
            """, (3, 3, "MIL"));
        Assert.DoesNotContain(Run(doc), e => e.Type == "ASSAULT");
    }

    [Fact]
    public void Bare_sector_target_gives_way_to_the_country_in_the_object()
    {
        // "Peru suspended a military aid program for Bolivia."
        var doc = Doc("en", """
            Peru Peru PROPN 2 nsubj _ NNP
            suspended suspend VERB 0 root _ VBD
            a a DET 6 det _ DT
            military military ADJ 6 amod _ JJ
            aid aid NOUN 6 compound _ NN
            program program NOUN 2 obj _ NN
            for for ADP 8 case _ IN
            Bolivia Bolivia PROPN 6 nmod _ NNP
            """, (1, 1, "PER"), (4, 4, "MIL"), (8, 8, "BOL"));
        var e = Run(doc).Single(x => x.Type == "SANCTION" && x.Source?.Actor?.Code == "PER");
        Assert.Equal("BOL", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Actor_placed_somewhere_is_not_replaced_by_the_place()
    {
        // "Peru demanded a truce with Chilean forces in the Atacama region of Bolivia."
        var doc = Doc("en", """
            Peru Peru PROPN 2 nsubj _ NNP
            demanded demand VERB 0 root _ VBD
            a a DET 4 det _ DT
            truce truce NOUN 2 obj _ NN
            with with ADP 7 case _ IN
            Chilean Chilean ADJ 7 amod _ JJ
            forces force NOUN 4 nmod _ NNS
            in in ADP 9 case _ IN
            Bolivia Bolivia PROPN 7 nmod _ NNP
            """, (1, 1, "PER"), (6, 7, "CHLMIL"), (9, 9, "BOL"));
        var e = Single(Run(doc), "REQUEST");
        Assert.Equal("CHLMIL", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Own_possessive_is_not_the_target_when_another_actor_is_named()
    {
        // "Chile reneged on its promise to Peru."
        var doc = Doc("en", """
            Chile Chile PROPN 2 nsubj _ NNP
            reneged renege VERB 0 root _ VBD
            on on ADP 5 case _ IN
            its its PRON 5 nmod:poss _ PRP$
            promise promise NOUN 2 obl _ NN
            to to ADP 7 case _ IN
            Peru Peru PROPN 5 nmod _ NNP
            """, (1, 1, "CHL"), (4, 4, "CHL"), (7, 7, "PER"));
        var e = Single(Run(doc), "REJECT");
        Assert.Equal("CHL", e.Source!.Actor!.Code);
        Assert.Equal("PER", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Threat_takes_the_target_of_the_threatened_action_when_the_parse_lost_the_complement()
    {
        // "The parliament threatened on Monday to cut ties with Chile." with both verbs hanging from "parliament".
        var doc = Doc("en", """
            The the DET 2 det _ DT
            parliament parliament NOUN 0 root _ NN
            threatened threaten VERB 2 acl _ VBN
            on on ADP 5 case _ IN
            Monday Monday PROPN 3 obl _ NNP
            to to PART 7 mark _ TO
            cut cut VERB 2 acl _ VB
            ties tie NOUN 7 obj _ NNS
            with with ADP 10 case _ IN
            Chile Chile PROPN 8 nmod _ NNP
            """, (1, 2, "PERLEG"), (10, 10, "CHL"));
        var e = Single(Run(doc), "THREATEN");
        Assert.Equal("PERLEG", e.Source!.Actor!.Code);
        Assert.Equal("CHL", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Threat_without_a_named_target_takes_the_subject_of_its_condition()
    {
        // "Peru threatened to halt the talks if Chile sends troops."
        var doc = Doc("en", """
            Peru Peru PROPN 2 nsubj _ NNP
            threatened threaten VERB 0 root _ VBD
            to to PART 4 mark _ TO
            halt halt VERB 2 xcomp _ VB
            the the DET 6 det _ DT
            talks talk NOUN 4 obj _ NNS
            if if SCONJ 9 mark _ IN
            Chile Chile PROPN 9 nsubj _ NNP
            sends send VERB 4 advcl _ VBZ
            troops troop NOUN 9 obj _ NNS
            """, (1, 1, "PER"), (8, 8, "CHL"));
        var e = Single(Run(doc), "THREATEN");
        Assert.Equal("CHL", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Failing_to_reach_agreement_is_a_rejection()
    {
        var doc = Doc("en", """
            Peru Peru PROPN 4 nsubj _ NNP
            and and CCONJ 3 cc _ CC
            Chile Chile PROPN 1 conj _ NNP
            failed fail VERB 0 root _ VBD
            to to PART 6 mark _ TO
            reach reach VERB 4 xcomp _ VB
            agreement agreement NOUN 6 obj _ NN
            """, (1, 1, "PER"), (3, 3, "CHL"));
        var evs = Run(doc);
        var rej = evs.Where(e => e.Type == "REJECT").ToList();
        Assert.Contains(rej, e => e.Source?.Actor?.Code == "PER");
        Assert.Contains(rej, e => e.Source?.Actor?.Code == "CHL");
        var agree = evs.First(e => e.Type == "AGREE" && e.Source?.Actor?.Code == "PER");
        Assert.Equal(rej.First(e => e.Source?.Actor?.Code == "PER").Id, agree.ParentId);
    }

    [Fact]
    public void Will_not_accept_is_a_rejection()
    {
        var doc = Doc("en", """
            Peru Peru PROPN 4 nsubj _ NNP
            will will AUX 4 aux _ MD
            not not PART 4 advmod _ RB
            accept accept VERB 0 root _ VB
            refugees refugee NOUN 4 obj _ NNS
            """, (1, 1, "PER"), (5, 5, "REF"));
        var e = Single(Run(doc), "REJECT");
        Assert.Equal("PER", e.Source!.Actor!.Code);
    }

    [Fact]
    public void A_promise_with_an_unless_clause_is_a_threat()
    {
        // "Peru will withdraw its troops from Bolivia unless Bolivia disbands the militias."
        var doc = Doc("en", """
            Peru Peru PROPN 3 nsubj _ NNP
            will will AUX 3 aux _ MD
            withdraw withdraw VERB 0 root _ VB
            its its PRON 5 nmod:poss _ PRP$
            troops troop NOUN 3 obj _ NNS
            from from ADP 7 case _ IN
            Bolivia Bolivia PROPN 3 obl _ NNP
            unless unless SCONJ 10 mark _ IN
            Bolivia Bolivia PROPN 10 nsubj _ NNP
            disbands disband VERB 3 advcl _ VBZ
            the the DET 12 det _ DT
            militias militia NOUN 10 obj _ NNS
            """, (1, 1, "PER"), (4, 4, "PER"), (7, 7, "BOL"), (9, 9, "BOL"), (12, 12, "BOLREB"));
        var evs = Run(doc);
        Assert.Contains(evs, e => e.Type == "THREATEN" && e.Source?.Actor?.Code == "PER" && e.Target?.Actor?.Code == "BOL");
        Assert.DoesNotContain(evs, e => e.Type == "AGREE");
    }

    [Fact]
    public void Quantity_phrase_parsed_as_agent_is_the_object()
    {
        // "Drones have killed at least eight militants." with "militants" as obl:agent.
        var doc = Doc("en", """
            Drones drone NOUN 3 nsubj _ NNS
            have have AUX 3 aux _ VBP
            killed kill VERB 0 root _ VBN
            at at ADP 5 case _ IN
            least least ADJ 6 nmod _ JJS
            eight eight NUM 7 nummod _ CD
            militants militant NOUN 3 obl:agent _ NNS
            """, (1, 1, "USAMIL"), (7, 7, "REB"));
        var e = Single(Run(doc), "ASSAULT");
        Assert.Equal("USAMIL", e.Source!.Actor!.Code);
        Assert.Equal("REB", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Demand_that_X_with_a_mis_tagged_complement_verb_targets_X()
    {
        // "Rebels demanded that Peru abandon its policy." with "abandon" tagged as a preposition.
        var doc = Doc("en", """
            Rebels rebel NOUN 2 nsubj _ NNS
            demanded demand VERB 0 root _ VBD
            that that SCONJ 7 mark _ IN
            Peru Peru PROPN 7 nsubj _ NNP
            abandon abandon ADP 7 case _ IN
            its its PRON 7 nmod:poss _ PRP$
            policy policy NOUN 2 ccomp _ NN
            """, (1, 1, "PERREB"), (4, 4, "PER"));
        var e = Single(Run(doc), "REQUEST");
        Assert.Equal("PER", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Infinitive_attached_to_the_object_takes_the_subject_of_the_verb()
    {
        // "The minister summoned the ambassador to complain." with "to complain" under "ambassador".
        var doc = Doc("en", """
            The the DET 2 det _ DT
            minister minister NOUN 3 nsubj _ NN
            summoned summon VERB 0 root _ VBD
            the the DET 5 det _ DT
            ambassador ambassador NOUN 3 obj _ NN
            to to PART 7 mark _ TO
            complain complain VERB 5 acl _ VB
            """, (1, 2, "PERGOV"), (4, 5, "CHLGOV"));
        var e = Single(Run(doc), "ACCUSE");
        Assert.Equal("PERGOV", e.Source!.Actor!.Code);
    }

    [Fact]
    public void Expelling_inspectors_is_a_sanction_aimed_at_their_organisation()
    {
        // "Peru expelled inspectors of the agency."
        var doc = Doc("en", """
            Peru Peru PROPN 2 nsubj _ NNP
            expelled expel VERB 0 root _ VBD
            inspectors inspector NOUN 2 obj _ NNS
            of of ADP 6 case _ IN
            the the DET 6 det _ DT
            agency agency NOUN 3 nmod _ NN
            """, (1, 1, "PER"), (5, 6, "IGOUNOIAE"));
        var e = Single(Run(doc), "SANCTION");
        Assert.Equal("166", e.Cameo);
        Assert.Equal("IGOUNOIAE", e.Target!.Actor!.Code);
    }

    [Fact]
    public void Lifting_a_blockade_is_a_retreat()
    {
        // "The navy lifted its blockade on Chilean ports."
        var doc = Doc("en", """
            The the DET 2 det _ DT
            navy navy NOUN 3 nsubj _ NN
            lifted lift VERB 0 root _ VBD
            its its PRON 5 nmod:poss _ PRP$
            blockade blockade NOUN 3 obj _ NN
            on on ADP 8 case _ IN
            Chilean Chilean ADJ 8 amod _ JJ
            ports port NOUN 5 nmod _ NNS
            """, (1, 2, "PERMIL"), (4, 4, "PERMIL"), (7, 7, "CHL"));
        var e = Single(Run(doc), "RETREAT");
        Assert.Equal("0872", e.Cameo);
        Assert.Equal("CHL", e.Target!.Actor!.Code);
    }
}
