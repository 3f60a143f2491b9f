using Dyad.Documents;
using Dyad.Model;
using Dyad.Segments;
using Xunit;

namespace Dyad.Tests.Segments;

/// <summary>The demo corpus in samples/ reads without problems and has the structure it was written to show.</summary>
public class SamplesTests
{
    private static List<Document> ReadSamples(out List<SkippedInput> skipped)
    {
        var reader = new DocumentReader();
        skipped = new List<SkippedInput>();
        var docs = new List<Document>();
        foreach (var item in reader.Enumerate([Path.Combine(SharedData.RepoRoot, "samples")], skipped).ToList())
            foreach (var d in reader.Read(item, skipped))
            {
                new Segmenter().Process(d);
                SegmentTestKit.CheckInvariants(d);
                docs.Add(d);
            }
        return docs;
    }

    [Fact]
    public void Samples_read_cleanly_and_show_each_structure()
    {
        var docs = ReadSamples(out var skipped);
        Assert.Empty(skipped);
        Assert.InRange(docs.Select(d => d.Path!.Split(':', '[')[0]).Distinct().Count(), 6, 10);
        Assert.Contains(docs, d => d.Format == "jsonl");
        Assert.Contains(docs, d => d.Format == "json");
        Assert.All(docs, d => Assert.Empty(d.Warnings));

        var html = docs.Single(d => d.Path!.EndsWith("harbor-clashes-comments.html", StringComparison.Ordinal));
        Assert.Contains(html.Segments, s => s.Kind == SegmentKind.Comment && s.Author == "<Marek> \"the watcher\"");
        Assert.Equal("2024-03-14T09:30:00", html.Published);

        var blog = docs.Single(d => d.Path!.EndsWith("river-valley-blog-archive.txt", StringComparison.Ordinal));
        Assert.Equal(3, blog.Segments.Count(s => s.Kind == SegmentKind.Article && s.Date != null && s.Headline != null));

        var repeats = docs.Single(d => d.Path!.EndsWith("wire-roundup-repeats.txt", StringComparison.Ordinal));
        Assert.Contains(repeats.Segments, s => s.Copies == 2);
        Assert.Contains(repeats.Segments, s => s.Kind == SegmentKind.Boilerplate);

        var thread = docs.Single(d => d.Path!.EndsWith("ceasefire-post-with-comments.txt", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3, 4], thread.Segments.Where(s => s.Kind == SegmentKind.Comment).Select(s => s.Number!.Value));

        Assert.Contains(docs, d => d.Path!.EndsWith("grensstreek-blog.txt", StringComparison.Ordinal) && d.Segments.Count(s => s.Date != null) >= 3);
    }
}
