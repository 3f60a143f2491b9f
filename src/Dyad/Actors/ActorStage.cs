using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Actors;

/// <summary>
/// Dictionary-driven actor mentions, composition and coreference (docs/DICTIONARIES.md).
/// Thread-safe: the lexicon and matcher are immutable and shared; all state is per document.
/// </summary>
public sealed class ActorStage : IDocumentStage
{
    private readonly PipelineOptions _options;
    private readonly Lazy<(ActorLexicon Lex, ActorRecognizer Rec)> _lex;
    private static readonly HashSet<ActorLexicon> Reported = new(ReferenceEqualityComparer.Instance);

    public ActorStage(PipelineOptions options)
    {
        _options = options;
        _lex = new Lazy<(ActorLexicon, ActorRecognizer)>(() =>
        {
            var lex = ActorLexicon.For(_options.DictFiles);
            ReportUserErrors(lex);
            return (lex, new ActorRecognizer(lex));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Tests and tools: a stage over a given lexicon.</summary>
    public ActorStage(ActorLexicon lexicon)
    {
        _options = new PipelineOptions();
        _lex = new Lazy<(ActorLexicon, ActorRecognizer)>(() => (lexicon, new ActorRecognizer(lexicon)));
    }

    public string Name => "Actors";
    public ActorLexicon Lexicon => _lex.Value.Lex;

    private static void ReportUserErrors(ActorLexicon lex)
    {
        lock (Reported)
        {
            if (!Reported.Add(lex)) return;
        }
        foreach (var d in lex.LoadDiagnostics)
            if (d.Severity == DictSeverity.Error && !d.File.StartsWith("builtin:", StringComparison.Ordinal))
                Console.Error.WriteLine("dyad: dictionary " + d);
    }

    public void Process(Document doc)
    {
        var (lex, rec) = _lex.Value;
        var perSegment = new List<List<(Sentence S, string Lang, ActorRecognizer.SentenceResult R)>>();
        DateOnly? docDate = DictDates.FromIso(doc.Published);
        foreach (var seg in doc.Segments)
        {
            if (!seg.Analysed) continue;
            DateOnly? date = DictDates.FromIso(seg.Date) ?? docDate;
            var list = new List<(Sentence, string, ActorRecognizer.SentenceResult)>();
            foreach (var s in seg.Sentences)
            {
                if (s.Mentions.Count > 0) continue; // already annotated (never overwrite)
                string lang = s.Language is "en" or "nl" ? s.Language : seg.Language;
                list.Add((s, lang, rec.RecognizeWithInfo(s, lang, date)));
            }
            perSegment.Add(list);
        }
        ResolvePending(perSegment);
        foreach (var list in perSegment)
        {
            Coreference.Resolve(list, lex.Matcher, lex.Entries);
            foreach (var (s, _, r) in list) s.Mentions.AddRange(r.Mentions);
        }
    }

    /// <summary>Recognises and resolves one list of sentences as a document (tests, eval).</summary>
    public void ProcessSentences(IReadOnlyList<Sentence> sentences, string lang, DateOnly? date)
    {
        var (lex, rec) = _lex.Value;
        var list = sentences.Select(s => (s, lang, rec.RecognizeWithInfo(s, lang, date))).ToList();
        var all = new List<List<(Sentence, string, ActorRecognizer.SentenceResult)>> { list };
        ResolvePending(all);
        Coreference.Resolve(list, lex.Matcher, lex.Entries);
        foreach (var (s, _, r) in list) s.Mentions.AddRange(r.Mentions);
    }

    /// <summary>
    /// Aligned actors without a country of their own ("pro-government militias", "Turkish-backed rebels") take
    /// the document's most mentioned country (other than their backer's).
    /// </summary>
    private static void ResolvePending(List<List<(Sentence S, string Lang, ActorRecognizer.SentenceResult R)>> segs)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        bool any = false;
        foreach (var seg in segs)
            foreach (var (_, _, r) in seg)
                foreach (var m in r.Mentions)
                {
                    if (r.Info.TryGetValue(m, out var inf) && inf.Pending != null) { any = true; continue; }
                    if (m.Actor?.Country is { Length: 3 } c && m.Kind is MentionKind.Name or MentionKind.Composed or MentionKind.ShortName)
                        counts[c] = counts.GetValueOrDefault(c) + 1;
                }
        if (!any || counts.Count == 0) return;
        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        foreach (var seg in segs)
            foreach (var (_, _, r) in seg)
                foreach (var m in r.Mentions)
                {
                    if (!r.Info.TryGetValue(m, out var inf) || inf.Pending is not { } p || m.Actor == null) continue;
                    string? c = ranked.FirstOrDefault(x => x != p.ExcludeCountry);
                    if (c == null) continue;
                    m.Actor = m.Actor with { Code = c + p.Sector, Country = c, Ally = p.AllyIsContextGov ? c + "GOV" : p.Ally };
                }
    }
}
