using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Documents;

/// <summary>The text and metadata of an HTML page.</summary>
public sealed class HtmlPage
{
    public string Text { get; set; } = "";
    public PageLayout Layout { get; } = new();
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string? Author { get; set; }
    public string? Source { get; set; }
    public string? Uri { get; set; }
    public string? Language { get; set; }
}

/// <summary>
/// HTML → main text with its block structure (AngleSharp). Paragraphs, headings, list items, quotes
/// and table rows become blocks separated by a blank line; scripts, styles, navigation, headers,
/// footers, asides, forms, menus, share bars and hidden elements are dropped. A comment thread
/// (an element whose id/class names comments, disqus, replies or reacties) is kept, each comment a
/// block group with the author, time and number its markup gives; its meta lines are not text.
/// Thread-safe: a parser per call.
/// </summary>
public static partial class HtmlExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "select", "button", "input", "textarea", "form", "nav", "aside", "menu", "dialog", "head", "map", "math", "label",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "body", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "figure", "figcaption", "caption", "table", "thead", "tbody", "tfoot", "tr", "header", "footer",
        "address", "hr", "center", "details", "summary", "fieldset", "legend",
    };

    // id/class tokens of page furniture (whole tokens after splitting on - _ and spaces).
    private static readonly HashSet<string> FurnitureTokens = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "menu", "menubar", "sidebar", "widget", "widgets", "share", "sharing", "sharedaddy", "social",
        "breadcrumb", "breadcrumbs", "cookie", "cookies", "banner", "advert", "advertisement", "ads", "adsbygoogle", "sponsor",
        "related", "subscribe", "newsletter", "popup", "modal", "skip", "pagination", "pager", "footer", "masthead", "toolbar",
        "signup", "login", "search", "tags", "tagcloud", "copyright", "print", "promo", "outbrain", "taboola", "jp", "sd",
    };

    private static readonly Regex PostClass = PostClassRx();
    [GeneratedRegex(@"\s(h-entry|post-outer|blog-post|type-post|post)\s")]
    private static partial Regex PostClassRx();
    private static readonly Regex ThreadName = ThreadNameRx();
    [GeneratedRegex(@"comment|disqus|replies|reacties?|responses", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThreadNameRx();
    private static readonly Regex NotThreadName = NotThreadNameRx();
    [GeneratedRegex(@"recent|widget|sidebar|latest|popular|count", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotThreadNameRx();
    private static readonly HashSet<string> NotThreadTokens = new(StringComparer.Ordinal)
    {
        "widget", "recent", "count", "counts", "link", "links", "form", "respond", "meta", "edit", "author", "date", "time",
        "button", "nav", "navigation", "number", "num", "icon", "bubble", "title", "reply",
    };
    private static readonly Regex ItemName = ItemNameRx();
    [GeneratedRegex(@"comment|reply|reactie|^post$|^c\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemNameRx();
    private static readonly HashSet<string> NotItemTokens = new(StringComparer.Ordinal)
    {
        "content", "text", "avatar", "actions", "action", "link", "children", "list", "meta", "metadata", "author", "date", "time",
        "footer", "header", "respond", "form", "edit", "awaiting", "moderation", "navigation", "nav", "count", "title", "permalink",
        "buttons", "button", "vote", "votes", "tools", "comments", "commentlist", "thread", "replies", "inner", "wrapper", "wrap",
    };
    private static readonly HashSet<string> AuthorTokens = new(StringComparer.Ordinal)
    {
        "author", "fn", "vcard", "user", "username", "nickname", "commenter", "byline", "poster", "name", "auteur",
    };
    private static readonly HashSet<string> MetaTokens = new(StringComparer.Ordinal)
    {
        "meta", "metadata", "commentmetadata", "date", "time", "timestamp", "published", "footer", "header", "posted", "permalink",
        "datum", "tijd", "actions", "reply", "avatar", "edit", "awaiting", "moderation",
    };

    private static readonly Regex FooterLine = FooterLineRx();
    [GeneratedRegex(@"^\s*(?:posted|geplaatst|gepost|written|geschreven)\s+(?:by|door)\s*:?\s*(?<author>[^|]+?)\s*(?:\||\bon\b|\bat\b|\bop\b|,)\s*(?<date>[^|]+?)\s*(?:\|\s*(?<num>\d+)\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FooterLineRx();
    private static readonly Regex SaysSuffix = SaysSuffixRx();
    [GeneratedRegex(@"\s*(?:says|said|wrote|zegt|zei|schreef|schrijft|reageerde)\s*(?::|\.\.\.|…)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaysSuffixRx();

    public static HtmlPage Extract(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        var page = new HtmlPage();
        ReadMetadata(document, page);
        var walker = new Walker(page);
        if (document.Body != null) walker.Run(document.Body);
        page.Text = walker.Text;
        if (page.Title == null)
        {
            var h1 = document.QuerySelector("h1");
            if (h1 != null) page.Title = Clean(h1.TextContent);
        }
        if (page.Published == null)
        {
            foreach (var t in document.QuerySelectorAll("time"))
            {
                if (walker.InThread(t)) continue;
                var d = DateText.Normalize(t.GetAttribute("datetime")) ?? DateText.Normalize(t.TextContent);
                if (d != null) { page.Published = d; break; }
            }
        }
        return page;
    }

    /// <summary>Reads the charset a page declares (meta charset / http-equiv) from its first bytes, if any.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = Regex.Match(head, @"<meta[^>]+charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase);
        return m.Success ? m.Groups["cs"].Value.ToLowerInvariant() : null;
    }

    private static void ReadMetadata(IHtmlDocument document, HtmlPage page)
    {
        string? Meta(params string[] names)
        {
            foreach (var n in names)
                foreach (var m in document.QuerySelectorAll("meta"))
                {
                    var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
                    if (key != null && key.Equals(n, StringComparison.OrdinalIgnoreCase))
                    {
                        var v = m.GetAttribute("content");
                        if (!string.IsNullOrWhiteSpace(v)) return v.Trim();
                    }
                }
            return null;
        }

        page.Title = Clean(Meta("og:title", "twitter:title") ?? "") is { Length: > 0 } ogt ? ogt : null;
        page.Published = DateText.Normalize(Meta("article:published_time", "og:published_time", "og:article:published_time",
            "datePublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date",
            "dcterms.date", "parsely-pub-date", "sailthru.date", "article.published", "published_time", "og:updated_time"));
        page.Author = Meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author");
        if (page.Author != null && page.Author.StartsWith("http", StringComparison.OrdinalIgnoreCase)) page.Author = null;
        page.Source = Meta("og:site_name", "application-name", "publisher");
        page.Uri = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta("og:url");
        page.Language = document.DocumentElement?.GetAttribute("lang");

        // JSON-LD (schema.org): datePublished, headline, author.name.
        foreach (var s in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var j = JsonDocument.Parse(s.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                LdJson(j.RootElement, page, 0);
            }
            catch (JsonException) { }
        }
        if (page.Title == null)
        {
            var t = document.QuerySelector("title");
            if (t != null && Clean(t.TextContent) is { Length: > 0 } tt) page.Title = tt;
        }
    }

    private static void LdJson(JsonElement e, HtmlPage page, int depth)
    {
        if (depth > 4) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray()) LdJson(x, page, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (page.Published == null && e.TryGetProperty("datePublished", out var dp) && dp.ValueKind == JsonValueKind.String)
            page.Published = DateText.Normalize(dp.GetString());
        if (page.Title == null && e.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.String)
            page.Title = Clean(h.GetString() ?? "");
        if (page.Author == null && e.TryGetProperty("author", out var a))
        {
            if (a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0) a = a[0];
            if (a.ValueKind == JsonValueKind.String) page.Author = a.GetString();
            else if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) page.Author = n.GetString();
        }
        if (e.TryGetProperty("@graph", out var g)) LdJson(g, page, depth + 1);
    }

    internal static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    internal static IEnumerable<string> Tokens(IElement e)
    {
        var id = e.Id;
        var cls = e.GetAttribute("class");
        foreach (var part in new[] { id, cls })
        {
            if (string.IsNullOrEmpty(part)) continue;
            foreach (var t in part.ToLowerInvariant().Split([' ', '\t', '\n', '-', '_', ':'], StringSplitOptions.RemoveEmptyEntries)) yield return t;
        }
    }

    private static string IdClass(IElement e) => ((e.Id ?? "") + " " + (e.GetAttribute("class") ?? "")).Trim();

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        if (string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = e.GetAttribute("style");
        return style != null && Regex.IsMatch(style, @"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase);
    }

    private static bool IsThread(IElement e)
    {
        if (e.LocalName is not ("div" or "section" or "ol" or "ul" or "dl" or "aside" or "article" or "footer" or "main" or "li")) return false;
        var ic = IdClass(e);
        if (ic.Length == 0 || !ThreadName.IsMatch(ic) || NotThreadName.IsMatch(ic)) return false;
        foreach (var t in Tokens(e)) if (NotThreadTokens.Contains(t)) return false;
        return true;
    }

    private static bool IsItemCandidate(IElement e)
    {
        if (e.LocalName is not ("li" or "article" or "div" or "section" or "dd" or "dt" or "blockquote")) return false;
        var ic = IdClass(e);
        if (ic.Length == 0) return false;
        bool named = false;
        foreach (var t in Tokens(e))
        {
            if (NotItemTokens.Contains(t)) return false;
            if (ItemName.IsMatch(t)) named = true;
        }
        return named;
    }

    private static bool HasToken(IElement e, HashSet<string> set)
    {
        foreach (var t in Tokens(e)) if (set.Contains(t)) return true;
        return false;
    }

    private static bool IsAuthorElement(IElement e) => e.LocalName == "cite" || HasToken(e, AuthorTokens)
        || string.Equals(e.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase)
        || string.Equals(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase);

    private static bool IsMetaElement(IElement e) => e.LocalName == "time" || HasToken(e, MetaTokens);

    /// <summary>The DOM walk that builds the text and the layout.</summary>
    private sealed class Walker
    {
        private readonly HtmlPage _page;
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _inline = new();
        private bool _pendingSpace;
        private readonly Stack<(BlockKind Kind, int Level)> _kinds = new();
        private int _article = -1, _articles;
        private int _comment = -1;
        private int _pre;
        private IElement? _thread;
        private HashSet<IElement> _items = new();
        private HashSet<IElement> _metaSkip = new();
        private HashSet<IElement> _candidates = new();
        private Dictionary<IElement, int> _order = new();

        public Walker(HtmlPage page) => _page = page;
        public string Text => _text.ToString();

        public bool InThread(IElement e)
        {
            for (var p = e; p != null; p = p.ParentElement) if (IsThread(p)) return true;
            return false;
        }

        public void Run(IElement body)
        {
            _kinds.Push((BlockKind.Paragraph, 0));
            Visit(body);
            Flush();
        }

        private void Visit(INode node)
        {
            if (node is IText t)
            {
                AppendText(t.Data);
                return;
            }
            if (node is not IElement e) return;
            string name = e.LocalName;
            if (name == "br") { AppendBreak(); return; }
            if (name == "img")
            {
                return;
            }
            if (Dropped.Contains(name) || IsHidden(e)) return;
            if (_metaSkip.Contains(e)) return;
            string? role = e.GetAttribute("role");
            if (role is "navigation" or "banner" or "contentinfo" or "search" or "menu" or "menubar" or "complementary" or "dialog") return;

            bool enteredThread = false, enteredItem = false, enteredArticle = false;
            int savedComment = _comment, savedArticle = _article;
            if (_thread == null && IsThread(e))
            {
                Flush();
                _thread = e;
                enteredThread = true;
                PrepareThread(e);
            }
            else if (_thread != null && _items.Contains(e))
            {
                Flush();
                _comment = StartComment(e);
                enteredItem = true;
            }
            else if (_thread == null)
            {
                if (IsFurniture(e)) return;
                if (name == "footer" || (name == "header" && !KeepHeader(e))) return;
                if (_article < 0 && IsArticle(e))
                {
                    Flush();
                    _article = _articles++;
                    enteredArticle = true;
                }
            }

            bool block = BlockElements.Contains(name) || enteredThread || enteredItem;
            if (block)
            {
                Flush();
                _kinds.Push(KindOf(e));
            }
            if (name == "pre") _pre++;
            if (name is "td" or "th") AppendText(" ");
            foreach (var child in e.ChildNodes) Visit(child);
            if (name is "td" or "th") AppendText(" ");
            if (name == "pre") _pre--;
            if (block)
            {
                Flush();
                _kinds.Pop();
            }
            if (enteredItem) _comment = savedComment;
            if (enteredArticle) _article = savedArticle;
            if (enteredThread)
            {
                Flush();
                _thread = null;
                _comment = -1;
            }
        }

        private (BlockKind, int) KindOf(IElement e)
        {
            var top = _kinds.Peek();
            if (top.Kind is BlockKind.Quote or BlockKind.Caption or BlockKind.Preformatted) return top;
            return e.LocalName switch
            {
                "h1" => (BlockKind.Heading, 1), "h2" => (BlockKind.Heading, 2), "h3" => (BlockKind.Heading, 3),
                "h4" => (BlockKind.Heading, 4), "h5" => (BlockKind.Heading, 5), "h6" => (BlockKind.Heading, 6),
                "li" or "dt" or "dd" => (BlockKind.ListItem, 0),
                "blockquote" => (BlockKind.Quote, 0),
                "figcaption" or "caption" => (BlockKind.Caption, 0),
                "pre" => (BlockKind.Preformatted, 0),
                "tr" => (BlockKind.Table, 0),
                _ => top.Kind == BlockKind.Heading ? top : (top.Kind == BlockKind.ListItem || top.Kind == BlockKind.Table ? top : (BlockKind.Paragraph, 0)),
            };
        }

        private static bool IsArticle(IElement e)
        {
            if (e.LocalName == "article") return true;
            if (e.LocalName is not ("div" or "section")) return false;
            foreach (var t in Tokens(e)) if (t is "hentry" or "blogpost") return true;
            var cls = " " + (e.GetAttribute("class") ?? "").ToLowerInvariant() + " ";
            return PostClass.IsMatch(cls);
        }

        private static bool IsFurniture(IElement e)
        {
            if (e.LocalName is "body" or "html" or "main" or "article") return false;
            bool hit = false;
            foreach (var t in Tokens(e))
                if (FurnitureTokens.Contains(t)) { hit = true; break; }
            if (!hit) return false;
            // Never drop a wrapper that holds the content: an article, main, a heading or a comment thread.
            if (e.QuerySelector("article, main, h1") != null) return false;
            foreach (var d in e.Descendants<IElement>()) if (IsThread(d)) return false;
            return true;
        }

        private bool KeepHeader(IElement e)
        {
            for (var p = e.ParentElement; p != null; p = p.ParentElement)
                if (p.LocalName is "article" or "main" || IsArticle(p)) return true;
            return e.QuerySelector("h1") != null;
        }

        private void PrepareThread(IElement thread)
        {
            var cands = thread.Descendants<IElement>().Where(IsItemCandidate).ToList();
            var set = new HashSet<IElement>(cands);
            var items = new HashSet<IElement>();
            foreach (var c in cands)
                if (OwnsMeta(c, set)) items.Add(c);
            if (items.Count == 0)
                foreach (var c in cands)
                {
                    bool outer = true;
                    for (var p = c.ParentElement; p != null && p != thread; p = p.ParentElement)
                        if (set.Contains(p)) { outer = false; break; }
                    if (outer) items.Add(c);
                }
            _items = items;
            _candidates = set;
            _order = new Dictionary<IElement, int>();
            foreach (var c in cands) if (items.Contains(c)) _order[c] = _order.Count;
        }

        private static bool OwnsMeta(IElement item, HashSet<IElement> candidates)
        {
            var stack = new Stack<IElement>(item.Children);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (candidates.Contains(e)) continue;
                if (IsAuthorElement(e) || IsMetaElement(e) || FooterLine.IsMatch(Clean(e.TextContent))) return true;
                foreach (var c in e.Children) stack.Push(c);
            }
            return false;
        }

        private int StartComment(IElement item)
        {
            string? author = null, date = null;
            int? number = null;
            // Meta elements the item owns (not those of nested replies) give author and time and are not text.
            var stack = new Stack<IElement>(item.Children.Reverse());
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (_items.Contains(e)) continue;
                string text = Clean(e.TextContent);
                var footer = e.Children.Length == 0 || e.LocalName == "p" ? FooterLine.Match(text) : Match.Empty;
                if (footer.Success)
                {
                    author ??= footer.Groups["author"].Value.Trim();
                    date ??= DateText.Find(footer.Groups["date"].Value)?.Iso;
                    if (footer.Groups["num"].Success) number = int.Parse(footer.Groups["num"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    _metaSkip.Add(e);
                    continue;
                }
                if (author == null && IsAuthorElement(e) && text.Length is > 0 and <= 100)
                {
                    author = SaysSuffix.Replace(text, "").Trim();
                    _metaSkip.Add(e);
                    continue;
                }
                if (e.LocalName == "time" || IsMetaElement(e))
                {
                    if (date == null)
                    {
                        var t = e.LocalName == "time" ? e : e.QuerySelector("time");
                        date = DateText.Normalize(t?.GetAttribute("datetime")) ?? DateText.Find(text)?.Iso;
                    }
                    if (author == null)
                    {
                        var a = e.Descendants<IElement>().FirstOrDefault(IsAuthorElement);
                        if (a != null) author = SaysSuffix.Replace(Clean(a.TextContent), "").Trim();
                    }
                    // A meta element that holds the comment body itself is not skipped.
                    if (text.Length <= 200) { _metaSkip.Add(e); continue; }
                }
                foreach (var c in e.Children.Reverse()) stack.Push(c);
            }
            // Blogger's classic layout: <dt class="comment-author">NAME said...</dt><dd class="comment-body">…</dd>.
            if (author == null && item.PreviousElementSibling is { } prev && !_items.Contains(prev) && IsAuthorElement(prev))
            {
                string t = Clean(prev.TextContent);
                if (t.Length is > 0 and <= 100) author = SaysSuffix.Replace(t, "").Trim();
            }
            if (author != null && author.Length == 0) author = null;
            // Depth: enclosing comment elements that hold an earlier comment (the parent's own item).
            int depth = 0;
            for (var p = item.ParentElement; p != null && p != _thread; p = p.ParentElement)
                if (_candidates.Contains(p) && p.Descendants<IElement>().Any(d => d != item && _items.Contains(d) && _order[d] < _order[item])) depth++;
            int id = _page.Layout.Comments.Count;
            _page.Layout.Comments.Add(new LayoutComment(id, author, date, number, depth));
            return id;
        }

        private void AppendText(string s)
        {
            if (_pre > 0)
            {
                _inline.Append(s.Replace('\u00A0', ' '));
                return;
            }
            foreach (char c in s)
            {
                if (char.IsWhiteSpace(c) || c == '\u00A0')
                {
                    _pendingSpace = true;
                    continue;
                }
                if (_pendingSpace && _inline.Length > 0 && _inline[^1] != '\n') _inline.Append(' ');
                _pendingSpace = false;
                _inline.Append(c);
            }
        }

        private void AppendBreak()
        {
            while (_inline.Length > 0 && _inline[^1] == ' ') _inline.Length--;
            if (_inline.Length > 0) _inline.Append('\n');
            _pendingSpace = false;
        }

        private void Flush()
        {
            _pendingSpace = false;
            if (_inline.Length == 0) return;
            string s = _inline.ToString();
            _inline.Clear();
            // Trim each line; drop empty lines inside the block.
            var lines = s.Split('\n').Select(l => _pre > 0 ? l.TrimEnd() : l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) return;
            string block = string.Join('\n', lines);
            if (_text.Length > 0) _text.Append("\n\n");
            int start = _text.Length;
            _text.Append(block);
            var (kind, level) = _kinds.Peek();
            _page.Layout.Blocks.Add(new LayoutBlock(start, _text.Length, kind, level, _thread == null ? _article : -1,
                _thread == null ? -1 : (_comment >= 0 ? _comment : -2)));
        }
    }
}
