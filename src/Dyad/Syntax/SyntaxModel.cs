using System.IO.Compression;
using Dyad.Model;

namespace Dyad.Syntax;

/// <summary>Reusable per-thread buffers: nothing is allocated per token while tagging and parsing.</summary>
internal sealed class Workspace
{
    public Lex[] Lex = new Lex[64];
    public int[] Tags = new int[64];
    public string[] Lemmas = new string[64], Xpos = new string[64], Feats = new string[64];
    public ulong[] Hashes = new ulong[ParserFeatures.MaxTransition + 8];
    public int[] Rows = new int[ParserFeatures.MaxTransition + 8];
    public float[] Scores = new float[256];
    public readonly ParseState State = new();

    public void Ensure(int n, int classes)
    {
        if (Lex.Length < n)
        {
            int m = Math.Max(n, Lex.Length * 2);
            Lex = new Lex[m]; Tags = new int[m]; Lemmas = new string[m]; Xpos = new string[m]; Feats = new string[m];
        }
        if (Scores.Length < classes) Scores = new float[classes];
    }
}

/// <summary>
/// One language's tagger, lemmatizer, morphology lexicons and dependency parser, loaded from a
/// single GZip-compressed file (see <see cref="Save"/>). Thread-safe: state lives in per-thread workspaces.
/// </summary>
public sealed class SyntaxModel : ISentenceAnnotator
{
    internal const string Magic = "DYADSYN5", MagicV4 = "DYADSYN4";
    public string Language { get; internal set; } = "";
    internal string[] TagClasses = [], TagUpos = [], TagXpos = [];
    internal bool JointXpos;
    internal QWeights TagWeights = null!;
    internal Lemmatizer Lemmatizer = null!;
    internal ValueLexicon FeatsLex = null!, XposLex = null!;
    internal string[] Labels = [];
    internal QWeights TransWeights = null!, LabelWeights = null!;
    internal bool ParticleLemma;
    internal int PrtLabel = -1;
    internal CompoundSplitter? Compounds;
    /// <summary>Lowercased word hash → ambiguity class hash (tagger lookahead features); null in older models.</summary>
    internal Dictionary<ulong, ulong>? Amb;

    internal void FillAmb(Span<Lex> lex)
    {
        if (Amb == null) return;
        for (int i = 0; i < lex.Length; i++) lex[i].Amb = Amb.TryGetValue(lex[i].Lower, out var a) ? a : 0;
    }

    [ThreadStatic] private static Workspace? t_ws;
    internal static Workspace Ws => t_ws ??= new Workspace();

    public void Annotate(Sentence sentence)
    {
        var toks = sentence.Tokens;
        int n = toks.Count;
        if (n == 0) return;
        var ws = Ws;
        ws.Ensure(n, Math.Max(TagClasses.Length, Labels.Length) + 4);
        for (int i = 0; i < n; i++) Dyad.Syntax.Lex.Compute(toks[i].Text, ref ws.Lex[i]);
        FillAmb(ws.Lex.AsSpan(0, n));
        Run(ws, n, i => toks[i].Text);
        var st = ws.State;
        for (int i = 0; i < n; i++)
        {
            var t = toks[i];
            int tag = ws.Tags[i];
            t.Upos = TagUpos[tag];
            t.Xpos = ws.Xpos[i];
            t.Feats = ws.Feats[i];
            t.Lemma = ws.Lemmas[i];
            t.Head = st.Head[i];
            t.Deprel = st.Head[i] < 0 ? "root" : Labels[st.Label[i]];
        }
    }

    /// <summary>Tags, lemmatizes and parses the n tokens whose <see cref="Lex"/> is already in ws.</summary>
    internal void Run(Workspace ws, int n, Func<int, string> form)
    {
        Tag(TagWeights, ws, n, Amb != null);
        for (int i = 0; i < n; i++)
        {
            int tag = ws.Tags[i];
            string f = form(i);
            ws.Lemmas[i] = Lemmatizer.Predict(f, ws.Lex[i], tag);
            if (Compounds != null) ws.Lemmas[i] = Compounds.Apply(ws.Lemmas[i], tag);
            ws.Feats[i] = FeatsLex.Predict(f, ws.Lex[i].Lower, tag);
            ws.Xpos[i] = JointXpos ? TagXpos[tag] : XposLex.Predict(f, ws.Lex[i].Lower, tag);
        }
        Parse(TransWeights, LabelWeights, ws, n);
        PassiveAgents(ws, n, form);
        if (ParticleLemma && PrtLabel >= 0)
        {
            var st = ws.State;
            for (int i = 0; i < n; i++)
            {
                int h = st.Head[i];
                if (h < 0 || st.Label[i] != PrtLabel) continue;
                string hl = ws.Lemmas[h];
                if (hl.Contains('_')) continue;
                ws.Lemmas[h] = form(i).ToLowerInvariant() + "_" + hl;
            }
        }
    }

    private int _obl = -2, _agent, _auxPass, _case;

    /// <summary>
    /// Passive agents: an "obl" whose case marker is "by" (en) or "door" (nl) and whose head verb has an
    /// "aux:pass" dependent becomes "obl:agent" (the UD EWT and Alpino convention; LassySmall, most of the
    /// Dutch training data, has no obl:agent, so the parser alone rarely predicts it).
    /// </summary>
    private void PassiveAgents(Workspace ws, int n, Func<int, string> form)
    {
        if (_obl == -2)
        {
            _obl = Array.IndexOf(Labels, "obl"); _agent = Array.IndexOf(Labels, "obl:agent");
            _auxPass = Array.IndexOf(Labels, "aux:pass"); _case = Array.IndexOf(Labels, "case");
        }
        if (_obl < 0 || _agent < 0 || _auxPass < 0 || _case < 0) return;
        string marker = Language == "nl" ? "door" : Language == "en" ? "by" : "";
        if (marker.Length == 0) return;
        var st = ws.State;
        for (int i = 0; i < n; i++)
        {
            if (st.Label[i] != _case || !form(i).Equals(marker, StringComparison.OrdinalIgnoreCase)) continue;
            int nom = st.Head[i];
            if (nom < 0 || st.Label[nom] != _obl) continue;
            int verb = st.Head[nom];
            if (verb < 0) continue;
            for (int k = 0; k < n; k++)
                if (st.Head[k] == verb && st.Label[k] == _auxPass) { st.Label[nom] = _agent; break; }
        }
    }

    internal static void Tag(IScorer w, Workspace ws, int n, bool amb)
    {
        Span<ulong> f = ws.Hashes;
        Span<int> rows = ws.Rows;
        Span<float> sc = ws.Scores;
        int c = w.Classes;
        for (int i = 0; i < n; i++)
        {
            int k = Tagger.Features(ws.Lex.AsSpan(0, n), ws.Tags, i, f, amb);
            for (int j = 0; j < k; j++) rows[j] = w.Row(f[j]);
            w.Score(rows[..k], sc);
            int best = 0;
            for (int j = 1; j < c; j++) if (sc[j] > sc[best]) best = j;
            ws.Tags[i] = best;
        }
    }

    internal static void Parse(IScorer trans, IScorer lab, Workspace ws, int n)
    {
        var st = ws.State;
        st.Init(n);
        var lex = ws.Lex.AsSpan(0, n);
        var tags = ws.Tags.AsSpan(0, n);
        Span<ulong> f = ws.Hashes;
        Span<int> rows = ws.Rows;
        Span<float> sc = ws.Scores;
        while (st.B < n)
        {
            int k = ParserFeatures.Transition(st, lex, tags, f);
            for (int j = 0; j < k; j++) rows[j] = trans.Row(f[j]);
            trans.Score(rows[..k], sc);
            int best = -1;
            for (int a = 0; a < 4; a++)
                if (st.Valid(a) && (best < 0 || sc[a] > sc[best])) best = a;
            int label = -1;
            if (best == ParseState.LA) label = BestLabel(lab, ws, st.B, st.S0, n);
            else if (best == ParseState.RA) label = BestLabel(lab, ws, st.S0, st.B, n);
            st.Apply(best, label);
        }
        int root = -1;
        for (int i = 0; i < n; i++) if (st.Head[i] < 0) { root = i; break; }
        for (int i = root + 1; i < n; i++)
            if (st.Head[i] < 0) st.AddArc(root, i, BestLabel(lab, ws, root, i, n));
        st.Head[root] = -1; st.Label[root] = -1;
    }

    internal static int BestLabel(IScorer lab, Workspace ws, int h, int d, int n)
    {
        Span<ulong> f = ws.Hashes;
        Span<int> rows = ws.Rows;
        Span<float> sc = ws.Scores;
        int k = ParserFeatures.Label(ws.State, ws.Lex.AsSpan(0, n), ws.Tags.AsSpan(0, n), h, d, f);
        for (int j = 0; j < k; j++) rows[j] = lab.Row(f[j]);
        lab.Score(rows[..k], sc);
        int best = 0;
        for (int j = 1; j < lab.Classes; j++) if (sc[j] > sc[best]) best = j;
        return best;
    }

    public void Save(string path)
    {
        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz);
        w.Write(Amb != null ? Magic : MagicV4); w.Write(Language);
        WriteStrings(w, TagClasses); WriteStrings(w, TagUpos); WriteStrings(w, TagXpos);
        w.Write(JointXpos);
        TagWeights.Write(w);
        Lemmatizer.Write(w); FeatsLex.Write(w); XposLex.Write(w);
        WriteStrings(w, Labels);
        TransWeights.Write(w); LabelWeights.Write(w);
        w.Write(ParticleLemma); w.Write(PrtLabel);
        w.Write(Compounds != null);
        Compounds?.Write(w);
        if (Amb != null)
        {
            var keys = Amb.Keys.Order().ToArray();
            w.Write(keys.Length);
            foreach (var k in keys) { w.Write(k); w.Write(Amb[k]); }
        }
    }

    public static SyntaxModel Load(Stream s)
    {
        using var gz = new GZipStream(s, CompressionMode.Decompress);
        using var bs = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(bs);
        string magic = r.ReadString();
        if (magic != Magic && magic != MagicV4)
            throw new InvalidDataException(magic.StartsWith("DYADSYN", StringComparison.Ordinal)
                ? $"syntax model format {magic}, this version of Dyad reads {Magic}; retrain with dyad train"
                : "not a Dyad syntax model (bad header)");
        var m = new SyntaxModel { Language = r.ReadString() };
        m.TagClasses = ReadStrings(r); m.TagUpos = ReadStrings(r); m.TagXpos = ReadStrings(r);
        m.JointXpos = r.ReadBoolean();
        m.TagWeights = QWeights.Read(r);
        m.Lemmatizer = Lemmatizer.Read(r); m.FeatsLex = ValueLexicon.Read(r); m.XposLex = ValueLexicon.Read(r);
        m.Labels = ReadStrings(r);
        m.TransWeights = QWeights.Read(r); m.LabelWeights = QWeights.Read(r);
        m.ParticleLemma = r.ReadBoolean(); m.PrtLabel = r.ReadInt32();
        if (r.ReadBoolean()) m.Compounds = CompoundSplitter.Read(r);
        if (magic == Magic)
        {
            int na = r.ReadInt32();
            m.Amb = new Dictionary<ulong, ulong>(na);
            for (int i = 0; i < na; i++) { ulong k = r.ReadUInt64(); m.Amb[k] = r.ReadUInt64(); }
        }
        return m;
    }

    public static SyntaxModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs);
    }

    private static void WriteStrings(BinaryWriter w, string[] a) { w.Write(a.Length); foreach (var s in a) w.Write(s); }

    private static string[] ReadStrings(BinaryReader r)
    {
        var a = new string[r.ReadInt32()];
        for (int i = 0; i < a.Length; i++) a[i] = string.Intern(r.ReadString());
        return a;
    }
}
