using Dyad.Documents;
using Dyad.Model;
using Dyad.Pipeline;

namespace Dyad.Segments;

/// <summary>
/// Splits a page into segments — articles/posts, comments, quotes and boilerplate — and identifies
/// each segment's language. Works on blocks: the lines of a plain-text page, or the paragraphs and
/// headings the HTML reader found (<see cref="PageLayout"/>).
/// <list type="number">
/// <item>Lines are classified (<see cref="LineRules"/>): date lines, archive headers, comment
/// footers/headers, bylines, boilerplate.</item>
/// <item>Comment threads: the markup's comments (HTML), or footers "Posted by: NAME | DATE | N" —
/// the text between two footers is the later footer's comment; the first comment is the text after
/// the thread heading ("28 comments"), or else the one block above the first footer — or headers
/// "NAME says:" with the comment below.</item>
/// <item>Exact repeats and near-duplicate articles are stored once (<see cref="RepeatFinder"/>).</item>
/// <item>Articles start at a date line (with the headline above it, or below a weekday date such as
/// "donderdag 8 februari 2018"), at a headline followed by a byline, at a new &lt;article&gt; or &lt;h1&gt;,
/// and after a disclaimer or related-links list. Articles are cut into pieces around boilerplate,
/// repeats, quotes (HTML) and changes of script or (confidently identified) language.</item>
/// <item>Each segment gets its language from <see cref="LanguageIdentifier"/>; boilerplate and
/// languages other than en/nl are kept but not analysed.</item>
/// </list>
/// Thread-safe: no shared mutable state.
/// </summary>
public sealed class Segmenter : IDocumentStage
{
    private readonly PipelineOptions _options;
    public Segmenter(PipelineOptions options) => _options = options;
    public Segmenter() : this(new PipelineOptions()) { }
    public string Name => "Segments";

    /// <summary>Languages the later stages have models for: analysed. Others are kept, not parsed.</summary>
    public static readonly IReadOnlySet<string> AnalysedLanguages = new HashSet<string>(StringComparer.Ordinal) { "en", "nl" };

    private static readonly HashSet<string> LatinLanguages = new(StringComparer.Ordinal) { "en", "nl", "de", "fr", "es", "it", "pt", "und" };

    /// <summary>Blocks shorter than this are not identified on their own (they join the run before them).</summary>
    public const int MinSplitBlock = 120;

    /// <summary>Minimum LID confidence to cut an article where the language changes.</summary>
    public const double SplitConfidence = 0.9;

    public void Process(Document doc)
    {
        if (doc.Segments.Count > 0 || doc.Text.Length == 0) return;
        var layout = PageLayout.Of(doc);
        var blocks = layout != null ? BlockBuilder.FromLayout(doc.Text, layout) : BlockBuilder.FromPlainText(doc.Text);
        if (blocks.Count == 0) return;
        new Plan(doc, blocks, layout, _options).Run();
    }

    private sealed class Piece
    {
        public int First, Last; // block indices (inclusive)
        public SegmentKind Kind;
        public int Group = -1;
        public string? Headline, Author, Date;
        public int? Number;
        public int Copies = 1;
        public bool Drop;
        public string? Lang;
        public double Conf;
    }

    private sealed class Group
    {
        public int Start;
        public string? Headline, Date, Author;
        public List<Piece> Pieces { get; } = new();
    }

    private sealed class Plan
    {
        private readonly Document _doc;
        private readonly List<Block> _b;
        private readonly PageLayout? _layout;
        private readonly PipelineOptions _options;
        private readonly List<Piece> _comments = new();
        private readonly List<Group> _groups = new();
        private readonly bool[] _inThread;

        public Plan(Document doc, List<Block> blocks, PageLayout? layout, PipelineOptions options)
        {
            _doc = doc;
            _b = blocks;
            _layout = layout;
            _options = options;
            _inThread = new bool[blocks.Count];
        }

        public void Run()
        {
            foreach (var b in _b) b.Script = BlockBuilder.ScriptOf(_doc.Text, b.Start, b.End);
            FindMarkupComments();
            FindFooterComments();
            FindHeaderComments();
            FindUndelimitedComments();
            MarkRelatedLists();
            RepeatFinder.MarkExactRepeats(_b, b => !_inThread[IndexOf(b)] && !b.IsBoilerplate && b.Info.Role is LineRole.Text);
            BuildArticles();
            MarkNearDuplicateArticles();
            Emit();
        }

        private readonly Dictionary<Block, int> _index = new(ReferenceEqualityComparer.Instance);
        private int IndexOf(Block b)
        {
            if (_index.Count == 0) for (int i = 0; i < _b.Count; i++) _index[_b[i]] = i;
            return _index[b];
        }

        // ---- comments --------------------------------------------------------------------------

        private void FindMarkupComments()
        {
            if (_layout == null) return;
            bool hasItems = _layout.Comments.Count > 0;
            var byId = new Dictionary<int, Piece>();
            int ordinal = 0;
            for (int i = 0; i < _b.Count; i++)
            {
                var b = _b[i];
                if (b.Comment == -2 && hasItems)
                {
                    // Thread chrome outside any comment ("3 comments", "Leave a reply").
                    _inThread[i] = true;
                    b.Info = new LineInfo(LineRole.Boilerplate, What: "thread");
                    continue;
                }
                if (b.Comment < 0) continue;
                _inThread[i] = true;
                if (byId.TryGetValue(b.Comment, out var p)) { p.Last = i; continue; }
                var c = _layout.Comments[b.Comment];
                ordinal++;
                p = new Piece { First = i, Last = i, Kind = SegmentKind.Comment, Author = c.Author, Date = c.Date, Number = c.Number ?? ordinal };
                byId[b.Comment] = p;
                _comments.Add(p);
            }
            // Replies nest inside their parent's element: a parent's span may enclose a reply's blocks.
            // Keep every comment contiguous by cutting a parent where its first reply begins.
            _comments.Sort((x, y) => x.First.CompareTo(y.First));
            for (int k = 0; k + 1 < _comments.Count; k++)
                if (_comments[k].Last >= _comments[k + 1].First) _comments[k].Last = Math.Max(_comments[k].First, _comments[k + 1].First - 1);
        }

        /// <summary>Not yet part of a comment: outside any thread, or in a thread whose markup delimits no comments.</summary>
        private bool Free(int i) => !_inThread[i] && (_b[i].Comment == -1 || (_b[i].Comment == -2 && (_layout?.Comments.Count ?? 0) == 0));

        /// <summary>Thread text the markup did not split and no footer or header did: each run of it is one comment.</summary>
        private void FindUndelimitedComments()
        {
            Piece? p = null;
            for (int i = 0; i < _b.Count; i++)
            {
                if (_inThread[i] || _b[i].Comment != -2) { p = null; continue; }
                _inThread[i] = true;
                if (p != null && p.Last == i - 1) { p.Last = i; continue; }
                p = new Piece { First = i, Last = i, Kind = SegmentKind.Comment, Number = _comments.Count + 1 };
                _comments.Add(p);
            }
        }

        private void FindFooterComments()
        {
            var footers = new List<int>();
            for (int i = 0; i < _b.Count; i++)
                if (Free(i) && _b[i].Info.Role == LineRole.Footer) footers.Add(i);
            if (footers.Count == 0) return;
            int prevEnd = -1;
            for (int k = 0; k < footers.Count; k++)
            {
                int f = footers[k];
                int from = k == 0 ? FirstCommentStart(f) : prevEnd + 1;
                var info = _b[f].Info;
                _inThread[f] = true;
                for (int i = from; i < f; i++) _inThread[i] = true;
                if (from < f)
                    _comments.Add(new Piece { First = from, Last = f - 1, Kind = SegmentKind.Comment, Author = info.Author, Date = info.Date, Number = info.Number ?? k + 1 });
                prevEnd = f;
            }
        }

        /// <summary>Where the first comment of a footer thread begins: after the thread's heading if
        /// there is one near, else the single block above the first footer.</summary>
        private int FirstCommentStart(int footer)
        {
            for (int i = footer - 1; i >= Math.Max(0, footer - 30); i--)
            {
                if (!Free(i)) return i + 1;
                var info = _b[i].Info;
                if (info.Role == LineRole.Boilerplate && info.What == "thread") return i + 1;
                if (info.Role is LineRole.DateLine or LineRole.ArchiveLine) break;
            }
            return footer - 1 >= 0 && Free(footer - 1) ? footer - 1 : footer;
        }

        private void FindHeaderComments()
        {
            var headers = new List<int>();
            for (int i = 0; i < _b.Count; i++)
                if (Free(i) && !_inThread[i] && _b[i].Info.Role == LineRole.CommentHeader) headers.Add(i);
            if (headers.Count < 2) return;
            int number = _comments.Count;
            for (int k = 0; k < headers.Count; k++)
            {
                int h = headers[k];
                var info = _b[h].Info;
                int from = h + 1, to = k + 1 < headers.Count ? headers[k + 1] - 1 : _b.Count - 1;
                string? date = info.Date;
                if (from <= to && _b[from].Info.Role == LineRole.DateLine)
                {
                    date ??= _b[from].Info.Date;
                    _inThread[from] = true;
                    from++;
                }
                if (k + 1 == headers.Count)
                {
                    // The last comment ends at the thread's end: reply forms, share lines, a new article.
                    for (int i = from; i <= to; i++)
                        if (_b[i].Info.Role is LineRole.Boilerplate or LineRole.DateLine or LineRole.ArchiveLine || !Free(i)) { to = i - 1; break; }
                }
                _inThread[h] = true;
                for (int i = from; i <= to; i++) _inThread[i] = true;
                if (from <= to)
                    _comments.Add(new Piece { First = from, Last = to, Kind = SegmentKind.Comment, Author = info.Author, Date = date, Number = ++number });
            }
        }

        // ---- boilerplate lists -------------------------------------------------------------------

        /// <summary>After a "Related Videos"/"Read also" heading, the short title-like lines that follow are links too.</summary>
        private void MarkRelatedLists()
        {
            for (int i = 0; i < _b.Count; i++)
            {
                if (_inThread[i] || _b[i].Info.Role != LineRole.Boilerplate || _b[i].Info.What != "related") continue;
                for (int j = i + 1; j < _b.Count && j <= i + 12 && !_inThread[j]; j++)
                {
                    var t = _b[j].Text;
                    if (_b[j].Info.Role != LineRole.Text || t.Length > 160 || (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))) break;
                    _b[j].Info = new LineInfo(LineRole.Boilerplate, What: "related");
                }
            }
        }

        // ---- articles ------------------------------------------------------------------------------

        private bool Region(int i) => !_inThread[i] && !_b[i].Dropped;

        private void BuildArticles()
        {
            Group? cur = null;
            int lastText = -1; // last article block with body text (for "did the current group get any body yet?")
            bool pendingBreak = false;
            string? archive = null;
            for (int i = 0; i < _b.Count; i++)
            {
                if (!Region(i)) continue;
                var b = _b[i];
                var info = b.Info;
                int prev = PrevRegion(i), next = NextRegion(i);
                bool bodySince = cur != null && lastText >= cur.Start;

                if (info.Role == LineRole.ArchiveLine) archive ??= info.Date;

                Group? start = null;
                if (info.Role == LineRole.DateLine)
                {
                    bool day = info.What == "day";
                    int head = -1;
                    if (day && next >= 0 && IsHeadline(next, 250)) head = next;
                    else if (!day && prev >= 0 && IsHeadline(prev, 200)) head = prev;
                    else if (next >= 0 && IsHeadline(next, 250)) head = next;
                    if (cur != null && !bodySince && (head < 0 || head >= cur.Start))
                    {
                        // Same header as the group just started (headline + byline + date).
                        cur.Date ??= info.Date;
                        cur.Author ??= info.Author;
                        if (cur.Headline == null && head >= 0) cur.Headline = _b[head].Text;
                    }
                    else
                    {
                        int s = head >= 0 ? Math.Min(head, i) : i;
                        start = new Group { Start = s, Headline = head >= 0 ? _b[head].Text : null, Date = info.Date, Author = info.Author };
                    }
                }
                else if (info.Role == LineRole.Byline)
                {
                    int head = HeaderAbove(i, cur);
                    if (head >= 0) start = new Group { Start = head, Headline = _b[head].Text, Author = info.Author };
                    else if (pendingBreak || cur == null) start = new Group { Start = i, Author = info.Author };
                    else cur.Author ??= info.Author;
                }
                else if (_layout != null && b.Article >= 0 && (prev < 0 || _b[prev].Article != b.Article))
                {
                    start = new Group { Start = i, Headline = FirstHeading(i), Date = _layout.ArticleDates.GetValueOrDefault(b.Article) };
                }
                else if (_layout != null && b.Kind == BlockKind.Heading && b.Level == 1 && (cur == null || bodySince))
                {
                    start = new Group { Start = i, Headline = b.Text };
                }
                else if (pendingBreak && info.Role == LineRole.Text)
                {
                    start = new Group { Start = i, Headline = IsHeadline(i, 200) ? b.Text : null };
                }

                if (start != null && cur != null && start.Start <= cur.Start)
                {
                    cur.Headline ??= start.Headline;
                    cur.Date ??= start.Date;
                    cur.Author ??= start.Author;
                    start = null;
                }
                if (start != null)
                {
                    _groups.Add(start);
                    cur = start;
                    pendingBreak = false;
                }
                if (cur == null)
                {
                    cur = new Group { Start = i, Headline = IsHeadline(i, 200) && info.Role == LineRole.Text ? b.Text : _doc.Title };
                    _groups.Add(cur);
                }
                if (info.Role == LineRole.Text && !(IsHeadline(i, 200) && !bodySince)) lastText = i;
                if (info.Role == LineRole.Boilerplate && info.What is "disclaimer" or "related") pendingBreak = true;
            }
            foreach (var g in _groups) g.Date ??= archive;
            // Pieces: walk each group's blocks.
            for (int gi = 0; gi < _groups.Count; gi++)
            {
                var g = _groups[gi];
                int end = gi + 1 < _groups.Count ? _groups[gi + 1].Start : _b.Count;
                g.Pieces.Clear();
                Piece? p = null;
                for (int i = g.Start; i < end; i++)
                {
                    if (!Region(i)) { p = null; continue; }
                    var b = _b[i];
                    // A date line that opens a post before its headline is metadata: no segment.
                    if (b.Info.Role == LineRole.DateLine && i == g.Start && g.Headline != null && i + 1 < end && _b[i + 1].Text == g.Headline) { p = null; continue; }
                    var kind = b.IsBoilerplate ? SegmentKind.Boilerplate : b.Kind == BlockKind.Quote ? SegmentKind.Quote : SegmentKind.Article;
                    if (p != null && p.Kind == kind && (kind == SegmentKind.Boilerplate || (p.Copies == b.Copies && SameScript(p, b))))
                    {
                        p.Last = i;
                        continue;
                    }
                    p = new Piece { First = i, Last = i, Kind = kind, Group = gi, Copies = kind == SegmentKind.Boilerplate ? 1 : b.Copies };
                    g.Pieces.Add(p);
                }
            }
            SplitByLanguage();
        }

        private bool SameScript(Piece p, Block b)
        {
            if (b.Script is BlockScript.Unknown) return true;
            for (int i = p.Last; i >= p.First; i--)
                if (_b[i].Script != BlockScript.Unknown) return _b[i].Script == b.Script;
            return true;
        }

        private string? FirstHeading(int i)
        {
            for (int j = i; j < Math.Min(_b.Count, i + 4); j++)
                if (_b[j].Kind == BlockKind.Heading) return _b[j].Text;
            return null;
        }

        private bool IsHeadline(int i, int max)
        {
            var b = _b[i];
            if (b.Info.Role != LineRole.Text) return false;
            if (b.Kind == BlockKind.Heading) return b.Text.Length <= 300;
            return LineRules.HeadlineLike(b.Text, max);
        }

        /// <summary>The headline a byline belongs to: the earliest title-like short block among the
        /// (at most four) short blocks just above it, or −1.</summary>
        private int HeaderAbove(int byline, Group? cur)
        {
            int found = -1, seen = 0;
            for (int j = PrevRegion(byline); j >= 0 && seen < 4; j = PrevRegion(j))
            {
                var b = _b[j];
                if (b.Info.Role is LineRole.DateLine or LineRole.ArchiveLine) break;
                if (b.Text.Length > 200 && b.Kind != BlockKind.Heading) break;
                if (cur != null && j < cur.Start) break;
                if (cur != null && j == cur.Start) { found = -1; break; }
                seen++;
                if (IsHeadline(j, 200)) found = j;
                // A sentence-final block right above a longer gap ends the previous article.
                if (b.Info.Role == LineRole.Text && !IsHeadline(j, 200) && b.BlankBefore <= 1 && found >= 0) break;
            }
            return found;
        }

        private int PrevRegion(int i)
        {
            for (int j = i - 1; j >= 0; j--) if (Region(j)) return j;
            return -1;
        }

        private int NextRegion(int i)
        {
            for (int j = i + 1; j < _b.Count; j++) if (Region(j)) return j;
            return -1;
        }

        /// <summary>Cuts article pieces where a confidently identified language changes (e.g. an English
        /// article quoted in a Dutch post); short blocks join the run before them.</summary>
        private void SplitByLanguage()
        {
            if (_options.Lang != "auto") return;
            var lid = LanguageIdentifier.Default;
            foreach (var g in _groups)
            {
                var result = new List<Piece>();
                foreach (var p in g.Pieces)
                {
                    if (p.Kind == SegmentKind.Boilerplate || p.First == p.Last) { result.Add(p); continue; }
                    string? runLang = null;
                    var cur = new Piece { First = p.First, Last = p.First, Kind = p.Kind, Group = p.Group, Copies = p.Copies };
                    for (int i = p.First; i <= p.Last; i++)
                    {
                        var b = _b[i];
                        string? lang = null;
                        if (b.Text.Length >= MinSplitBlock)
                        {
                            var guess = lid.Identify(_doc.Text, b.Start, b.End);
                            b.Guess = guess;
                            if (guess.Confidence >= SplitConfidence) lang = guess.Lang;
                        }
                        if (lang != null && runLang != null && lang != runLang && i > cur.First)
                        {
                            result.Add(cur);
                            cur = new Piece { First = i, Last = i, Kind = p.Kind, Group = p.Group, Copies = p.Copies };
                        }
                        if (lang != null) runLang = lang;
                        cur.Last = i;
                    }
                    result.Add(cur);
                }
                g.Pieces.Clear();
                g.Pieces.AddRange(result);
            }
        }

        private void MarkNearDuplicateArticles()
        {
            // Cheap exit: fewer than two articles long enough to compare.
            int candidates = 0;
            foreach (var g in _groups)
            {
                int chars = 0;
                foreach (var p in g.Pieces) if (p.Kind != SegmentKind.Boilerplate) chars += _b[p.Last].End - _b[p.First].Start;
                if (chars >= RepeatFinder.MinWords * 4) candidates++;
            }
            if (candidates < 2) return;
            var sig = new List<(Group G, HashSet<ulong> Shingles, int Words)>();
            foreach (var g in _groups)
            {
                var sb = new System.Text.StringBuilder();
                foreach (var p in g.Pieces)
                {
                    if (p.Kind == SegmentKind.Boilerplate) continue;
                    for (int i = p.First; i <= p.Last; i++)
                    {
                        var b = _b[i];
                        if (!Region(i) || b.Info.Role != LineRole.Text || b.Text == g.Headline) continue;
                        sb.Append(b.Text).Append('\n');
                    }
                }
                sig.Add((g, RepeatFinder.Shingles(sb.ToString(), out int words), words));
            }
            // Candidates share one of four MinHash values (P(miss) ≈ 0.2^4 at Jaccard 0.8), so a page with
            // thousands of posts is not compared pair by pair; candidates are then checked exactly.
            var buckets = new Dictionary<(int Band, ulong Min), List<int>>();
            for (int j = 0; j < sig.Count; j++)
            {
                if (sig[j].Words < RepeatFinder.MinWords) continue;
                var mins = RepeatFinder.MinHashes(sig[j].Shingles, 4);
                int dupOf = -1;
                for (int band = 0; band < mins.Length && dupOf < 0; band++)
                    if (buckets.TryGetValue((band, mins[band]), out var list))
                        foreach (int i in list)
                            if (!sig[i].G.Pieces.All(p => p.Drop) && RepeatFinder.NearDuplicate(sig[i].Shingles, sig[i].Words, sig[j].Shingles, sig[j].Words))
                            { dupOf = i; break; }
                if (dupOf >= 0)
                {
                    foreach (var p in sig[j].G.Pieces) p.Drop = true;
                    foreach (var p in sig[dupOf].G.Pieces) if (p.Kind != SegmentKind.Boilerplate) p.Copies++;
                    continue;
                }
                for (int band = 0; band < mins.Length; band++)
                {
                    if (!buckets.TryGetValue((band, mins[band]), out var list)) buckets[(band, mins[band])] = list = new List<int>();
                    if (list.Count < 8) list.Add(j);
                }
            }
        }

        // ---- output --------------------------------------------------------------------------------

        private void Emit()
        {
            var all = new List<Piece>();
            foreach (var g in _groups)
                foreach (var p in g.Pieces)
                {
                    if (p.Drop) continue;
                    if (p.Kind != SegmentKind.Boilerplate)
                    {
                        p.Headline = g.Headline;
                        p.Author = g.Author ?? _doc.Author;
                    }
                    p.Date = g.Date ?? _doc.Published;
                    all.Add(p);
                }
            foreach (var c in _comments)
            {
                c.Date ??= _doc.Published;
                all.Add(c);
            }
            all.Sort((x, y) => _b[x.First].Start.CompareTo(_b[y.First].Start));

            var lid = LanguageIdentifier.Default;
            foreach (var p in all)
            {
                int start = _b[p.First].Start, end = _b[p.Last].End;
                if (_options.Lang != "auto") { p.Lang = _options.Lang; p.Conf = 1.0; continue; }
                var guess = FromBlocks(p) ?? lid.Identify(_doc.Text, start, end);
                p.Lang = guess.Lang;
                p.Conf = guess.Confidence;
                // Sanity check: text in a non-Latin script is never a Latin-script language.
                var script = ScriptOf(p);
                if (script is not (BlockScript.Latin or BlockScript.Unknown) && LatinLanguages.Contains(p.Lang))
                {
                    p.Lang = script switch { BlockScript.Arabic => "ar", BlockScript.Hebrew => "he", BlockScript.Greek => "el", _ => "other" };
                    p.Conf = 0.5;
                }
            }
            // Very short article pieces (a headline alone) take the language of their article's longest piece.
            foreach (var g in _groups)
            {
                var body = g.Pieces.Where(p => !p.Drop && p.Kind != SegmentKind.Boilerplate && p.Lang != null)
                    .OrderByDescending(p => _b[p.Last].End - _b[p.First].Start).FirstOrDefault();
                if (body == null || _options.Lang != "auto") continue;
                foreach (var p in g.Pieces)
                {
                    if (p == body || p.Drop || p.Lang == null) continue;
                    // Bylines, captions and lone headlines are too short to identify: they take the article's language.
                    int limit = p.Kind == SegmentKind.Boilerplate ? 120 : 60;
                    if (_b[p.Last].End - _b[p.First].Start < limit && SameScriptPieces(p, body)) { p.Lang = body.Lang; p.Conf = Math.Min(body.Conf, 0.5); }
                }
            }

            int index = 0;
            foreach (var p in all)
            {
                var seg = new Segment
                {
                    Index = index++, Kind = p.Kind, Start = _b[p.First].Start, End = _b[p.Last].End,
                    Headline = p.Headline, Author = p.Author, Number = p.Number, Date = p.Date,
                    Language = p.Lang ?? "und", LanguageConfidence = p.Conf, Copies = p.Copies,
                };
                seg.Analysed = seg.Kind != SegmentKind.Boilerplate && AnalysedLanguages.Contains(seg.Language);
                _doc.Segments.Add(seg);
            }
        }

        private bool SameScriptPieces(Piece a, Piece b)
        {
            var sa = ScriptOf(a);
            return sa == BlockScript.Unknown || sa == ScriptOf(b);
        }

        /// <summary>The script of most of a piece's letters (from its blocks, by length).</summary>
        private BlockScript ScriptOf(Piece p)
        {
            Span<int> chars = stackalloc int[8];
            for (int i = p.First; i <= p.Last; i++) chars[(int)_b[i].Script] += _b[i].End - _b[i].Start;
            int best = 0;
            for (int k = 1; k < chars.Length; k++) if (chars[k] > chars[best]) best = k;
            return chars[best] == 0 ? BlockScript.Unknown : (BlockScript)best;
        }

        /// <summary>A piece's language from the guesses already made for its blocks (weighted by length),
        /// when they cover at least 70% of it; null otherwise (the span is identified as a whole).</summary>
        private LanguageGuess? FromBlocks(Piece p)
        {
            if (p.First == p.Last && _b[p.First].Guess is { } single) return single;
            int total = 0, covered = 0;
            Dictionary<string, (int Chars, double Conf)>? votes = null;
            for (int i = p.First; i <= p.Last; i++)
            {
                var b = _b[i];
                if (b.Dropped) continue;
                int n = b.End - b.Start;
                total += n;
                if (b.Guess is not { } g) continue;
                covered += n;
                votes ??= new Dictionary<string, (int, double)>(StringComparer.Ordinal);
                votes.TryGetValue(g.Lang, out var v);
                votes[g.Lang] = (v.Chars + n, v.Conf + g.Confidence * n);
            }
            if (votes == null || covered < 0.7 * total) return null;
            var top = votes.MaxBy(kv => kv.Value.Chars);
            return new LanguageGuess(top.Key, Math.Round(top.Value.Conf / top.Value.Chars * top.Value.Chars / covered, 4));
        }
    }
}
