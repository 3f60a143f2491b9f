using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dyad.Model;

namespace Dyad.Documents;

/// <summary>
/// Finds inputs (files, folders read recursively, <c>-</c> for stdin) and decodes them into documents:
/// .txt, .html/.htm, .jsonl (one JSON object per line), .json (one object or an array of them).
/// Every input that cannot be used becomes one <see cref="SkippedInput"/> with a reason (empty,
/// binary, too large, unsupported type, unreadable, malformed JSON — a bad JSONL line is reported as
/// <c>path:line</c> and the rest of the file is read). Thread-safe: <see cref="Read"/> may run on
/// several workers at once.
/// </summary>
public sealed class DocumentReader
{
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Extensions read (lower case, with the dot).</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
        { ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json" };

    public IEnumerable<InputItem> Enumerate(IEnumerable<string> paths, List<SkippedInput> skipped)
    {
        foreach (var p in paths)
        {
            if (p == "-") { yield return new InputItem("-", "", -1, IsStdin: true); continue; }
            if (Directory.Exists(p))
            {
                var visited = new HashSet<string>(StringComparer.Ordinal);
                foreach (var f in Walk(p, skipped, visited)) yield return f;
            }
            else if (File.Exists(p))
                yield return Item(p);
            else
                skipped.Add(new SkippedInput(p, "no such file or directory"));
        }
    }

    private static InputItem Item(string path)
    {
        long length;
        try { length = new FileInfo(path).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { length = -1; }
        return new InputItem(path, System.IO.Path.GetExtension(path).ToLowerInvariant(), length);
    }

    /// <summary>Depth-first, names in ordinal order; hidden entries (".name") are not inputs; a folder
    /// reached twice through links is read once.</summary>
    private static IEnumerable<InputItem> Walk(string dir, List<SkippedInput> skipped, HashSet<string> visited)
    {
        string real;
        try
        {
            var info = new DirectoryInfo(dir);
            real = info.LinkTarget != null ? (info.ResolveLinkTarget(true)?.FullName ?? info.FullName) : info.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { real = System.IO.Path.GetFullPath(dir); }
        if (!visited.Add(real)) yield break;

        string[] files, dirs;
        try
        {
            files = Directory.GetFiles(dir);
            dirs = Directory.GetDirectories(dir);
        }
        catch (UnauthorizedAccessException)
        {
            skipped.Add(new SkippedInput(dir, "cannot read folder: permission denied"));
            yield break;
        }
        catch (IOException e)
        {
            skipped.Add(new SkippedInput(dir, "cannot read folder: " + e.Message));
            yield break;
        }
        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(dirs, StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (System.IO.Path.GetFileName(f).StartsWith('.')) continue;
            yield return Item(f);
        }
        foreach (var d in dirs)
        {
            if (System.IO.Path.GetFileName(d).StartsWith('.')) continue;
            foreach (var f in Walk(d, skipped, visited)) yield return f;
        }
    }

    /// <summary>Reads one input into zero or more documents (JSONL gives one per line).</summary>
    public IEnumerable<Document> Read(InputItem item, List<SkippedInput> skipped)
    {
        string ext = item.Extension;
        if (!item.IsStdin && !Supported.Contains(ext))
        {
            string what = ext.Length == 0 ? "no file extension" : $"'{ext}'";
            skipped.Add(new SkippedInput(item.Path, $"unsupported file type ({what}); expected .txt, .html, .htm, .jsonl or .json"));
            yield break;
        }
        if (item.Length > MaxBytes)
        {
            skipped.Add(new SkippedInput(item.Path, TooLarge(item.Length)));
            yield break;
        }
        var (bytes, error) = Load(item);
        if (error != null)
        {
            skipped.Add(new SkippedInput(item.Path, error));
            yield break;
        }

        string? charset = ext is ".html" or ".htm" or ".xhtml" || item.IsStdin ? HtmlExtractor.DeclaredCharset(bytes) : null;
        var decoded = TextDecoder.Decode(bytes, charset);
        if (decoded.Refusal != null)
        {
            skipped.Add(new SkippedInput(item.Path, item.IsStdin && decoded.Refusal == "empty file" ? "empty input (nothing on stdin)" : decoded.Refusal));
            yield break;
        }
        string text = decoded.Text!;
        string format = item.IsStdin ? Sniff(text) : ext switch
        {
            ".html" or ".htm" or ".xhtml" => "html",
            ".jsonl" or ".ndjson" => "jsonl",
            ".json" => "json",
            _ => "txt",
        };

        switch (format)
        {
            case "html":
            {
                var doc = FromHtml(text, item.Path, skipped);
                if (doc == null) yield break;
                if (decoded.Warning != null) doc.Warnings.Add(decoded.Warning);
                yield return doc;
                break;
            }
            case "jsonl":
                foreach (var doc in JsonDocuments.ReadLines(text, item.Path, skipped, this))
                {
                    if (decoded.Warning != null) doc.Warnings.Add(decoded.Warning);
                    yield return doc;
                }
                break;
            case "json":
                foreach (var doc in JsonDocuments.ReadJson(text, item.Path, skipped, this))
                {
                    if (decoded.Warning != null) doc.Warnings.Add(decoded.Warning);
                    yield return doc;
                }
                break;
            default:
            {
                var doc = new Document { Path = item.Path, Text = text, Format = "txt" };
                doc.Id = ContentId(text);
                if (decoded.Warning != null) doc.Warnings.Add(decoded.Warning);
                yield return doc;
                break;
            }
        }
    }

    /// <summary>A document from an HTML page (text + layout + metadata), or null (reported) when it has no text.</summary>
    internal Document? FromHtml(string html, string path, List<SkippedInput> skipped, string format = "html")
    {
        HtmlPage page;
        try
        {
            page = HtmlExtractor.Extract(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            skipped.Add(new SkippedInput(path, $"cannot parse HTML: {e.Message}"));
            return null;
        }
        if (string.IsNullOrWhiteSpace(page.Text))
        {
            skipped.Add(new SkippedInput(path, "no text in the HTML page (after dropping scripts, navigation and the like)"));
            return null;
        }
        var doc = new Document
        {
            Path = path, Text = page.Text, Format = format, Title = page.Title, Published = page.Published,
            Author = page.Author, Source = page.Source, Uri = page.Uri,
        };
        doc.Id = ContentId(doc.Text);
        PageLayout.Attach(doc, page.Layout);
        return doc;
    }

    internal string TooLarge(long length) => string.Create(CultureInfo.InvariantCulture,
        $"too large: {Size(length)} is over --max-bytes {Size(MaxBytes)}");

    private static string Size(long b) => b switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{b} B"),
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{b / 1024.0:0.#} KB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{b / 1073741824.0:0.##} GB"),
    };

    private (byte[]? Bytes, string? Error) Load(InputItem item)
    {
        try
        {
            using Stream s = item.IsStdin ? Console.OpenStandardInput() : new FileStream(item.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            // Read at most MaxBytes + 1 so a file that grew (or stdin) is still refused when too large.
            var ms = new MemoryStream(item.Length > 0 ? (int)Math.Min(item.Length, MaxBytes) : 1 << 16);
            var buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = s.Read(buf, 0, buf.Length)) > 0)
            {
                total += n;
                if (total > MaxBytes) return (null, TooLarge(total) + (item.IsStdin ? " (stdin)" : ""));
                ms.Write(buf, 0, n);
            }
            return (ms.ToArray(), null);
        }
        catch (UnauthorizedAccessException) { return (null, "cannot read: permission denied"); }
        catch (FileNotFoundException) { return (null, "no such file (removed while reading?)"); }
        catch (DirectoryNotFoundException) { return (null, "no such file or directory"); }
        catch (IOException e) { return (null, "cannot read: " + e.Message); }
    }

    /// <summary>The format of stdin, from its content.</summary>
    internal static string Sniff(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.Length == 0) return "txt";
        if (t[0] == '<')
        {
            var head = t[..Math.Min(t.Length, 2048)].ToString().ToLowerInvariant();
            if (head.Contains("<html") || head.Contains("<!doctype") || head.Contains("<body") || head.Contains("<p") || head.Contains("<div") || head.Contains("<article"))
                return "html";
        }
        if (t[0] == '[') return "json";
        if (t[0] == '{')
        {
            // One object per line → JSONL; one object over several lines → JSON.
            int nl = t.IndexOf('\n');
            var first = (nl < 0 ? t : t[..nl]).TrimEnd();
            return first.Length > 1 && first[^1] == '}' ? "jsonl" : "json";
        }
        return "txt";
    }

    public static string ContentId(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
