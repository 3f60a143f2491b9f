using Dyad.Documents;
using Xunit;

namespace Dyad.Tests.Documents;

public class HtmlExtractorTests
{
    [Fact]
    public void Keeps_blocks_and_drops_page_furniture()
    {
        var page = HtmlExtractor.Extract("""
            <html><head><style>p { color: red }</style><script>track()</script></head><body>
            <header class="site-header"><a href="/">Site name</a></header>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="main-menu">Menu entries</div>
            <main>
              <h1>Troops cross the river</h1>
              <p>Government   troops crossed the river on Monday,
                 a spokesman <b>said</b>.</p>
              <p style="display:none">hidden text</p>
              <ul><li>First point</li><li>Second point</li></ul>
              <blockquote><p>We will hold the bridge.</p></blockquote>
              <p>Line one<br>line two</p>
              <form><input name="q"><button>Search</button></form>
              <div class="share-buttons">Share on a network</div>
            </main>
            <aside>Most read: something else</aside>
            <footer>Copyright notice</footer>
            <noscript>Enable scripts</noscript>
            </body></html>
            """);
        Assert.Equal("Troops cross the river\n\nGovernment troops crossed the river on Monday, a spokesman said.\n\nFirst point\n\nSecond point\n\n"
            + "We will hold the bridge.\n\nLine one\nline two", page.Text);
        var kinds = page.Layout.Blocks.Select(b => b.Kind).ToArray();
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.Quote, BlockKind.Paragraph], kinds);
        Assert.Equal(1, page.Layout.Blocks[0].Level);
        foreach (var b in page.Layout.Blocks) Assert.Equal(b.End - b.Start, page.Text[b.Start..b.End].Length);
        Assert.Equal("Troops cross the river", page.Text[page.Layout.Blocks[0].Start..page.Layout.Blocks[0].End]);
    }

    [Fact]
    public void Reads_title_and_published_date_from_the_markup()
    {
        var og = HtmlExtractor.Extract("""<html><head><title>T | Site</title><meta property="og:title" content="OG title"><meta property="article:published_time" content="2017-10-05T08:00:00+02:00"><meta property="og:site_name" content="Site"><link rel="canonical" href="https://site.example/a"></head><body><p>Text.</p></body></html>""");
        Assert.Equal("OG title", og.Title);
        Assert.Equal("2017-10-05T08:00:00", og.Published);
        Assert.Equal("Site", og.Source);
        Assert.Equal("https://site.example/a", og.Uri);

        var ld = HtmlExtractor.Extract("""<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","datePublished":"2018-02-08","author":{"name":"Jan de Wit"}}</script></head><body><p>Tekst.</p></body></html>""");
        Assert.Equal("LD headline", ld.Title);
        Assert.Equal("2018-02-08", ld.Published);
        Assert.Equal("Jan de Wit", ld.Author);

        var time = HtmlExtractor.Extract("""<html><head><title>Plain title</title></head><body><article><h1>Heading</h1><time datetime="2024-03-01T15:10">1 March</time><p>Body.</p></article></body></html>""");
        Assert.Equal("Plain title", time.Title);
        Assert.Equal("2024-03-01T15:10", time.Published);

        var h1 = HtmlExtractor.Extract("<html><body><h1>Only a heading</h1><p>Body <time>October 3, 2017</time>.</p></body></html>");
        Assert.Equal("Only a heading", h1.Title);
        Assert.Equal("2017-10-03", h1.Published);
    }

    [Fact]
    public void A_wordpress_thread_gives_one_comment_per_item_with_author_time_and_escaped_names()
    {
        var page = HtmlExtractor.Extract("""
            <html><body><article><h1>Post</h1><p>The army shelled the market, residents said.</p></article>
            <div id="comments"><h2>2 comments</h2><ol class="comment-list">
              <li id="comment-1" class="comment"><article class="comment-body">
                <footer class="comment-meta"><span class="comment-author vcard"><b class="fn">&lt;Marek&gt; "the watcher"</b> <span class="says">says:</span></span>
                <div class="comment-metadata"><time datetime="2024-03-14T11:02:00+02:00">March 14, 2024 at 11:02 am</time></div></footer>
                <div class="comment-content"><p>The ministry denies everything.</p></div>
                <div class="reply"><a href="#">Reply</a></div></article>
                <ol class="children"><li id="comment-2" class="comment"><article class="comment-body">
                  <footer class="comment-meta"><span class="comment-author"><b class="fn">Lena</b> says:</span><time datetime="2024-03-14T12:40">12:40</time></footer>
                  <div class="comment-content"><p>Rebels attacked first.</p></div></article></li></ol>
              </li></ol>
              <div id="respond"><form><textarea></textarea></form></div>
            </div></body></html>
            """);
        var comments = page.Layout.Comments;
        Assert.Equal(2, comments.Count);
        Assert.Equal("<Marek> \"the watcher\"", comments[0].Author);
        Assert.Equal("2024-03-14T11:02:00", comments[0].Date);
        Assert.Equal("Lena", comments[1].Author);
        Assert.Equal(1, comments[1].Depth);
        string Texts(int id) => string.Join("|", page.Layout.Blocks.Where(b => b.Comment == id).Select(b => page.Text[b.Start..b.End]));
        Assert.Equal("The ministry denies everything.", Texts(0));
        Assert.Equal("Rebels attacked first.", Texts(1));
        Assert.DoesNotContain("says", page.Text);
        Assert.DoesNotContain("Reply", page.Text);
        Assert.Contains(page.Layout.Blocks, b => b.Comment == -2 && page.Text[b.Start..b.End] == "2 comments");
    }

    [Fact]
    public void A_typepad_thread_takes_author_date_and_number_from_the_footer()
    {
        var page = HtmlExtractor.Extract("""
            <html><body><div class="entry-content"><p>Post text about the strikes.</p></div>
            <div class="comments-content">
              <div class="comment" id="c1"><div class="comment-content"><p>First reply here.</p></div>
                <p class="comment-footer">Posted by: mira_k | Oct 5, 2017 3:55:27 AM | 1</p></div>
              <div class="comment" id="c2"><div class="comment-content"><p>Second reply.</p><p>Two paragraphs.</p></div>
                <p class="comment-footer">Posted by: Jan | Oct 5, 2017 4:10:00 AM | 2</p></div>
            </div></body></html>
            """);
        Assert.Equal(2, page.Layout.Comments.Count);
        Assert.Equal(("mira_k", "2017-10-05T03:55:27", (int?)1), (page.Layout.Comments[0].Author, page.Layout.Comments[0].Date, page.Layout.Comments[0].Number));
        Assert.Equal(2, page.Layout.Comments[1].Number);
        Assert.DoesNotContain("Posted by", page.Text);
        Assert.Equal(2, page.Layout.Blocks.Count(b => b.Comment == 1));
    }

    [Fact]
    public void A_sidebar_widget_of_recent_comments_is_not_a_thread()
    {
        var page = HtmlExtractor.Extract("""
            <html><body><main><p>Main text.</p></main>
            <div id="recent-comments-2" class="widget widget_recent_comments"><ul><li class="recentcomments">Someone on Post</li></ul></div>
            </body></html>
            """);
        Assert.Equal("Main text.", page.Text);
        Assert.Empty(page.Layout.Comments);
    }

    [Fact]
    public void Declared_windows_1252_is_read_without_a_warning()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>caf?</p></body></html>");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9;
        Assert.Equal("windows-1252", HtmlExtractor.DeclaredCharset(bytes));
        var r = TextDecoder.Decode(bytes, HtmlExtractor.DeclaredCharset(bytes));
        Assert.Null(r.Warning);
        Assert.Contains("café", r.Text);
    }
}
