using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Syntax;

public class LemmatizerTests
{
    private const int Verb = 0, Noun = 1, Propn = 2;

    private static Lemmatizer Build()
    {
        var b = new Lemmatizer.Builder();
        foreach (var (f, l) in new[] { ("walked", "walk"), ("talked", "talk"), ("jumped", "jump"), ("shelled", "shell"), ("went", "go"), ("tried", "try"), ("cried", "cry") })
            b.Add(f, Verb, l);
        foreach (var (f, l) in new[] { ("villages", "village"), ("towns", "town"), ("soldiers", "soldier"), ("militias", "militia"), ("cities", "city"), ("armies", "army") })
            b.Add(f, Noun, l);
        foreach (var f in new[] { "Aleppo", "Damascus", "Raqqa" }) b.Add(f, Propn, f);
        return b.Build(3);
    }

    private static string Lemma(Lemmatizer l, string form, int tag)
    {
        var x = new Lex();
        Lex.Compute(form, ref x);
        return l.Predict(form, x, tag);
    }

    [Fact]
    public void Exception_lexicon_wins_for_seen_irregular_forms() => Assert.Equal("go", Lemma(Build(), "went", Verb));

    [Fact]
    public void Suffix_rules_lemmatize_unseen_regular_forms()
    {
        var l = Build();
        Assert.Equal("bomb", Lemma(l, "bombed", Verb));
        Assert.Equal("deny", Lemma(l, "denied", Verb));
        Assert.Equal("rebel", Lemma(l, "rebels", Noun));
        Assert.Equal("party", Lemma(l, "parties", Noun));
    }

    [Fact]
    public void Rules_depend_on_the_tag() => Assert.Equal("bombed", Lemma(Build(), "bombed", Propn));

    [Fact]
    public void Case_policy_keeps_capitals_for_proper_nouns_and_lowers_others()
    {
        var l = Build();
        Assert.Equal("Homs", Lemma(l, "Homs", Propn));
        Assert.Equal("shell", Lemma(l, "Shelled", Verb));
    }

    [Fact]
    public void Lowercased_lookup_handles_sentence_initial_capitals() => Assert.Equal("go", Lemma(Build(), "Went", Verb));
}
