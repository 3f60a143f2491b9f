using System.Globalization;
using System.Text;
using Dyad.Model;

namespace Dyad.Actors;

public enum HitType { Name = 0, Metonym = 1, Adjective = 2, Agent = 3, Surname = 4 }

/// <summary>What a dictionary phrase stands for.</summary>
public sealed class Hit
{
    public HitType Type { get; init; }
    public ActorEntry? Entry { get; init; }
    public AgentEntry? Agent { get; init; }
    /// <summary>Metonym sector (GOV, MIL).</summary>
    public string? Sector { get; init; }
    public string? Lang { get; init; }
    /// <summary>Load order: later (user) files win among equal hits.</summary>
    public int Order { get; init; }
    /// <summary>The dictionary phrase as written.</summary>
    public string Phrase { get; init; } = "";
    public override string ToString() => $"{Type}:{Phrase}→{Entry?.Id ?? Agent?.Id}";
}

/// <summary>A dictionary match over tokens <see cref="First"/>..<see cref="Last"/> (inclusive).</summary>
public sealed record TokenMatch(int First, int Last, IReadOnlyList<Hit> Hits);

/// <summary>
/// The compiled dictionary: a trie over normalised word pieces. Pieces are words split at spaces and
/// hyphens, folded to lower case without diacritics, apostrophes and dots ("al-Nusra" = "al Nusra",
/// "Hay'at" = "Hayat", "U.S." = "US"). Pieces that are upper-case acronyms of 2–5 letters (IS, US, SDF)
/// are matched case-sensitively. Immutable; safe to share between threads.
/// </summary>
public sealed class ActorMatcher
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<Hit>? Hits;
    }

    private readonly Node _root = new();
    public int PhraseCount { get; private set; }
    /// <summary>Surname → person entries (for short names).</summary>
    private readonly Dictionary<string, List<ActorEntry>> _surnames = new(StringComparer.Ordinal);

    public ActorMatcher(IEnumerable<ActorEntry> entries, IEnumerable<AgentEntry> agents)
    {
        int order = 0;
        var fullNames = new HashSet<string>(StringComparer.Ordinal);
        var persons = new List<ActorEntry>();
        foreach (var e in entries.OrderBy(e => e.File.StartsWith("builtin:", StringComparison.Ordinal) ? 0 : 1))
        {
            order++;
            Add(e.Name, new Hit { Type = HitType.Name, Entry = e, Order = order, Phrase = e.Name }, fullNames);
            foreach (var n in e.Names) Add(n.Text, new Hit { Type = HitType.Name, Entry = e, Lang = n.Lang, Order = order, Phrase = n.Text }, fullNames);
            foreach (var n in e.Adjectives) Add(n.Text, new Hit { Type = HitType.Adjective, Entry = e, Lang = n.Lang, Order = order, Phrase = n.Text }, fullNames);
            foreach (var m in e.Metonyms) Add(m.Name, new Hit { Type = HitType.Metonym, Entry = e, Sector = m.Sector, Lang = m.Lang, Order = order, Phrase = m.Name }, fullNames);
            if (e.Kind == ActorKind.Person) persons.Add(e);
        }
        foreach (var a in agents)
        {
            order++;
            foreach (var n in a.Names) Add(n.Text, new Hit { Type = HitType.Agent, Agent = a, Lang = n.Lang, Order = order, Phrase = n.Text }, null);
        }
        // Short names: the last word of a person's multiword names ("Lavrov", "Assad" from "al-Assad").
        foreach (var p in persons)
        {
            order++;
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in p.Names.Select(n => n.Text).Append(p.Name))
            {
                foreach (var s in Surnames(n))
                {
                    string key = string.Join(' ', KeyPieces(s));
                    if (key.Length < 3 || !done.Add(key)) continue;
                    if (!_surnames.TryGetValue(key, out var l)) _surnames[key] = l = new List<ActorEntry>();
                    l.Add(p);
                    // A full name of something wins, unless it is only another person's listed short name
                    // ("Tshisekedi" for Félix also stands for Étienne; the date decides between them).
                    if (fullNames.Contains(key) && !OnlyPersonNames(s)) continue;
                    Add(s, new Hit { Type = HitType.Surname, Entry = p, Order = order, Phrase = s }, null);
                }
            }
        }
    }

    private bool OnlyPersonNames(string phrase)
    {
        var node = _root;
        foreach (var k in KeyPieces(phrase))
        {
            if (node.Next == null || !node.Next.TryGetValue(k, out var nx)) return false;
            node = nx;
        }
        return node.Hits is { Count: > 0 } hs && hs.TrueForAll(h => h.Type is HitType.Name or HitType.Surname && h.Entry?.Kind == ActorKind.Person);
    }

    /// <summary>Person entries sharing a short name (normalised key).</summary>
    public IReadOnlyList<ActorEntry> PersonsBySurname(string key) => _surnames.TryGetValue(key, out var l) ? l : [];

    private static readonly HashSet<string> NameParticles = new(StringComparer.OrdinalIgnoreCase) { "al", "el", "bin", "ibn", "abu", "van", "de", "der", "den", "von", "le", "la" };

    private static IEnumerable<string> Surnames(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) yield break;
        string last = words[^1];
        if (!char.IsUpper(last[0]) && !(last.Length > 3 && last[..3].Equals("al-", StringComparison.OrdinalIgnoreCase))) yield break;
        yield return last;
        int h = last.IndexOf('-');
        if (h > 0 && NameParticles.Contains(last[..h]) && h + 1 < last.Length) yield return last[(h + 1)..];
        if (words.Length >= 3 && NameParticles.Contains(words[^2])) yield return words[^2] + " " + last;
    }

    private void Add(string phrase, Hit hit, HashSet<string>? fullNames)
    {
        var keys = KeyPieces(phrase);
        if (keys.Count == 0) return;
        fullNames?.Add(string.Join(' ', keys));
        var node = _root;
        foreach (var k in keys)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(k, out var nx)) node.Next[k] = nx = new Node();
            node = nx;
        }
        node.Hits ??= new List<Hit>(1);
        if (!node.Hits.Exists(h => h.Type == hit.Type && h.Entry == hit.Entry && h.Agent == hit.Agent && h.Lang == hit.Lang && h.Sector == hit.Sector))
        {
            node.Hits.Add(hit);
            PhraseCount++;
        }
    }

    // ------------------------------------------------------------------ normalisation

    internal const char CaseSensitiveMark = '\u0001';
    internal const char PossMark = '\u0002';

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or '`' or 'ʼ' or '´' or 'ʻ';

    /// <summary>Lower case, no diacritics, no apostrophes or dots.</summary>
    public static string Fold(string s)
    {
        bool simple = true;
        foreach (char c in s)
            if (c > 127 || c == '.' || c == '\'' || c == '`' || char.IsUpper(c)) { simple = false; break; }
        if (simple) return s;
        var sb = new StringBuilder(s.Length);
        foreach (char c in s.Normalize(NormalizationForm.FormD))
        {
            if (IsApostrophe(c) || c == '.') continue;
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Without apostrophes and dots, case kept ("U.S." → "US").</summary>
    public static string Clean(string s)
    {
        if (s.IndexOfAny(['.', '\'', '’', '‘', '`', 'ʼ']) < 0) return s;
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) if (!IsApostrophe(c) && c != '.') sb.Append(c);
        return sb.ToString();
    }

    /// <summary>An upper-case acronym of 2–5 letters: matched case-sensitively.</summary>
    public static bool IsAcronym(string clean)
    {
        if (clean.Length < 2 || clean.Length > 5) return false;
        foreach (char c in clean) if (!char.IsUpper(c)) return false;
        return true;
    }

    private static readonly char[] SplitChars = [' ', '\t', '-', '‐', '‑', '‒', '/'];

    /// <summary>The trie keys of a dictionary phrase.</summary>
    public static List<string> KeyPieces(string phrase)
    {
        var list = new List<string>();
        foreach (var raw0 in phrase.Split(SplitChars, StringSplitOptions.RemoveEmptyEntries))
        {
            // "People's Protection Units", "Kurdistan Workers' Party": the possessive is a piece of its own,
            // as the tokenizer splits it off ("People" + "'s").
            string raw = raw0;
            string? poss = null;
            if (raw.Length > 2 && IsApostrophe(raw[^2]) && raw[^1] is 's' or 'S') { poss = PossMark + "s"; raw = raw[..^2]; }
            else if (raw.Length > 1 && IsApostrophe(raw[^1])) { poss = PossMark.ToString(); raw = raw[..^1]; }
            string clean = Clean(raw);
            if (clean.Length > 0) list.Add(IsAcronym(clean) ? CaseSensitiveMark + clean : Fold(clean));
            if (poss != null) list.Add(poss);
        }
        return list;
    }

    // ------------------------------------------------------------------ matching on tokens

    /// <summary>A word piece of the sentence: a token or a hyphen-separated part of one.</summary>
    internal readonly record struct Piece(string Fold, string Exact, string? Lemma, int Token, bool FirstOfToken, bool LastOfToken);

    internal static bool IsPossessiveToken(string t) => t is "'s" or "’s" or "'" or "’" or "'S" or "’S";

    /// <summary>Splits tokens into pieces; null entries are barriers (punctuation) no match crosses.</summary>
    internal static List<Piece?> Pieces(IReadOnlyList<Token> tokens)
    {
        var list = new List<Piece?>(tokens.Count + 4);
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i].Text;
            if (t.Length > 0 && t.All(IsHyphenChar)) continue; // "al - Nusra"
            if (IsPossessiveToken(t))
            {
                // Attached possessive: a piece only names with "'s" continue through ("People's Protection Units").
                if (i > 0 && !tokens[i - 1].SpaceAfter)
                {
                    string pm = t[^1] is 's' or 'S' ? PossMark + "s" : PossMark.ToString();
                    list.Add(new Piece(pm, pm, null, i, true, true));
                }
                else list.Add(null);
                continue;
            }
            if (!t.Any(char.IsLetterOrDigit)) { list.Add(null); continue; }
            // An unsplit possessive ("Syria's") still matches "Syria".
            bool unsplitPoss = false;
            if (t.Length > 2 && IsApostrophe(t[^2]) && t[^1] is 's' or 'S') { t = t[..^2]; unsplitPoss = true; }
            var parts = t.Split(SplitChars, StringSplitOptions.RemoveEmptyEntries);
            string? lemma = tokens[i].Lemma is { Length: > 0 } l && l != "_" && parts.Length == 1 ? Fold(Clean(l)) : null;
            for (int p = 0; p < parts.Length; p++)
            {
                string clean = Clean(parts[p]);
                if (clean.Length == 0) continue;
                string fold = Fold(clean);
                list.Add(new Piece(fold, clean, lemma != null && lemma != fold ? lemma : null, i, p == 0, p == parts.Length - 1));
            }
            if (unsplitPoss) list.Add(new Piece(PossMark + "s", PossMark + "s", null, i, false, true));
        }
        return list;
    }

    private static bool IsHyphenChar(char c) => c is '-' or '‐' or '‑' or '‒';

    internal static bool LangOk(Hit h, string lang) => h.Lang == null || lang is not ("en" or "nl") || h.Lang == lang;

    /// <summary>
    /// All phrase matches starting at piece <paramref name="start"/>, as (last piece index, hits), shortest first.
    /// </summary>
    internal List<(int End, List<Hit> Hits)> MatchAt(List<Piece?> pieces, int start, string lang)
    {
        List<(int, List<Hit>)>? results = null;
        // Almost every word has no continuation: check the root before allocating anything.
        if (start >= pieces.Count || pieces[start] is not { } p0 || !HasChild(_root, p0)) return Empty;
        var stack = new Stack<(Node N, int I)>();
        stack.Push((_root, start));
        while (stack.Count > 0)
        {
            var (node, i) = stack.Pop();
            if (i >= pieces.Count || pieces[i] is not { } p || node.Next == null) continue;
            Step(node, p, p.Fold, false, i, stack, ref results, lang);
            if (IsAcronym(p.Exact)) Step(node, p, CaseSensitiveMark + p.Exact, false, i, stack, ref results, lang);
            if (p.Lemma != null) Step(node, p, p.Lemma, true, i, stack, ref results, lang);
        }
        if (results == null) return Empty;
        results.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return results;
    }

    private static readonly List<(int End, List<Hit> Hits)> Empty = new();

    private static bool HasChild(Node n, Piece p) =>
        n.Next != null && (n.Next.ContainsKey(p.Fold) || (p.Lemma != null && n.Next.ContainsKey(p.Lemma))
                           || (IsAcronym(p.Exact) && n.Next.ContainsKey(CaseSensitiveMark + p.Exact)));

    private static void Step(Node node, Piece p, string key, bool lemma, int i, Stack<(Node, int)> stack, ref List<(int, List<Hit>)>? results, string lang)
    {
        if (!node.Next!.TryGetValue(key, out var nx)) return;
        if (nx.Hits != null)
        {
            List<Hit>? ok = null;
            foreach (var h in nx.Hits)
            {
                if (!LangOk(h, lang)) continue;
                if (lemma && h.Type is not (HitType.Agent or HitType.Adjective)) continue;
                if (h.Type == HitType.Surname && !char.IsUpper(p.Exact[0])) continue;
                (ok ??= new List<Hit>(nx.Hits.Count)).Add(h);
            }
            if (ok != null) (results ??= new List<(int, List<Hit>)>()).Add((i, ok));
        }
        if (nx.Next != null) stack.Push((nx, i + 1));
    }

    /// <summary>
    /// Longest-first, left-to-right matches aligned to whole tokens. <paramref name="inner"/> receives matches
    /// that cover only part of a hyphenated token ("US" in "US-led"), for composition.
    /// </summary>
    public List<TokenMatch> Match(IReadOnlyList<Token> tokens, string lang, List<(int Token, int PieceFirst, int PieceLast, int PieceCount, List<Hit> Hits)>? inner = null)
    {
        var pieces = Pieces(tokens);
        var found = new List<TokenMatch>();
        int k = 0;
        while (k < pieces.Count)
        {
            if (pieces[k] is not { } p) { k++; continue; }
            if (!p.FirstOfToken || p.Fold[0] == PossMark) { k++; continue; }
            var ms = MatchAt(pieces, k, lang);
            int next = k + 1;
            for (int j = ms.Count - 1; j >= 0; j--)
            {
                var (end, hits) = ms[j];
                var e = pieces[end]!.Value;
                if (!e.LastOfToken) continue;
                found.Add(new TokenMatch(p.Token, e.Token, hits));
                next = end + 1;
                break;
            }
            if (next == k + 1 && inner != null && !p.LastOfToken)
            {
                // No whole-token match: look inside the hyphenated token (pro-X, X-backed, US-led).
                int first = k, last = k;
                while (last + 1 < pieces.Count && pieces[last + 1] is { } q && q.Token == p.Token) last++;
                for (int s = first; s <= last; s++)
                {
                    var sub = MatchAt(pieces, s, lang).Where(m => m.End <= last).ToList();
                    if (sub.Count == 0) continue;
                    var best = sub[^1];
                    inner.Add((p.Token, s - first, best.End - first, last - first + 1, best.Hits));
                    break;
                }
                next = last + 1;
            }
            k = next;
        }
        return found;
    }
}
