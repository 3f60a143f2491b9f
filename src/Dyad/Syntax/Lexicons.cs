namespace Dyad.Syntax;

/// <summary>Scores feature rows: the training perceptron or frozen weights.</summary>
internal interface IScorer
{
    int Classes { get; }
    int Row(ulong h);
    void Score(ReadOnlySpan<int> rows, Span<float> scores);
}

/// <summary>
/// Maps (word, tag) to a value (XPOS or features) by exact lookup of the lowercased word,
/// falling back to the longest known suffix with that tag, then the tag's most frequent value.
/// </summary>
internal sealed class ValueLexicon
{
    public const int MaxSuffix = 4;
    public string[] Values = [];
    public Dictionary<ulong, int> Words = new();
    public Dictionary<ulong, int> Suffixes = new();
    public int[] ByTag = [];

    public static ulong SuffixKey(int tag, ReadOnlySpan<char> lowerSuffix) => Hashing.F(tag + 500, Hashing.Str(lowerSuffix));

    public string Predict(string form, ulong lowerHash, int tag)
    {
        if (Words.TryGetValue(Hashing.F(tag, lowerHash), out int v)) return Values[v];
        Span<char> buf = stackalloc char[MaxSuffix];
        int n = form.Length;
        for (int k = Math.Min(MaxSuffix, n); k >= 1; k--)
        {
            for (int j = 0; j < k; j++) buf[j] = char.ToLowerInvariant(form[n - k + j]);
            if (Suffixes.TryGetValue(SuffixKey(tag, buf[..k]), out v)) return Values[v];
        }
        return tag < ByTag.Length && ByTag[tag] >= 0 ? Values[ByTag[tag]] : "_";
    }

    public sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<ulong, Dictionary<int, int>> _w = new(), _s = new();
        private readonly Dictionary<int, Dictionary<int, int>> _t = new();
        private readonly HashSet<(string, int, int)> _types = new();

        public void Add(string form, int tag, string value)
        {
            if (!_ids.TryGetValue(value, out int id)) _ids[value] = id = _ids.Count;
            string lower = form.ToLowerInvariant();
            Bump(_w, Hashing.F(tag, Hashing.Lower(form)), id);
            Bump(_t, tag, id);
            if (_types.Add((lower, tag, id)))
                for (int k = 1; k <= Math.Min(MaxSuffix, lower.Length); k++)
                    Bump(_s, SuffixKey(tag, lower.AsSpan(lower.Length - k)), id);
        }

        private static void Bump<TK>(Dictionary<TK, Dictionary<int, int>> d, TK key, int id) where TK : notnull
        {
            if (!d.TryGetValue(key, out var c)) d[key] = c = new Dictionary<int, int>();
            c[id] = c.GetValueOrDefault(id) + 1;
        }

        private static int Best(Dictionary<int, int> c)
        {
            int best = -1, bc = -1;
            foreach (var (k, v) in c) if (v > bc || (v == bc && k < best)) { best = k; bc = v; }
            return best;
        }

        public ValueLexicon Build(int tagCount)
        {
            var lex = new ValueLexicon { Values = new string[_ids.Count], ByTag = new int[tagCount] };
            foreach (var (s, id) in _ids) lex.Values[id] = s;
            foreach (var (k, c) in _w) lex.Words[k] = Best(c);
            foreach (var (k, c) in _s)
            {
                int total = 0; foreach (var v in c.Values) total += v;
                if (total >= 2) lex.Suffixes[k] = Best(c);
            }
            Array.Fill(lex.ByTag, -1);
            foreach (var (t, c) in _t) if (t < tagCount) lex.ByTag[t] = Best(c);
            return lex;
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Values.Length); foreach (var v in Values) w.Write(v);
        WriteMap(w, Words); WriteMap(w, Suffixes);
        w.Write(ByTag.Length); foreach (var v in ByTag) w.Write(v);
    }

    public static ValueLexicon Read(BinaryReader r)
    {
        var lex = new ValueLexicon();
        lex.Values = new string[r.ReadInt32()];
        for (int i = 0; i < lex.Values.Length; i++) lex.Values[i] = string.Intern(r.ReadString());
        lex.Words = ReadMap(r); lex.Suffixes = ReadMap(r);
        lex.ByTag = new int[r.ReadInt32()];
        for (int i = 0; i < lex.ByTag.Length; i++) lex.ByTag[i] = r.ReadInt32();
        return lex;
    }

    internal static void WriteMap(BinaryWriter w, Dictionary<ulong, int> m)
    {
        var keys = m.Keys.Order().ToArray();
        var vals = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++) vals[i] = m[keys[i]];
        w.Write(keys.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(keys.AsSpan()));
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vals.AsSpan()));
    }

    internal static Dictionary<ulong, int> ReadMap(BinaryReader r)
    {
        int n = r.ReadInt32();
        var keys = new ulong[n];
        var vals = new int[n];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(keys.AsSpan()));
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vals.AsSpan()));
        var m = new Dictionary<ulong, int>(n);
        for (int i = 0; i < n; i++) m[keys[i]] = vals[i];
        return m;
    }
}

/// <summary>
/// Lemmatizer: an exception lexicon (exact form + tag, then lowercased form + tag) learned from
/// training data, then suffix-rewrite rules (strip k characters, append a string) chosen by the
/// longest suffix seen with the tag; a per-tag case policy decides whether lemmas keep capitals.
/// </summary>
internal sealed class Lemmatizer
{
    public const int MaxSuffix = 7;
    public string[] Lemmas = [];
    public Dictionary<ulong, int> Exact = new(), LowerForms = new(), Rules = new();
    public (int Strip, string Append)[] RuleList = [];
    public bool[] KeepCase = [];

    public static ulong RuleKey(int tag, ReadOnlySpan<char> lowerSuffix) => Hashing.F(tag + 900, Hashing.Str(lowerSuffix));

    public string Predict(string form, in Lex lex, int tag)
    {
        if (Exact.TryGetValue(Hashing.F(tag, lex.Form), out int id)) return Lemmas[id];
        if (LowerForms.TryGetValue(Hashing.F(tag, lex.Lower), out id)) return Lemmas[id];
        return ApplyRules(form, tag);
    }

    public string ApplyRules(string form, int tag)
    {
        int n = form.Length;
        Span<char> buf = stackalloc char[MaxSuffix];
        bool keep = tag < KeepCase.Length && KeepCase[tag];
        for (int k = Math.Min(MaxSuffix, n); k >= 0; k--)
        {
            for (int j = 0; j < k; j++) buf[j] = char.ToLowerInvariant(form[n - k + j]);
            if (!Rules.TryGetValue(RuleKey(tag, buf[..k]), out int r)) continue;
            var (strip, append) = RuleList[r];
            if (strip > n) continue;
            if (strip == 0 && append.Length == 0) return keep ? form : LowerIfNeeded(form);
            string stem = form[..(n - strip)];
            return (keep ? stem : stem.ToLowerInvariant()) + append;
        }
        return keep ? form : LowerIfNeeded(form);
    }

    private static string LowerIfNeeded(string s)
    {
        foreach (char c in s) if (char.IsUpper(c)) return s.ToLowerInvariant();
        return s;
    }

    public sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<ulong, Dictionary<int, int>> _exact = new(), _lower = new();
        private readonly HashSet<(string, int, string)> _types = new();
        private readonly List<(string Form, int Tag, string Lemma)> _typeList = new();

        public void Add(string form, int tag, string lemma)
        {
            if (lemma == "_" || lemma.Length == 0) return;
            if (!_ids.TryGetValue(lemma, out int id)) _ids[lemma] = id = _ids.Count;
            Bump(_exact, Hashing.F(tag, Hashing.Str(form)), id);
            Bump(_lower, Hashing.F(tag, Hashing.Lower(form)), id);
            if (_types.Add((form, tag, lemma))) _typeList.Add((form, tag, lemma));
        }

        private static void Bump(Dictionary<ulong, Dictionary<int, int>> d, ulong key, int id)
        {
            if (!d.TryGetValue(key, out var c)) d[key] = c = new Dictionary<int, int>();
            c[id] = c.GetValueOrDefault(id) + 1;
        }

        private static int Best(Dictionary<int, int> c)
        {
            int best = -1, bc = -1;
            foreach (var (k, v) in c) if (v > bc || (v == bc && k < best)) { best = k; bc = v; }
            return best;
        }

        public Lemmatizer Build(int tagCount)
        {
            var lem = new Lemmatizer { Lemmas = new string[_ids.Count], KeepCase = new bool[tagCount] };
            foreach (var (s, id) in _ids) lem.Lemmas[id] = s;
            foreach (var (k, c) in _exact) lem.Exact[k] = Best(c);
            foreach (var (k, c) in _lower) lem.LowerForms[k] = Best(c);
            var keepVotes = new int[tagCount, 2];
            var ruleIds = new Dictionary<(int, string), int>();
            var ruleList = new List<(int, string)>();
            var counts = new Dictionary<ulong, Dictionary<int, int>>();
            foreach (var (form, tag, lemma) in _typeList)
            {
                if (tag >= tagCount) continue;
                if (char.IsUpper(form[0]) && form.Length > 1 && char.IsLower(form[^1]))
                    keepVotes[tag, char.IsUpper(lemma[0]) ? 1 : 0]++;
                string f = form.ToLowerInvariant(), l = lemma.ToLowerInvariant();
                int p = 0;
                while (p < f.Length && p < l.Length && f[p] == l[p]) p++;
                int strip = f.Length - p;
                string app = l[p..];
                if (!ruleIds.TryGetValue((strip, app), out int rid)) { ruleIds[(strip, app)] = rid = ruleList.Count; ruleList.Add((strip, app)); }
                for (int k = strip; k <= Math.Min(MaxSuffix, f.Length); k++)
                    Bump(counts, RuleKey(tag, f.AsSpan(f.Length - k)), rid);
            }
            foreach (var (k, c) in counts)
            {
                int total = 0; foreach (var v in c.Values) total += v;
                if (total >= 2) lem.Rules[k] = Best(c);
            }
            lem.RuleList = ruleList.ToArray();
            for (int t = 0; t < tagCount; t++) lem.KeepCase[t] = keepVotes[t, 1] > keepVotes[t, 0];
            return lem;
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Lemmas.Length); foreach (var v in Lemmas) w.Write(v);
        ValueLexicon.WriteMap(w, Exact); ValueLexicon.WriteMap(w, LowerForms); ValueLexicon.WriteMap(w, Rules);
        w.Write(RuleList.Length); foreach (var (s, a) in RuleList) { w.Write(s); w.Write(a); }
        w.Write(KeepCase.Length); foreach (var b in KeepCase) w.Write(b);
    }

    public static Lemmatizer Read(BinaryReader r)
    {
        var l = new Lemmatizer();
        l.Lemmas = new string[r.ReadInt32()];
        for (int i = 0; i < l.Lemmas.Length; i++) l.Lemmas[i] = r.ReadString();
        l.Exact = ValueLexicon.ReadMap(r); l.LowerForms = ValueLexicon.ReadMap(r); l.Rules = ValueLexicon.ReadMap(r);
        l.RuleList = new (int, string)[r.ReadInt32()];
        for (int i = 0; i < l.RuleList.Length; i++) l.RuleList[i] = (r.ReadInt32(), r.ReadString());
        l.KeepCase = new bool[r.ReadInt32()];
        for (int i = 0; i < l.KeepCase.Length; i++) l.KeepCase[i] = r.ReadBoolean();
        return l;
    }
}

/// <summary>
/// Compound lemmas in the Alpino convention ("klooster_orde" for "kloosterorden", "uit_proberen"
/// for "uitproberen"): a lemma without '_' whose tag is a noun (or a verb, for particle verbs) is
/// split into parts seen as lemmas in the training data, the last part being a known noun (verb)
/// lemma, with the fewest parts. Linking "s"/"en" after a non-final part are dropped. Only built
/// when the training treebank writes compound lemmas this way.
/// </summary>
internal sealed class CompoundSplitter
{
    public const int MinPart = 3, MinWord = 6, MaxParts = 4;
    /// <summary>Per tag: 0 = never split, 1 = noun compound, 2 = particle verb.</summary>
    public byte[] Mode = [];
    public HashSet<ulong> Heads = new(), NounTails = new(), VerbTails = new(), Particles = new(), NoSplit = new();

    private static ulong H(ReadOnlySpan<char> s) => Hashing.Str(s);

    public string Apply(string lemma, int tag)
    {
        if (tag >= Mode.Length || Mode[tag] == 0 || lemma.Length < MinWord || lemma.Contains('_')) return lemma;
        foreach (char c in lemma) if (!char.IsLower(c)) return lemma;
        if (NoSplit.Contains(H(lemma))) return lemma;
        var s = lemma.AsSpan();
        if (Mode[tag] == 2)
        {
            for (int i = Math.Min(s.Length - MinPart, 10); i >= 2; i--)
                if (Particles.Contains(H(s[..i])) && VerbTails.Contains(H(s[i..]))) return string.Concat(s[..i], "_", s[i..]);
            return lemma;
        }
        // Cut points, right to left: the final part is a known noun lemma, then as few head parts as possible.
        Span<int> best = stackalloc int[MaxParts * 2];
        Span<int> cur = stackalloc int[MaxParts * 2];
        int bestParts = int.MaxValue, bestTail = 0;
        for (int t = MinPart; t <= s.Length - MinPart; t++)
        {
            int start = s.Length - t;
            if (!NounTails.Contains(H(s[start..]))) continue;
            int parts = Heads1(s[..start], cur, 0, MaxParts - 1);
            if (parts > 0 && (parts + 1 < bestParts || (parts + 1 == bestParts && t > bestTail)))
            {
                bestParts = parts + 1; bestTail = t;
                cur[..(parts * 2)].CopyTo(best);
            }
        }
        if (bestParts == int.MaxValue) return lemma;
        var sb = new System.Text.StringBuilder(lemma.Length + 4);
        for (int p = 0; p < bestParts - 1; p++) sb.Append(s.Slice(best[2 * p], best[2 * p + 1])).Append('_');
        sb.Append(s[(s.Length - bestTail)..]);
        return sb.ToString();
    }

    /// <summary>Segments s into at most max head parts (each a known head lemma, optionally followed by a linking "s"/"en"/"e"); returns the part count or 0.</summary>
    private int Heads1(ReadOnlySpan<char> s, Span<int> outParts, int offset, int max)
    {
        if (s.Length < MinPart || max <= 0) return 0;
        // One part: the whole of s (minus a linking element).
        int whole = PartLength(s);
        if (whole > 0) { outParts[0] = offset; outParts[1] = whole; return 1; }
        if (max == 1) return 0;
        // Longest first part, then the rest.
        for (int i = s.Length - MinPart; i >= MinPart; i--)
        {
            int len = PartLength(s[..i]);
            if (len == 0) continue;
            int rest = Heads1(s[i..], outParts[2..], offset + i, max - 1);
            if (rest > 0) { outParts[0] = offset; outParts[1] = len; return rest + 1; }
        }
        return 0;
    }

    /// <summary>Length of the head lemma that s spells (s itself, or s minus a linking "s"/"en"), or 0.</summary>
    private int PartLength(ReadOnlySpan<char> s)
    {
        if (s.Length >= MinPart && Heads.Contains(H(s))) return s.Length;
        if (s.Length > MinPart && s[^1] == 's' && Heads.Contains(H(s[..^1]))) return s.Length - 1;
        if (s.Length > MinPart + 1 && s[^1] == 'n' && s[^2] == 'e' && Heads.Contains(H(s[..^2]))) return s.Length - 2;
        return 0;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Mode.Length); w.Write(Mode);
        foreach (var set in new[] { Heads, NounTails, VerbTails, Particles, NoSplit })
        {
            w.Write(set.Count);
            foreach (var h in set.Order()) w.Write(h);
        }
    }

    public static CompoundSplitter Read(BinaryReader r)
    {
        var c = new CompoundSplitter();
        c.Mode = r.ReadBytes(r.ReadInt32());
        foreach (var set in new[] { c.Heads, c.NounTails, c.VerbTails, c.Particles, c.NoSplit })
        {
            int n = r.ReadInt32();
            for (int i = 0; i < n; i++) set.Add(r.ReadUInt64());
        }
        return c;
    }

    public sealed class Builder
    {
        private readonly Dictionary<string, int> _heads = new(), _nouns = new(), _verbs = new();
        private readonly HashSet<string> _particles = new(), _plainCompoundStyle = new(), _splitSeen = new();

        /// <summary>Adds a training lemma; compoundStyle = its treebank writes compound lemmas with '_'.</summary>
        public void Add(string lemma, string upos, bool compoundStyle)
        {
            if (lemma.Length == 0 || lemma == "_") return;
            string l = lemma.ToLowerInvariant();
            if (l.Contains('_'))
            {
                var parts = l.Split('_', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2) return;
                _splitSeen.Add(l.Replace("_", ""));
                for (int i = 0; i < parts.Length - 1; i++) Bump(_heads, parts[i], 2);
                if (upos == "VERB") { _particles.Add(parts[0]); Bump(_verbs, parts[^1], 2); }
                else { Bump(_nouns, parts[^1], 2); Bump(_heads, parts[^1], 2); }
                return;
            }
            if (upos is "NOUN" or "ADJ" or "VERB" or "NUM") Bump(_heads, l, 1);
            if (upos == "NOUN") Bump(_nouns, l, 1);
            if (upos == "VERB") Bump(_verbs, l, 1);
            if (compoundStyle && upos is "NOUN" or "VERB" && l.Length >= MinWord) _plainCompoundStyle.Add(l);
        }

        private static void Bump(Dictionary<string, int> d, string k, int by) => d[k] = d.GetValueOrDefault(k) + by;

        public CompoundSplitter Build(string[] tagUpos, IEnumerable<string> particles)
        {
            var c = new CompoundSplitter { Mode = new byte[tagUpos.Length] };
            for (int t = 0; t < tagUpos.Length; t++) c.Mode[t] = tagUpos[t] switch { "NOUN" => 1, "VERB" => 2, _ => 0 };
            foreach (var (k, v) in _heads) if (v >= 2 && k.Length >= MinPart) c.Heads.Add(H(k));
            foreach (var (k, v) in _nouns) if (v >= 2 && k.Length >= MinPart) c.NounTails.Add(H(k));
            foreach (var (k, v) in _verbs) if (v >= 2 && k.Length >= MinPart) c.VerbTails.Add(H(k));
            foreach (var p in _particles.Concat(particles)) c.Particles.Add(H(p));
            foreach (var p in _plainCompoundStyle) if (!_splitSeen.Contains(p)) c.NoSplit.Add(H(p));
            return c;
        }
    }
}
