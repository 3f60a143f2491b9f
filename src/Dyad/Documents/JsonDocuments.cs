using System.Globalization;
using System.Text.Json;
using Dyad.Model;

namespace Dyad.Documents;

/// <summary>
/// JSON inputs: .jsonl (one object per line) and .json (one object, an array of objects, or an object
/// holding such an array under "documents", "items", "data", "articles" or "posts").
/// An object needs <c>text</c> (or content, body, article, maintext, full_text) or <c>html</c>
/// (or raw_html, content_html); optional: <c>url</c> (uri, link), <c>title</c> (headline),
/// <c>published</c> (date, published_at, datePublished, pubDate, timestamp, created_at; ISO, a date
/// phrase, or Unix seconds/milliseconds), <c>author</c> (by, byline, authors), <c>source</c> (site,
/// publisher, domain), <c>id</c>. A bad line is reported as <c>path:line</c>; the other lines are read.
/// </summary>
internal static class JsonDocuments
{
    private static readonly string[] TextKeys = ["text", "content", "body", "article", "maintext", "full_text", "fulltext"];
    private static readonly string[] HtmlKeys = ["html", "raw_html", "content_html", "html_content"];
    private static readonly string[] TitleKeys = ["title", "headline"];
    private static readonly string[] UrlKeys = ["url", "uri", "link", "href", "source_url", "permalink"];
    private static readonly string[] DateKeys = ["published", "date", "published_at", "publishedAt", "datePublished", "pubDate", "pub_date", "timestamp", "created_at", "time"];
    private static readonly string[] AuthorKeys = ["author", "by", "byline", "authors", "creator"];
    private static readonly string[] SourceKeys = ["source", "site", "publisher", "domain", "source_name", "site_name"];
    private static readonly string[] ListKeys = ["documents", "items", "data", "articles", "posts", "results"];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static IEnumerable<Document> ReadLines(string text, string path, List<SkippedInput> skipped, DocumentReader reader)
    {
        int lineNo = 0, pos = 0, good = 0, bad = 0;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            lineNo++;
            var line = text.AsSpan(pos, end - pos).Trim();
            pos = end + 1;
            if (line.Length > 0)
            {
                string where = path + ":" + lineNo.ToString(CultureInfo.InvariantCulture);
                var doc = FromJson(line.ToString(), where, skipped, reader, "jsonl", lineLabel: true);
                if (doc != null) { good++; yield return doc; }
                else bad++;
            }
            if (nl < 0) break;
        }
        if (good == 0 && bad == 0) skipped.Add(new SkippedInput(path, "no JSON lines (only whitespace)"));
    }

    public static IEnumerable<Document> ReadJson(string text, string path, List<SkippedInput> skipped, DocumentReader reader)
    {
        JsonDocument? parsed = null;
        string? error = null;
        try { parsed = JsonDocument.Parse(text, Options); }
        catch (JsonException e) { error = $"malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {Short(e.Message)}"; }
        if (parsed == null)
        {
            skipped.Add(new SkippedInput(path, error!));
            yield break;
        }
        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind == JsonValueKind.Object && FindString(root, TextKeys) == null && FindString(root, HtmlKeys) == null)
            {
                foreach (var k in ListKeys)
                    if (root.TryGetProperty(k, out var list) && list.ValueKind == JsonValueKind.Array) { root = list; break; }
            }
            if (root.ValueKind == JsonValueKind.Object)
            {
                var doc = FromElement(root, path, path, skipped, reader, "json");
                if (doc != null) yield return doc;
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                int i = 0, good = 0;
                foreach (var e in root.EnumerateArray())
                {
                    string where = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    i++;
                    if (e.ValueKind != JsonValueKind.Object)
                    {
                        skipped.Add(new SkippedInput(where, $"item {i} is not a JSON object"));
                        continue;
                    }
                    var doc = FromElement(e, where, where, skipped, reader, "json");
                    if (doc != null) { good++; yield return doc; }
                }
                if (i == 0) skipped.Add(new SkippedInput(path, "empty JSON array"));
            }
            else skipped.Add(new SkippedInput(path, "JSON is neither an object nor an array of objects"));
        }
    }

    private static Document? FromJson(string json, string where, List<SkippedInput> skipped, DocumentReader reader, string format, bool lineLabel)
    {
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(json, Options); }
        catch (JsonException e)
        {
            skipped.Add(new SkippedInput(where, $"malformed JSON line (byte {e.BytePositionInLine + 1}): {Short(e.Message)}"));
            return null;
        }
        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                skipped.Add(new SkippedInput(where, "malformed JSON line: not a JSON object"));
                return null;
            }
            return FromElement(parsed.RootElement, where, where, skipped, reader, format);
        }
    }

    private static Document? FromElement(JsonElement e, string docPath, string where, List<SkippedInput> skipped, DocumentReader reader, string format)
    {
        string? text = FindString(e, TextKeys);
        string? html = FindString(e, HtmlKeys);
        Document? doc;
        if (!string.IsNullOrWhiteSpace(text))
        {
            text = TextDecoder.NormalizeNewlines(text);
            doc = new Document { Path = docPath, Text = text, Format = format };
            doc.Id = DocumentReader.ContentId(text);
        }
        else if (!string.IsNullOrWhiteSpace(html))
        {
            doc = reader.FromHtml(html, where, skipped, format);
            if (doc == null) return null;
            doc.Path = docPath;
        }
        else
        {
            skipped.Add(new SkippedInput(where, text != null || html != null
                ? "empty \"text\"" : "no \"text\" or \"html\" field (also accepted: content, body)"));
            return null;
        }
        doc.Title = FindString(e, TitleKeys) ?? doc.Title;
        doc.Uri = FindString(e, UrlKeys) ?? doc.Uri;
        doc.Published = FindDate(e) ?? doc.Published;
        doc.Author = FindNames(e, AuthorKeys) ?? doc.Author;
        doc.Source = FindNames(e, SourceKeys) ?? doc.Source;
        if (doc.Uri == null && FindString(e, ["id"]) is { Length: > 0 } id && id.Contains(':')) doc.Uri = id;
        return doc;
    }

    private static string? FindString(JsonElement e, string[] keys)
    {
        foreach (var k in keys)
            if (e.TryGetProperty(k, out var v))
            {
                if (v.ValueKind == JsonValueKind.String) return v.GetString();
                if (v.ValueKind == JsonValueKind.Number) return v.GetRawText();
            }
        return null;
    }

    private static string? FindNames(JsonElement e, string[] keys)
    {
        foreach (var k in keys)
        {
            if (!e.TryGetProperty(k, out var v)) continue;
            var s = Name(v);
            if (!string.IsNullOrWhiteSpace(s)) return s.Trim();
        }
        return null;
    }

    private static string? Name(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Object => v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
        JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(Name).Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } j ? j : null,
        _ => null,
    };

    private static string? FindDate(JsonElement e)
    {
        foreach (var k in DateKeys)
        {
            if (!e.TryGetProperty(k, out var v)) continue;
            if (v.ValueKind == JsonValueKind.String && DateText.Normalize(v.GetString()) is { } iso) return iso;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) && n > 100_000_000)
            {
                var t = n > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(n) : DateTimeOffset.FromUnixTimeSeconds(n);
                return t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    private static string Short(string message)
    {
        int i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var m = i > 0 ? message[..i] : message;
        return m.TrimEnd('.', ' ');
    }
}
