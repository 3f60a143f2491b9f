using System.Text.RegularExpressions;
using Dyad.Model;
using Xunit;
using static Dyad.Tests.Segments.SegmentTestKit;

namespace Dyad.Tests.Segments;

/// <summary>
/// Acceptance on the five seed pages in ../shared/seeds (read by path; their text is not copied here —
/// the tests assert on structure, counts and short facts such as author names).
/// </summary>
public class SeedPageTests
{
    private static Document Seed(string prefix)
    {
        string dir = SharedData.PathTo("seeds")!;
        string path = Directory.GetFiles(dir, prefix + "_*.txt").Single();
        return File(path);
    }

    /// <summary>Offsets of the non-empty lines of a document's text, with the (trimmed) line.</summary>
    private static IEnumerable<(int At, string Line)> Lines(Document doc)
    {
        int pos = 0;
        foreach (var raw in doc.Text.Split('\n'))
        {
            var t = raw.Trim();
            if (t.Length > 0) yield return (pos + raw.IndexOf(t, StringComparison.Ordinal), t);
            pos += raw.Length + 1;
        }
    }

    [SharedFact]
    public void Seed_003_is_one_article_and_28_numbered_comments()
    {
        var doc = Seed("003");
        var comments = doc.Segments.Where(s => s.Kind == SegmentKind.Comment).ToList();
        Assert.Equal(28, comments.Count);
        Assert.Equal(Enumerable.Range(1, 28), comments.Select(c => c.Number!.Value));
        Assert.Equal("mcohen", comments[0].Author);
        Assert.Equal("Jen", comments[1].Author);
        Assert.Equal("ab initio", comments[3].Author);
        Assert.Equal("V. Arnold", comments[7].Author);
        Assert.Equal("gut bugs galore", comments[20].Author);
        Assert.Equal("Freespirit", comments[27].Author);
        Assert.All(comments, c => Assert.StartsWith("2017-10-05T", c.Date));
        Assert.Equal("2017-10-05T03:55:27", comments[0].Date);

        // The article (cut only around its map caption) ends before the first comment and holds no comment text.
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        Assert.InRange(articles.Count, 1, 2);
        Assert.All(articles, a => Assert.True(a.End <= comments[0].Start));
        Assert.Single(articles.Select(a => a.Headline).Distinct());
        Assert.Equal(0, articles[0].Start);
        string articleText = string.Join("\n", articles.Select(a => doc.Text(a)));
        Assert.DoesNotContain("Posted by:", articleText);
        Assert.All(comments, c => Assert.DoesNotContain(articles, a => a.Start < c.End && c.Start < a.End));
        // Between the first article line and the first comment only the caption is not article text.
        var between = doc.Segments.Where(s => s.End <= comments[0].Start && s.Kind != SegmentKind.Article).ToList();
        var caption = Assert.Single(between);
        Assert.Equal(SegmentKind.Boilerplate, caption.Kind);
        Assert.Matches(@"^Map by .* - bigger$", doc.Text(caption));
        // The article runs up to the line just before the first comment (that one line is comment 1).
        Assert.Equal(comments[0].Start - 1, articles[^1].End);
    }

    [SharedFact]
    public void Seed_002_dated_posts_and_the_embedded_english_articles_are_separate_segments()
    {
        var doc = Seed("002");
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        var dutchDates = new[] { "2018-02-08", "2017-10-04", "2017-09-14", "2017-06-23" };
        var englishDates = new[] { "2017-10-03T12:58", "2017-09-13T09:56", "2017-06-21T12:56" };
        var headlines = new HashSet<string?>();
        foreach (var d in dutchDates.Concat(englishDates))
        {
            var post = articles.Where(a => a.Date == d).ToList();
            Assert.NotEmpty(post);
            Assert.Single(post.Select(p => p.Headline).Distinct());
            Assert.True(headlines.Add(post[0].Headline), $"posts dated {d} share a headline with another post");
        }
        // Each Dutch post starts with its headline, right after its date line.
        foreach (var d in dutchDates)
        {
            var first = articles.First(a => a.Date == d);
            Assert.StartsWith(first.Headline!, doc.Text(first));
        }
    }

    [SharedFact]
    public void Seed_002_dutch_posts_are_nl_and_the_english_article_is_en()
    {
        // Needs the real language identifier (the lid helper's branch); the stub says "en" for everything.
        var doc = Seed("002");
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        foreach (var d in new[] { "2018-02-08", "2017-10-04", "2017-09-14", "2017-06-23" })
        {
            var post = articles.First(a => a.Date == d);
            Assert.Equal("nl", post.Language);
            Assert.True(post.Analysed);
        }
        foreach (var d in new[] { "2017-10-03T12:58", "2017-09-13T09:56", "2017-06-21T12:56" })
        {
            var main = articles.Where(a => a.Date == d).OrderByDescending(a => a.End - a.Start).First();
            Assert.Equal("en", main.Language);
        }
    }

    [SharedFact]
    public void Seed_001_repeated_blocks_are_stored_once_with_copies_two()
    {
        var doc = Seed("001");
        var lines = Lines(doc).ToList();
        // Long lines that occur exactly twice: the first copy sits in a segment with copies 2, the second in none.
        var twice = lines.Where(l => l.Line.Length >= 100).GroupBy(l => l.Line).Where(g => g.Count() == 2).ToList();
        Assert.True(twice.Count >= 40, $"only {twice.Count} repeated lines");
        foreach (var g in twice)
        {
            var first = doc.At(g.First().At);
            Assert.NotNull(first);
            if (first!.Kind == SegmentKind.Boilerplate) continue;
            Assert.Equal(2, first.Copies);
            Assert.Null(doc.At(g.Last().At));
        }
        // One repeated block is a whole stitched-in article of more than 5,000 characters.
        Assert.Contains(doc.Segments, s => s.Copies == 2 && s.End - s.Start > 5000);
    }

    [SharedFact]
    public void Seed_001_arabic_text_is_ar_and_not_analysed()
    {
        var doc = Seed("001");
        var arabic = Lines(doc).Where(l => Regex.IsMatch(l.Line, @"^[\u0600-\u06FF]")).ToList();
        Assert.NotEmpty(arabic);
        foreach (var (at, _) in arabic)
        {
            var s = doc.At(at)!;
            Assert.Equal("ar", s.Language);
            Assert.False(s.Analysed);
        }
        // The English text around it stays analysable.
        Assert.True(doc.At(arabic[0].At - 5)!.Analysed);
    }

    [SharedFact]
    public void Seed_000_archive_articles_are_separate_segments()
    {
        var doc = Seed("000");
        var articles = doc.Segments.Where(s => s.Kind == SegmentKind.Article).ToList();
        var headlines = articles.Select(a => a.Headline).Where(h => h != null).Distinct().ToList();
        Assert.True(headlines.Count >= 6, $"{headlines.Count} articles");
        Assert.All(articles, a => Assert.Equal("2015-12", a.Date));
        Assert.All(articles, a => Assert.Equal("Elijah J. Magnier", a.Author));
        // Every headline opens its own segment.
        foreach (var h in headlines) Assert.Contains(articles, a => doc.Text(a).StartsWith(h!, StringComparison.Ordinal));
        Assert.Equal(SegmentKind.Boilerplate, doc.Segments[0].Kind);
    }

    [SharedTheory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void Listed_boilerplate_lines_are_marked_and_not_analysed(string seed)
    {
        var doc = Seed(seed);
        var patterns = new[]
        {
            @"^Map by .* - bigger$", @"^Illustrative image\. Source:", @"^Related Videos$", @"^The views expressed in this article do not necessarily reflect",
            @"^ByNews Desk-$", @"^Published article", @"^Original article", @"^Written\s+by\s", @"^By\s+[A-Z][a-z]+\s", @"^Click to see full-size image",
        };
        int found = 0;
        foreach (var (at, line) in Lines(doc))
        {
            if (!patterns.Any(p => Regex.IsMatch(line, p)) || line.Length > 150) continue;
            found++;
            var s = doc.At(at);
            Assert.True(s != null && s.Kind == SegmentKind.Boilerplate && !s.Analysed, $"'{line}' is not marked boilerplate");
        }
        Assert.True(found > 0);
    }

    [SharedFact]
    public void Seed_004_is_one_article_with_its_headline()
    {
        var doc = Seed("004");
        var s = Assert.Single(doc.Segments);
        Assert.Equal(SegmentKind.Article, s.Kind);
        Assert.Equal(doc.Text.Split('\n')[0], s.Headline);
    }
}
