using System.Runtime.CompilerServices;
using Dyad.Model;

namespace Dyad.Documents;

/// <summary>What kind of block the markup says a span of <see cref="Document.Text"/> is.</summary>
public enum BlockKind { Paragraph, Heading, ListItem, Quote, Caption, Preformatted, Table, Boilerplate }

/// <summary>
/// One block of an HTML page's extracted text: [Start, End) in <see cref="Document.Text"/>, its kind,
/// the heading level (1–6, else 0), which &lt;article&gt;/post it sits in (−1: none), and which comment
/// it belongs to (−1: not in a comment).
/// </summary>
public sealed record LayoutBlock(int Start, int End, BlockKind Kind, int Level = 0, int Article = -1, int Comment = -1);

/// <summary>One comment of a thread the markup delimits, with what the markup says about it.</summary>
public sealed record LayoutComment(int Id, string? Author, string? Date, int? Number, int Depth);

/// <summary>
/// The block structure the reader found in a page (HTML only), handed to the Segmenter beside the
/// document. Plain-text inputs have none; the Segmenter then works from lines and blank lines.
/// </summary>
public sealed class PageLayout
{
    public List<LayoutBlock> Blocks { get; } = new();
    public List<LayoutComment> Comments { get; } = new();
    /// <summary>Dates of the &lt;article&gt; elements (index → ISO date), where the markup gives one.</summary>
    public Dictionary<int, string> ArticleDates { get; } = new();

    private static readonly ConditionalWeakTable<Document, PageLayout> Table = new();

    /// <summary>The layout the reader attached to <paramref name="doc"/>, or null (plain text).</summary>
    public static PageLayout? Of(Document doc) => Table.TryGetValue(doc, out var l) ? l : null;

    public static void Attach(Document doc, PageLayout layout) => Table.AddOrUpdate(doc, layout);
}
