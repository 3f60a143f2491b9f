using System.Security.Cryptography;
using System.Text;
using Dyad.Model;

namespace Dyad.Documents;

/// <summary>Finds inputs (files, folders, stdin) and decodes them into documents. (Stub: .txt only.)</summary>
public sealed class DocumentReader
{
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    public IEnumerable<InputItem> Enumerate(IEnumerable<string> paths, List<SkippedInput> skipped)
    {
        foreach (var p in paths)
        {
            if (p == "-") { yield return new InputItem("-", ".txt", -1, IsStdin: true); continue; }
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return new InputItem(f, System.IO.Path.GetExtension(f).ToLowerInvariant(), new FileInfo(f).Length);
            }
            else if (File.Exists(p))
                yield return new InputItem(p, System.IO.Path.GetExtension(p).ToLowerInvariant(), new FileInfo(p).Length);
            else
                skipped.Add(new SkippedInput(p, "no such file or directory"));
        }
    }

    /// <summary>Reads one input into zero or more documents (JSONL gives one per line).</summary>
    public IEnumerable<Document> Read(InputItem item, List<SkippedInput> skipped)
    {
        string text = item.IsStdin ? Console.In.ReadToEnd() : File.ReadAllText(item.Path);
        var doc = new Document { Path = item.Path, Text = text, Format = "txt" };
        doc.Id = ContentId(text);
        yield return doc;
    }

    public static string ContentId(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
