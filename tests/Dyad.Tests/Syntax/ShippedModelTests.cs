using Dyad.Model;
using Dyad.Syntax;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Syntax;

/// <summary>The models embedded in the library (src/Dyad/models/*.syntax.gz) load and parse.</summary>
public class ShippedModelTests
{
    private static readonly Lazy<SyntaxModel?> En = new(() => SyntaxModels.Embedded("en"));
    private static readonly Lazy<SyntaxModel?> Nl = new(() => SyntaxModels.Embedded("nl"));

    private static Sentence Parse(Lazy<SyntaxModel?> model, string text, string lang)
    {
        var m = model.Value;
        Assert.NotNull(m);
        var s = TextAnalyzer.Analyze(text, lang).Single();
        m.Annotate(s);
        return s;
    }

    private static Token Word(Sentence s, string text) => s.Tokens.First(t => t.Text == text);

    [Fact]
    public void Both_shipped_models_load()
    {
        Assert.Equal("en", En.Value?.Language);
        Assert.Equal("nl", Nl.Value?.Language);
    }

    [Fact]
    public void English_sentence_gets_root_subject_and_object()
    {
        var s = Parse(En, "The rebels attacked the town on Monday.", "en");
        var root = Word(s, "attacked");
        Assert.Equal(-1, root.Head);
        Assert.Equal("root", root.Deprel);
        Assert.Equal("VERB", root.Upos);
        Assert.Equal("attack", root.Lemma);
        var subj = Word(s, "rebels");
        Assert.Equal("nsubj", subj.Deprel);
        Assert.Equal(root.Index, subj.Head);
        Assert.Equal("rebel", subj.Lemma);
        Assert.Equal("obj", Word(s, "town").Deprel);
    }

    [Fact]
    public void English_passive_agent_is_obl_agent()
    {
        var s = Parse(En, "The village was shelled by the army.", "en");
        var verb = Word(s, "shelled");
        Assert.Equal(-1, verb.Head);
        Assert.Equal("nsubj:pass", Word(s, "village").Deprel);
        Assert.Equal("aux:pass", Word(s, "was").Deprel);
        var agent = Word(s, "army");
        Assert.Equal("obl:agent", agent.Deprel);
        Assert.Equal(verb.Index, agent.Head);
    }

    [Fact]
    public void Dutch_separable_verb_keeps_its_particle()
    {
        var s = Parse(Nl, "Het leger valt de stad aan.", "nl");
        var verb = Word(s, "valt");
        Assert.Equal(-1, verb.Head);
        var prt = Word(s, "aan");
        Assert.Equal("compound:prt", prt.Deprel);
        Assert.Equal(verb.Index, prt.Head);
        Assert.Equal("aan_vallen", verb.Lemma);
        Assert.Equal("nsubj", Word(s, "leger").Deprel);
    }

    [Fact]
    public void Dutch_sentence_gets_root_and_subject()
    {
        var s = Parse(Nl, "De soldaten bezetten gisteren het dorp.", "nl");
        var root = Word(s, "bezetten");
        Assert.Equal(-1, root.Head);
        var subj = Word(s, "soldaten");
        Assert.Equal("nsubj", subj.Deprel);
        Assert.Equal(root.Index, subj.Head);
        Assert.Equal("soldaat", subj.Lemma);
    }

    [Fact]
    public void Dutch_passive_agent_with_door_is_obl_agent()
    {
        var s = Parse(Nl, "Het dorp werd door het leger aangevallen.", "nl");
        var verb = Word(s, "aangevallen");
        Assert.Equal(-1, verb.Head);
        Assert.Equal("obl:agent", Word(s, "leger").Deprel);
        Assert.Equal("aan_vallen", verb.Lemma);
    }
}
