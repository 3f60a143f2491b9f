using Dyad.Formats;
using Dyad.Model;
using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Syntax;

public class SyntaxTrainingTests
{
    private static string WriteTiny()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-tiny-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, TinyTreebank.English.Replace("\r\n", "\n"));
        return path;
    }

    private static SyntaxModel TrainTiny(string path, int seed) => SyntaxTrainer.Train(new TrainOptions
    {
        Language = "en", Train = { (path, 1) }, Seed = seed, TagEpochs = 8, ParseEpochs = 8, Folds = 0,
        TagBits = 12, TransBits = 12, LabelBits = 10, Prune = 0,
    });

    private static Sentence Sent(params string[] words)
    {
        var s = new Sentence();
        for (int i = 0; i < words.Length; i++) s.Tokens.Add(new Token { Index = i, Text = words[i] });
        return s;
    }

    [Fact]
    public void Tiny_treebank_training_reproduces_training_tags_heads_and_labels()
    {
        string path = WriteTiny();
        try
        {
            var model = TrainTiny(path, 1);
            foreach (var g in Conllu.ReadFile(path))
            {
                var s = Sent(g.Words.Select(w => w.Form).ToArray());
                model.Annotate(s);
                for (int i = 0; i < g.Words.Count; i++)
                {
                    Assert.Equal(g.Words[i].Upos, s.Tokens[i].Upos);
                    Assert.Equal(g.Words[i].Xpos, s.Tokens[i].Xpos);
                    Assert.Equal(g.Words[i].Lemma, s.Tokens[i].Lemma);
                    Assert.Equal(g.Words[i].Head - 1, s.Tokens[i].Head);
                    Assert.Equal(g.Words[i].Deprel, s.Tokens[i].Deprel);
                }
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Training_is_deterministic_given_a_seed()
    {
        string path = WriteTiny();
        string a = path + ".a.gz", b = path + ".b.gz";
        try
        {
            TrainTiny(path, 5).Save(a);
            TrainTiny(path, 5).Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally { File.Delete(path); File.Delete(a); File.Delete(b); }
    }

    [Fact]
    public void Saved_model_loads_back_and_annotates_the_same()
    {
        string path = WriteTiny(), file = path + ".gz";
        try
        {
            var m = TrainTiny(path, 3);
            m.Save(file);
            var back = SyntaxModel.Load(file);
            var s1 = Sent("The", "army", "shelled", "the", "village", ".");
            var s2 = Sent("The", "army", "shelled", "the", "village", ".");
            m.Annotate(s1); back.Annotate(s2);
            Assert.Equal(s1.Tokens.Select(t => t.ToString()), s2.Tokens.Select(t => t.ToString()));
            Assert.Equal("root", s1.Tokens.Single(t => t.Head == -1).Deprel);
        }
        finally { File.Delete(path); File.Delete(file); }
    }
}
