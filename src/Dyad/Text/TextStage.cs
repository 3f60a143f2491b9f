using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Text;

/// <summary>Sentence splitting and tokenization of analysable segments. (Stub: whitespace.)</summary>
public sealed class TextStage : IDocumentStage
{
    public TextStage(PipelineOptions options) { }
    public string Name => "Text";

    public void Process(Document doc)
    {
        foreach (var seg in doc.Segments)
        {
            if (!seg.Analysed || seg.Sentences.Count > 0) continue;
            var s = new Sentence { Index = 0, Start = seg.Start, End = seg.End, Text = seg.GetText(doc), Language = seg.Language };
            int i = seg.Start;
            while (i < seg.End)
            {
                while (i < seg.End && char.IsWhiteSpace(doc.Text[i])) i++;
                int j = i;
                while (j < seg.End && !char.IsWhiteSpace(doc.Text[j])) j++;
                if (j > i) s.Tokens.Add(new Token { Index = s.Tokens.Count, Start = i, End = j, Text = doc.Text[i..j] });
                i = j;
            }
            if (s.Tokens.Count > 0) seg.Sentences.Add(s);
        }
    }
}
