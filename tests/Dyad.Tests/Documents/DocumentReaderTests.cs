using System.Text;
using Dyad.Documents;
using Dyad.Model;
using Xunit;

namespace Dyad.Tests.Documents;

/// <summary>The reader on files written to a temporary folder: formats, decodings and each kind of bad input.</summary>
public class DocumentReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dyad-reader-" + Guid.NewGuid().ToString("N")[..8]);

    public DocumentReaderTests() => Directory.CreateDirectory(_dir);
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string Write(string name, byte[] bytes)
    {
        string p = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static (List<Document> Docs, List<SkippedInput> Skipped) ReadAll(DocumentReader reader, params string[] paths)
    {
        var skipped = new List<SkippedInput>();
        var docs = new List<Document>();
        foreach (var item in reader.Enumerate(paths, skipped).ToList())
            docs.AddRange(reader.Read(item, skipped));
        return (docs, skipped);
    }

    private static (List<Document> Docs, List<SkippedInput> Skipped) ReadAll(params string[] paths) => ReadAll(new DocumentReader(), paths);

    [Fact]
    public void Text_file_with_crlf_line_ends_and_a_bom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("First line.\r\nSecond line.\rThird.")).ToArray();
        var (docs, skipped) = ReadAll(Write("a.txt", bytes));
        Assert.Empty(skipped);
        var d = Assert.Single(docs);
        Assert.Equal("First line.\nSecond line.\nThird.", d.Text);
        Assert.Equal("txt", d.Format);
        Assert.Equal(DocumentReader.ContentId(d.Text), d.Id);
        Assert.Empty(d.Warnings);
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Utf16_with_and_without_bom(string kind)
    {
        const string text = "Rebels said the army shelled Kafr Salam — één dorp.";
        bool be = kind.Contains("be");
        var enc = new UnicodeEncoding(bigEndian: be, byteOrderMark: false);
        var bytes = enc.GetBytes(text);
        if (kind.EndsWith("bom")) bytes = (be ? new byte[] { 0xFE, 0xFF } : new byte[] { 0xFF, 0xFE }).Concat(bytes).ToArray();
        var (docs, skipped) = ReadAll(Write("u.txt", bytes));
        Assert.Empty(skipped);
        Assert.Equal(text, Assert.Single(docs).Text);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_with_a_warning()
    {
        // "café “quoted” €5" in Windows-1252.
        var bytes = new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20, 0x80, 0x35 };
        var (docs, skipped) = ReadAll(Write("w.txt", bytes));
        Assert.Empty(skipped);
        var d = Assert.Single(docs);
        Assert.Equal("café “quoted” €5", d.Text);
        Assert.Contains(d.Warnings, w => w.Contains("Windows-1252") && w.Contains("UTF-8"));
    }

    [Fact]
    public void Each_bad_input_is_one_skipped_entry_with_a_reason()
    {
        var binary = new byte[150];
        new Random(3).NextBytes(binary);
        binary[7] = 0;
        string empty = Write("empty.txt", []);
        string blank = Write("blank.txt", "  \n\t\n ");
        string bin = Write("binary.txt", binary);
        string pdf = Write("paper.txt", Encoding.ASCII.GetBytes("%PDF-1.7 something"));
        string big = Write("big.txt", new string('a', 300) + " end.");
        string docx = Write("report.docx", "word file");
        string noext = Write("README", "no extension");
        string missing = Path.Combine(_dir, "missing.txt");
        string good = Write("good.txt", "The army attacked the town, officials said.");
        var (docs, skipped) = ReadAll(new DocumentReader { MaxBytes = 200 }, empty, blank, bin, pdf, big, docx, noext, missing, good);

        Assert.Single(docs);
        string Reason(string path) => Assert.Single(skipped, s => s.Path == path).Reason;
        Assert.Contains("empty", Reason(empty));
        Assert.Contains("whitespace", Reason(blank));
        Assert.Contains("binary", Reason(bin));
        Assert.Contains("PDF", Reason(pdf));
        Assert.Contains("too large", Reason(big));
        Assert.Contains("200 B", Reason(big));
        Assert.Contains(".docx", Reason(docx));
        Assert.Contains("no file extension", Reason(noext));
        Assert.Contains("no such file", Reason(missing));
        Assert.Equal(9 - 1, skipped.Count);
    }

    [Fact]
    public void A_file_removed_after_it_was_found_is_skipped_with_a_reason()
    {
        string path = Write("gone.txt", "Soon gone.");
        var reader = new DocumentReader();
        var skipped = new List<SkippedInput>();
        var item = Assert.Single(reader.Enumerate([path], skipped));
        File.Delete(path);
        Assert.Empty(reader.Read(item, skipped));
        Assert.Contains("no such file", Assert.Single(skipped).Reason);
    }

    [Fact]
    public void Folders_are_read_recursively_in_order_without_hidden_files()
    {
        Write("pages/b.txt", "Page b.");
        Write("pages/a.txt", "Page a.");
        Write("pages/sub/c.html", "<html><body><p>Page c.</p></body></html>");
        Write("pages/.hidden.txt", "hidden");
        Write("pages/.git/x.txt", "hidden too");
        var (docs, skipped) = ReadAll(Path.Combine(_dir, "pages"));
        Assert.Empty(skipped);
        Assert.Equal(["Page a.", "Page b.", "Page c."], docs.Select(d => d.Text));
        Assert.Equal("html", docs[2].Format);
    }

    [Fact]
    public void Jsonl_reads_every_good_line_and_reports_bad_ones_by_line_number()
    {
        string path = Write("feed.jsonl", string.Join("\n",
            """{"text": "First report: the army shelled the town.", "url": "https://example.org/1", "title": "One", "published": "2024-02-20T14:00:00Z", "author": ["A. Writer", "B. Writer"], "source": {"name": "Wire"}}""",
            """{"text": "broken line""",
            "",
            """{"content": "Second report, from a content field.", "date": "March 3, 2024"}""",
            """{"url": "https://example.org/no-text"}""",
            """["not", "an", "object"]""",
            """{"html": "<html><body><h1>Third</h1><p>Third report in HTML.</p><script>x()</script></body></html>", "published": 1709251200}"""));
        var (docs, skipped) = ReadAll(path);

        Assert.Equal(3, docs.Count);
        var first = docs[0];
        Assert.Equal("https://example.org/1", first.Uri);
        Assert.Equal("One", first.Title);
        Assert.Equal("2024-02-20T14:00:00", first.Published);
        Assert.Equal("A. Writer, B. Writer", first.Author);
        Assert.Equal("Wire", first.Source);
        Assert.Equal(path + ":1", first.Path);
        Assert.Equal("jsonl", first.Format);
        Assert.Equal("2024-03-03", docs[1].Published);
        Assert.Equal(path + ":4", docs[1].Path);
        Assert.Equal("Third\n\nThird report in HTML.", docs[2].Text);
        Assert.Equal("2024-03-01T00:00:00", docs[2].Published);
        Assert.NotNull(PageLayout.Of(docs[2]));

        Assert.Equal([path + ":2", path + ":5", path + ":6"], skipped.Select(s => s.Path));
        Assert.Contains("malformed JSON", skipped[0].Reason);
        Assert.Contains("\"text\"", skipped[1].Reason);
        Assert.Contains("not a JSON object", skipped[2].Reason);
    }

    [Fact]
    public void Json_reads_an_object_an_array_or_a_wrapped_array()
    {
        string one = Write("one.json", """{"text": "Only report.", "title": "Solo"}""");
        string many = Write("many.json", """[{"text": "Report A."}, 5, {"body": "Report B."}]""");
        string wrapped = Write("wrapped.json", """{"documents": [{"text": "Report C."}]}""");
        string bad = Write("bad.json", "[{\"text\": \"unterminated\"\n");
        var (docs, skipped) = ReadAll(one, many, wrapped, bad);
        Assert.Equal(["Only report.", "Report A.", "Report B.", "Report C."], docs.Select(d => d.Text));
        Assert.Equal("Solo", docs[0].Title);
        Assert.Equal(many + "[2]", docs[2].Path);
        Assert.Contains(skipped, s => s.Path == many + "[1]" && s.Reason.Contains("not a JSON object"));
        var b = Assert.Single(skipped, s => s.Path == bad);
        Assert.Contains("malformed JSON (line", b.Reason);
    }

    [Fact]
    public void Html_pages_get_text_metadata_and_a_layout()
    {
        string path = Write("page.html", """
            <html><head><title>Page title | Site</title><meta property="article:published_time" content="2024-03-14T09:30:00+02:00"></head>
            <body><nav>Home | News</nav><h1>Army shells villages</h1><p>The army shelled two villages, officials said.</p></body></html>
            """);
        var (docs, skipped) = ReadAll(path);
        Assert.Empty(skipped);
        var d = Assert.Single(docs);
        Assert.Equal("Army shells villages\n\nThe army shelled two villages, officials said.", d.Text);
        Assert.Equal("Page title | Site", d.Title);
        Assert.Equal("2024-03-14T09:30:00", d.Published);
        Assert.Equal(2, PageLayout.Of(d)!.Blocks.Count);
    }

    [Fact]
    public void Html_without_text_is_skipped()
    {
        string path = Write("empty.html", "<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>");
        var (docs, skipped) = ReadAll(path);
        Assert.Empty(docs);
        Assert.Contains("no text", Assert.Single(skipped).Reason);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>x</p></body></html>", "html")]
    [InlineData("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", "jsonl")]
    [InlineData("[{\"text\": \"a\"}]", "json")]
    [InlineData("{\n  \"text\": \"a\"\n}", "json")]
    [InlineData("Plain words <b>here</b>.", "txt")]
    public void Stdin_format_is_sniffed(string text, string format) => Assert.Equal(format, DocumentReader.Sniff(text));
}
