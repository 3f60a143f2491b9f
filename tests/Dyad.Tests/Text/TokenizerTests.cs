using Dyad.Model;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Text;

public class TokenizerTests
{
    private static List<Sentence> Analyze(string text, string lang)
    {
        var sents = TextAnalyzer.Analyze(text, lang);
        foreach (var s in sents)
        {
            Assert.Equal(text[s.Start..s.End], s.Text);
            foreach (var t in s.Tokens)
                if (t.MultiwordLength == 0 && !IsInsideMultiword(s, t)) Assert.Equal(text[t.Start..t.End], t.Text);
        }
        return sents;
    }

    private static bool IsInsideMultiword(Sentence s, Token t)
    {
        for (int i = 0; i < t.Index; i++)
            if (s.Tokens[i].MultiwordLength > 0 && i + s.Tokens[i].MultiwordLength > t.Index) return true;
        return false;
    }

    private static string[] Words(string text, string lang = "en") => Analyze(text, lang).SelectMany(s => s.Tokens.Select(t => t.Text)).ToArray();

    private static string[] Sentences(string text, string lang = "en") => Analyze(text, lang).Select(s => s.Text).ToArray();

    [Theory]
    [InlineData("Maj.-Gen. Smith arrived.", "Maj.-Gen.")]
    [InlineData("Officials of the U.S. Army spoke.", "U.S.")]
    [InlineData("The U.K. said so.", "U.K.")]
    [InlineData("Gen. Jones left.", "Gen.")]
    [InlineData("They came on Oct. 3 at noon.", "Oct.")]
    [InlineData("Some towns, e.g. Kobane, fell.", "e.g.")]
    [InlineData("Several groups, i.e. militias, fought.", "i.e.")]
    public void English_abbreviations_are_single_tokens_and_do_not_end_the_sentence(string text, string abbrev)
    {
        Assert.Contains(abbrev, Words(text));
        Assert.Single(Sentences(text));
    }

    [Theory]
    [InlineData("Dhr. Jansen zei dat het klopt.", "Dhr.")]
    [InlineData("Het leger viel o.a. Aleppo aan.", "o.a.")]
    [InlineData("Het geweld is t.o.v. vorig jaar toegenomen.", "t.o.v.")]
    [InlineData("Hij sprak met mr. De Vries over de zaak.", "mr.")]
    public void Dutch_abbreviations_are_single_tokens_and_do_not_end_the_sentence(string text, string abbrev)
    {
        Assert.Contains(abbrev, Words(text, "nl"));
        Assert.Single(Sentences(text, "nl"));
    }

    [Fact]
    public void Hyphenated_and_transliterated_names_stay_whole()
    {
        var w = Words("Fighters of al-Qaeda and Hay'at Tahrir al-Sham entered Deir ez-Zor.");
        Assert.Contains("al-Qaeda", w);
        Assert.Contains("Hay'at", w);
        Assert.Contains("al-Sham", w);
        Assert.Contains("ez-Zor", w);
        Assert.Contains("Deir", w);
    }

    [Fact]
    public void English_clitics_are_split_into_words_of_one_multiword_token()
    {
        var s = Analyze("He didn't know it's over and they're gone.", "en").Single();
        var w = s.Tokens.Select(t => t.Text).ToArray();
        Assert.Equal(["He", "did", "n't", "know", "it", "'s", "over", "and", "they", "'re", "gone", "."], w);
        var did = s.Tokens[1];
        Assert.Equal(2, did.MultiwordLength);
    }

    [Fact]
    public void Curly_apostrophe_clitics_are_split_too()
    {
        Assert.Equal(["We", "wo", "n’t", "leave", "."], Words("We won’t leave."));
    }

    [Fact]
    public void Possessive_s_after_a_name_is_split()
    {
        var w = Words("It was Tahrir al-Sham's attack.");
        Assert.Contains("al-Sham", w);
        Assert.Contains("'s", w);
    }

    [Fact]
    public void Dutch_apostrophe_words_stay_whole()
    {
        var w = Words("Hij pakt z'n tas en gaat 's avonds naar 't dorp.", "nl");
        Assert.Contains("z'n", w);
        Assert.Contains("'s", w);
        Assert.Contains("'t", w);
        Assert.Contains("avonds", w);
    }

    [Fact]
    public void Straight_and_curly_quotes_are_separate_tokens()
    {
        Assert.Equal(["“", "We", "stay", ",", "”", "she", "said", "."], Words("“We stay,” she said."));
        Assert.Equal(["\"", "No", "\"", ",", "he", "said", "."], Words("\"No\", he said."));
        Assert.Equal(["‘", "Nee", "’", ",", "zei", "hij", "."], Words("‘Nee’, zei hij.", "nl"));
    }

    [Fact]
    public void Dot_and_dash_runs_are_single_tokens()
    {
        var w = Words("They waited...... Then — nothing —— at all.");
        Assert.Contains("......", w);
        Assert.Contains("—", w);
        Assert.Contains("——", w);
        Assert.DoesNotContain(".", w.Take(3));
    }

    [Fact]
    public void A_dot_run_after_a_word_can_end_the_sentence()
    {
        var s = Sentences("She said...... Then nothing happened.");
        Assert.Equal(2, s.Length);
        Assert.Equal("She said......", s[0]);
    }

    [Fact]
    public void Urls_emails_numbers_dates_and_times_are_single_tokens()
    {
        var w = Words("See https://example.org/a?b=1 or mail info@example.com; it cost $1,250.50 on 12/03/2024 at 10:30.");
        Assert.Contains("https://example.org/a?b=1", w);
        Assert.Contains("info@example.com", w);
        Assert.Contains("1,250.50", w);
        Assert.Contains("12/03/2024", w);
        Assert.Contains("10:30", w);
        Assert.Contains("$", w);
        Assert.Equal(".", w[^1]);
    }

    [Fact]
    public void Dutch_decimal_commas_and_dates_stay_whole()
    {
        var w = Words("Op 3-10-2024 vielen 2,5 procent meer doden.", "nl");
        Assert.Contains("3-10-2024", w);
        Assert.Contains("2,5", w);
    }

    [Fact]
    public void Sentences_split_on_final_punctuation_but_not_inside_abbreviations()
    {
        var s = Sentences("The U.S. Army left. U.K. officials said so! Was it true?");
        Assert.Equal(["The U.S. Army left.", "U.K. officials said so!", "Was it true?"], s);
    }

    [Fact]
    public void Dutch_sentences_split_after_a_period_and_a_capital()
    {
        var s = Sentences("Het leger valt de stad aan. Dhr. Jansen zei niets.", "nl");
        Assert.Equal(["Het leger valt de stad aan.", "Dhr. Jansen zei niets."], s);
    }

    [Fact]
    public void Token_offsets_are_utf16_offsets_into_the_text()
    {
        string text = "  Émile said: “Go.”\n\nNext one.";
        var sents = Analyze(text, "en");
        Assert.Equal(2, sents.Count);
        var go = sents[0].Tokens.First(t => t.Text == "Go");
        Assert.Equal(text.IndexOf("Go", StringComparison.Ordinal), go.Start);
        Assert.Equal(go.Start + 2, go.End);
        Assert.False(go.SpaceAfter);
    }
}
