using Dyad.Documents;
using Dyad.Model;
using Dyad.Pipeline;
using Dyad.Segments;
using Xunit;

namespace Dyad.Tests.Segments;

internal static class SegmentTestKit
{
    public static Document Plain(string text, string lang = "auto")
    {
        var doc = new Document { Text = text, Path = "test.txt" };
        new Segmenter(new PipelineOptions { Lang = lang }).Process(doc);
        CheckInvariants(doc);
        return doc;
    }

    public static Document Html(string html)
    {
        var page = HtmlExtractor.Extract(html);
        var doc = new Document { Text = page.Text, Path = "test.html", Format = "html", Title = page.Title, Published = page.Published, Author = page.Author };
        PageLayout.Attach(doc, page.Layout);
        new Segmenter().Process(doc);
        CheckInvariants(doc);
        return doc;
    }

    public static Document File(string path)
    {
        var reader = new DocumentReader();
        var skipped = new List<SkippedInput>();
        var item = Assert.Single(reader.Enumerate([path], skipped));
        var doc = Assert.Single(reader.Read(item, skipped));
        Assert.Empty(skipped);
        new Segmenter().Process(doc);
        CheckInvariants(doc);
        return doc;
    }

    /// <summary>Segments are ordered, inside the text, non-empty, trimmed and do not overlap; indices are 0..n-1.</summary>
    public static void CheckInvariants(Document doc)
    {
        int prevEnd = 0;
        for (int i = 0; i < doc.Segments.Count; i++)
        {
            var s = doc.Segments[i];
            Assert.Equal(i, s.Index);
            Assert.True(s.Start >= prevEnd, $"segment {i} overlaps the one before");
            Assert.True(s.End > s.Start && s.End <= doc.Text.Length, $"segment {i} span [{s.Start},{s.End})");
            Assert.False(char.IsWhiteSpace(doc.Text[s.Start]) || char.IsWhiteSpace(doc.Text[s.End - 1]), $"segment {i} is not trimmed");
            Assert.True(s.Copies >= 1);
            if (s.Kind == SegmentKind.Boilerplate) Assert.False(s.Analysed);
            prevEnd = s.End;
        }
    }

    public static string Text(this Document doc, Segment s) => s.GetText(doc);

    /// <summary>The segment that covers character offset <paramref name="at"/>, or null.</summary>
    public static Segment? At(this Document doc, int at) => doc.Segments.FirstOrDefault(s => s.Start <= at && at < s.End);

    public static Segment Covering(this Document doc, string fragment)
    {
        int at = doc.Text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{fragment}' not in the text");
        return doc.At(at) ?? throw new Xunit.Sdk.XunitException($"'{fragment}' is in no segment");
    }
}
