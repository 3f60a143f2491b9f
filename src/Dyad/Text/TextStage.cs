using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Text;

/// <summary>
/// Sentence splitting and tokenization of analysable segments: fills <see cref="Segment.Sentences"/> with
/// <see cref="Sentence"/>s and their <see cref="Token"/>s, every offset into <see cref="Document.Text"/>.
/// Thread-safe: scratch buffers are per thread.
/// </summary>
public sealed class TextStage : IDocumentStage
{
    public TextStage(PipelineOptions options) { }
    public TextStage() { }
    public string Name => "Text";

    public void Process(Document doc)
    {
        foreach (var seg in doc.Segments)
        {
            if (!seg.Analysed || seg.Sentences.Count > 0) continue;
            TextAnalyzer.AddSentences(doc.Text, seg.Start, seg.End, seg.Language, seg.Sentences);
        }
    }
}

/// <summary>Tokenizer + sentence splitter over a span of a text, producing model objects.</summary>
public static class TextAnalyzer
{
    [ThreadStatic] private static TokenBuffer? t_buf;
    [ThreadStatic] private static List<int>? t_ends;

    /// <summary>A per-thread scratch buffer (cleared).</summary>
    public static TokenBuffer ScratchBuffer()
    {
        var b = t_buf ??= new TokenBuffer();
        b.Clear();
        return b;
    }

    /// <summary>
    /// Tokenizes and splits text[start..end] and appends the sentences (indices continue from the list's count).
    /// "nl" uses Dutch rules; any other language English rules.
    /// </summary>
    public static void AddSentences(string text, int start, int end, string? lang, List<Sentence> into)
    {
        var buf = ScratchBuffer();
        var ends = t_ends ??= new List<int>();
        ends.Clear();
        var tok = Tokenizer.For(lang);
        var span = text.AsSpan(start, end - start);
        tok.Tokenize(span, buf, start);
        SentenceSplitter.Split(span, buf, 0, buf.Count, tok.Rules, ends, start);
        string language = lang ?? "und";
        int from = 0;
        foreach (int to in ends)
        {
            if (to <= from) continue;
            int s0 = buf.Starts[from], s1 = buf.Ends[to - 1];
            var sent = new Sentence { Index = into.Count, Start = s0, End = s1, Text = text.Substring(s0, s1 - s0), Language = language };
            for (int i = from; i < to; i++)
            {
                int a = buf.Starts[i], b = buf.Ends[i];
                bool space = i + 1 < to ? buf.Starts[i + 1] > b : b < text.Length && char.IsWhiteSpace(text[b]);
                var t = new Token { Index = i - from, Start = a, End = b, Text = text.Substring(a, b - a), SpaceAfter = space };
                sent.Tokens.Add(t);
            }
            // Multiword tokens: a chain of JoinsNext words starting at i.
            for (int i = from; i < to; i++)
            {
                if ((buf.Flags[i] & TokenFlags.JoinsNext) == 0 || (i > from && (buf.Flags[i - 1] & TokenFlags.JoinsNext) != 0)) continue;
                int k = i;
                while (k + 1 < to && (buf.Flags[k] & TokenFlags.JoinsNext) != 0) k++;
                if (k > i) sent.Tokens[i - from].MultiwordLength = k - i + 1;
            }
            into.Add(sent);
            from = to;
        }
    }

    /// <summary>Sentences of a plain text (one segment covering all of it) — for `dyad parse` and tests.</summary>
    public static List<Sentence> Analyze(string text, string lang)
    {
        var list = new List<Sentence>();
        AddSentences(text, 0, text.Length, lang, list);
        return list;
    }
}
