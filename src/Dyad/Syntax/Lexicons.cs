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
        w.Write(m.Count);
        foreach (var (k, v) in m.OrderBy(p => p.Key)) { w.Write(k); w.Write7BitEncodedInt(v); }
    }

    internal static Dictionary<ulong, int> ReadMap(BinaryReader r)
    {
        int n = r.ReadInt32();
        var m = new Dictionary<ulong, int>(n);
        for (int i = 0; i < n; i++) { ulong k = r.ReadUInt64(); m[k] = r.Read7BitEncodedInt(); }
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
