using Dyad.Model;
using Xunit;
using static Dyad.Tests.Segments.SegmentTestKit;

namespace Dyad.Tests.Segments;

public class SegmenterTests
{
    private const string Blog = """
        Monthly Archives: April 2024

        Convoy ambushed on the valley road

        April 22, 2024 at 7:45 pm

        Gunmen ambushed a militia convoy south of the town on Monday, two sources said.

        The army said it had arrested two suspects.


        Drones strike a depot near the border

        April 15, 2024 at 11:20 am

        Drones struck an ammunition depot near the border early on Sunday, a monitor said.


        Tribal leaders meet the governor

        April 3, 2024

        Tribal leaders met the governor on Wednesday to discuss the river crossings.
        """;

    [Fact]
    public void Dated_posts_are_separate_articles_with_headline_and_date()
    {
        var doc = Plain(Blog);
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        Assert.Equal(3, articles.Count);
        Assert.Equal(["Convoy ambushed on the valley road", "Drones strike a depot near the border", "Tribal leaders meet the governor"], articles.Select(a => a.Headline));
        Assert.Equal(["2024-04-22T19:45", "2024-04-15T11:20", "2024-04-03"], articles.Select(a => a.Date));
        Assert.StartsWith("Convoy ambushed", doc.Text(articles[0]));
        Assert.EndsWith("arrested two suspects.", doc.Text(articles[0]));
        var archive = doc.Covering("Monthly Archives");
        Assert.Equal(SegmentKind.Boilerplate, archive.Kind);
        Assert.False(archive.Analysed);
    }

    [Fact]
    public void Archive_month_dates_posts_without_a_date_line()
    {
        var doc = Plain("Monthly Archives: December 2015\n\nFirst headline of the month\n\nBy Sam Reyes –\n\nThe army shelled the town on Monday, the mayor said.\n");
        var article = doc.Covering("The army shelled");
        Assert.Equal("2015-12", article.Date);
        Assert.Equal("Sam Reyes", article.Author);
        Assert.Equal("First headline of the month", article.Headline);
        Assert.Equal(SegmentKind.Boilerplate, doc.Covering("By Sam Reyes").Kind);
    }

    [Fact]
    public void Dutch_weekday_dates_open_posts_with_the_headline_below()
    {
        var doc = Plain("""
            dinsdag 12 maart 2024

            Legerpatrouille beschoten bij de grens......

            Bij een dorp aan de grens is dinsdagochtend een patrouille beschoten, volgens lokale bronnen.

            zaterdag 2 maart 2024

            Opnieuw luchtaanvallen op de provincie

            De luchtmacht heeft zaterdag opnieuw doelen gebombardeerd, zeggen hulpverleners.

            Airstrikes hit a hospital in the province

            March 1, 2024 at 3:10 pm

            Jets bombed a hospital in the province on Friday, rescue workers said.
            """);
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        Assert.Equal(3, articles.Count);
        Assert.Equal(["2024-03-12", "2024-03-02", "2024-03-01T15:10"], articles.Select(a => a.Date));
        Assert.Equal("Legerpatrouille beschoten bij de grens......", articles[0].Headline);
        Assert.StartsWith("Legerpatrouille", doc.Text(articles[0]));   // the date line above is metadata
        Assert.Equal("Airstrikes hit a hospital in the province", articles[2].Headline);
        Assert.StartsWith("Airstrikes hit", doc.Text(articles[2]));
        Assert.Null(doc.At(doc.Text.IndexOf("dinsdag 12", StringComparison.Ordinal)));
    }

    private const string Thread = """
        Ceasefire collapses after three days

        The ceasefire collapsed on Sunday when government forces shelled the town, activists said.

        Rebel commanders accused the army of breaking the truce.
        The truce never stood a chance.
        Posted by: harbor_watch | Mar 18, 2024 6:12:44 AM | 1
        Both sides say the other started it.
        Posted by: Anneke | Mar 18, 2024 6:40:03 AM | 2
        @1 I agree.
        harbor_watch | Mar 18, 2024 6:12:44 AM | 1
        The army moved tanks to the front on Friday, reportedly.
        Posted by: P. Lindqvist | Mar 18, 2024 7:02:51 AM | 3
        """;

    [Fact]
    public void Footer_threads_give_one_comment_per_footer_with_the_text_above_it()
    {
        var doc = Plain(Thread);
        var comments = doc.Segments.Where(s => s.Kind == SegmentKind.Comment).ToList();
        Assert.Equal(3, comments.Count);
        Assert.Equal([1, 2, 3], comments.Select(c => c.Number!.Value));
        Assert.Equal(["harbor_watch", "Anneke", "P. Lindqvist"], comments.Select(c => c.Author));
        Assert.Equal("2024-03-18T06:12:44", comments[0].Date);
        Assert.Equal("The truce never stood a chance.", doc.Text(comments[0]));
        Assert.Equal("Both sides say the other started it.", doc.Text(comments[1]));
        // A quoted footer inside a comment is text of that comment.
        Assert.StartsWith("@1 I agree.", doc.Text(comments[2]));
        Assert.EndsWith("reportedly.", doc.Text(comments[2]));
        var article = Assert.Single(doc.Segments, s => s.Kind == SegmentKind.Article);
        Assert.EndsWith("breaking the truce.", doc.Text(article));
        Assert.DoesNotContain("Posted by", string.Concat(doc.Segments.Select(s => doc.Text(s))));
        Assert.Equal("Ceasefire collapses after three days", article.Headline);
    }

    [Fact]
    public void A_thread_heading_marks_where_the_first_comment_begins()
    {
        var doc = Plain("""
            Headline of the post

            The army said it repelled an attack on the base.

            12 comments

            First comment, paragraph one.

            First comment, paragraph two.

            Posted by: Mira | Oct 5, 2017 3:55:27 AM | 1

            Second comment.

            Posted by: Jan | Oct 5, 2017 4:00:00 AM | 2
            """);
        var first = Assert.Single(doc.Segments, s => s.Number == 1);
        Assert.Equal("First comment, paragraph one.\n\nFirst comment, paragraph two.", doc.Text(first));
        Assert.EndsWith("attack on the base.", doc.Text(doc.Segments[0]));
    }

    [Fact]
    public void Header_threads_take_the_text_below_each_header()
    {
        var doc = Plain("""
            Headline of the post

            The army said it repelled an attack on the base.

            Mira says:
            October 5, 2017 at 3:55 am
            They always say that.
            Jan de Wit zegt:
            Volgens mij klopt dat niet.
            Nog een zin.
            Leave a Reply
            """);
        var comments = doc.Segments.Where(s => s.Kind == SegmentKind.Comment).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Equal(("Mira", "2017-10-05T03:55", "They always say that."), (comments[0].Author, comments[0].Date, doc.Text(comments[0])));
        Assert.Equal(("Jan de Wit", "Volgens mij klopt dat niet.\nNog een zin."), (comments[1].Author, doc.Text(comments[1])));
        Assert.Equal(SegmentKind.Boilerplate, doc.Covering("Leave a Reply").Kind);
    }

    [Fact]
    public void Boilerplate_lines_are_kept_but_not_analysed()
    {
        var doc = Plain("""
            Rockets hit the base

            Rockets hit a base in the east on Tuesday, the coalition said.
            Map by A. Cartographer - bigger
            The coalition accused a militia of the attack.
            Illustrative image. Source: a defence ministry.
            The militia denied any role.
            Related Videos
            Rockets over the desert
            Interview with an analyst
            The views expressed in this article do not necessarily reflect those of this site.
            ByNews Desk-
            A second report, on a different strike, follows here in full.
            """);
        foreach (var line in new[] { "Map by", "Illustrative image", "Related Videos", "Rockets over the desert", "Interview with", "The views expressed", "ByNews Desk-" })
        {
            var s = doc.Covering(line);
            Assert.Equal(SegmentKind.Boilerplate, s.Kind);
            Assert.False(s.Analysed);
        }
        foreach (var line in new[] { "Rockets hit a base", "The coalition accused", "The militia denied" })
            Assert.Equal(SegmentKind.Article, doc.Covering(line).Kind);
        Assert.Equal("Rockets hit the base", doc.Covering("The militia denied").Headline);
        // After the disclaimer and the byline a new article begins, with the byline's author.
        var second = doc.Covering("A second report");
        Assert.Equal("News Desk", second.Author);
        Assert.Null(second.Headline);
    }

    private const string Para = "The coalition said its air defences intercepted one drone and that a second drone exploded near the perimeter without causing casualties.";

    [Fact]
    public void A_repeated_paragraph_is_stored_once_with_its_copy_count()
    {
        var doc = Plain($"""
            Drone attack on the base

            An armed group said on Tuesday that its drones attacked a base in the desert.

            {Para}

            Iran rejected the accusation.

            {Para}

            A short line.

            A short line.

            The militia repeated its threat on Wednesday.

            {Para}
            """);
        int first = doc.Text.IndexOf(Para, StringComparison.Ordinal);
        var seg = doc.At(first)!;
        Assert.Equal(3, seg.Copies);
        Assert.Equal(Para, doc.Text(seg));
        int second = doc.Text.IndexOf(Para, first + 1, StringComparison.Ordinal);
        Assert.Null(doc.At(second));
        Assert.Null(doc.At(doc.Text.LastIndexOf(Para, StringComparison.Ordinal)));
        // Short repeated lines are not collapsed.
        int shortLine = doc.Text.IndexOf("A short line.", StringComparison.Ordinal);
        Assert.NotNull(doc.At(doc.Text.IndexOf("A short line.", shortLine + 1, StringComparison.Ordinal)));
        Assert.Equal(1, doc.Covering("Iran rejected").Copies);
    }

    [Fact]
    public void A_repeated_run_of_paragraphs_is_one_segment_with_copies_two()
    {
        string block = "First paragraph of the stitched article, about talks between two capitals on a ceasefire line.\n"
            + "Short heading\n"
            + "Second paragraph of it, in which a minister said the army would withdraw from the border villages.";
        var doc = Plain("Opening text of the page, a report that the army shelled a village near the river.\n" + block + "\n" + block
            + "\nA closing paragraph that only appears once on the whole page, about aid convoys.");
        var seg = doc.Covering("First paragraph of the stitched");
        Assert.Equal(2, seg.Copies);
        Assert.Equal(block, doc.Text(seg));
        Assert.Null(doc.At(doc.Text.LastIndexOf("Short heading", StringComparison.Ordinal)));
        Assert.Equal(1, doc.Covering("A closing paragraph").Copies);
    }

    [Fact]
    public void A_near_duplicate_article_is_dropped_and_counted()
    {
        var rng = new Random(7);
        string[] words = ["army", "town", "said", "the", "forces", "attack", "river", "border", "officials", "village", "troops", "convoy", "rebels", "night", "fire"];
        string body = string.Join(" ", Enumerable.Range(0, 120).Select(_ => words[rng.Next(words.Length)])) + ".";
        int at = body.IndexOf("convoy", StringComparison.Ordinal);
        string changed = body[..at] + "column" + body[(at + "convoy".Length)..];   // one word differs
        var doc = Plain($"First version of the story\n\nOct 5, 2017\n\n{body}\n\nSecond version of the story\n\nOct 6, 2017\n\n{changed}\n");
        var article = doc.Covering(body[..40]);
        Assert.Equal(2, article.Copies);
        Assert.Null(doc.At(doc.Text.IndexOf("Second version", StringComparison.Ordinal) + changed.Length / 2 + 30));
        Assert.DoesNotContain(doc.Segments, s => s.Headline == "Second version of the story");
    }

    [Fact]
    public void A_long_archive_keeps_every_post_and_finds_the_one_near_copy()
    {
        var rng = new Random(11);
        string[] words = ["army", "town", "said", "the", "forces", "attack", "river", "border", "officials", "village", "troops", "convoy", "rebels", "night", "fire", "north", "south", "bridge"];
        string Body() => string.Join(" ", Enumerable.Range(0, 70).Select(_ => words[rng.Next(words.Length)])) + ".";
        var sb = new System.Text.StringBuilder();
        string repeated = Body();
        for (int i = 0; i < 400; i++)
        {
            string body = i is 100 or 300 ? repeated + (i == 300 ? " Updated." : "") : Body();
            sb.Append($"Post number {i} of the archive\n\nOct {1 + i % 28}, {2000 + i / 28}\n\n{body}\n\n");
        }
        var doc = Plain(sb.ToString());
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        Assert.Equal(399, articles.Count);
        Assert.Equal(2, Assert.Single(articles, a => a.Headline == "Post number 100 of the archive").Copies);
        Assert.DoesNotContain(articles, a => a.Headline == "Post number 300 of the archive");
        Assert.Equal(398, articles.Count(a => a.Copies == 1));
    }

    [Fact]
    public void Arabic_text_is_ar_and_not_analysed()
    {
        var doc = Plain("The army said it shelled positions near the river on Monday.\n"
            + "قالت مصادر محلية إن القصف استهدف مواقع قرب النهر يوم الاثنين الماضي\n"
            + "Rebels denied the report and said no fighters were there.");
        var ar = doc.Covering("قالت");
        Assert.Equal("ar", ar.Language);
        Assert.False(ar.Analysed);
        Assert.Equal(SegmentKind.Article, ar.Kind);
        Assert.True(doc.Covering("Rebels denied").Analysed);
        Assert.NotSame(ar, doc.Covering("Rebels denied"));
    }

    [Fact]
    public void A_forced_language_applies_to_every_segment()
    {
        var doc = Plain(Thread, lang: "nl");
        Assert.All(doc.Segments, s => Assert.Equal("nl", s.Language));
        Assert.All(doc.Segments.Where(s => s.Kind != SegmentKind.Boilerplate), s => Assert.True(s.Analysed));
    }

    [Fact]
    public void Html_comments_quotes_and_captions_become_segments()
    {
        var doc = Html("""
            <html><head><meta property="article:published_time" content="2024-03-14T09:30:00Z"><meta name="author" content="Dana Keller"></head><body>
            <article><h1>Shelling near the harbor</h1>
            <p>Artillery shelled two villages on Wednesday night, officials said.</p>
            <figure><figcaption>Map of the district. Source: the site</figcaption></figure>
            <p>The defence ministry denied that its troops attacked civilians.</p>
            <blockquote><p>"We will not accept attacks on our villages," a council member said.</p></blockquote>
            </article>
            <section id="comments"><h2>2 comments</h2><ol>
              <li class="comment"><div class="comment-author"><cite>&lt;Marek&gt; "the watcher"</cite> says:</div><time datetime="2024-03-14T11:02">11:02</time><div class="comment-text"><p>The ministry always denies it.</p></div></li>
              <li class="comment"><div class="comment-author"><cite>Omar</cite></div><time datetime="2024-03-15T08:15">08:15</time><div class="comment-text"><p>Nobody listened.</p></div></li>
            </ol></section></body></html>
            """);
        var comments = doc.Segments.Where(s => s.Kind == SegmentKind.Comment).ToList();
        Assert.Equal(["<Marek> \"the watcher\"", "Omar"], comments.Select(c => c.Author));
        Assert.Equal([1, 2], comments.Select(c => c.Number!.Value));
        Assert.Equal("2024-03-14T11:02", comments[0].Date);
        Assert.Equal("The ministry always denies it.", doc.Text(comments[0]));
        Assert.Equal(SegmentKind.Quote, doc.Covering("\"We will not").Kind);
        Assert.Equal(SegmentKind.Boilerplate, doc.Covering("Map of the district").Kind);
        var article = doc.Covering("Artillery shelled");
        Assert.Equal(SegmentKind.Article, article.Kind);
        Assert.Equal("Shelling near the harbor", article.Headline);
        Assert.Equal("Dana Keller", article.Author);
        Assert.Equal("2024-03-14T09:30:00", article.Date);
        Assert.Null(doc.At(doc.Text.IndexOf("2 comments", StringComparison.Ordinal)));
    }

    [Fact]
    public void Html_articles_are_separate_posts()
    {
        var doc = Html("""
            <html><body>
            <article><h2>First post</h2><p><time datetime="2024-01-02">2 January 2024</time></p><p>The army attacked the town, a monitor said.</p></article>
            <article><h2>Second post</h2><p>Rebels shelled the airport, state media said.</p></article>
            </body></html>
            """);
        Assert.Equal("First post", doc.Covering("The army attacked").Headline);
        Assert.Equal("Second post", doc.Covering("Rebels shelled").Headline);
        Assert.Equal("2024-01-02", doc.Covering("The army attacked").Date);
    }
}
