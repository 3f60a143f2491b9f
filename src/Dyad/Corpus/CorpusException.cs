namespace Dyad.Corpus;

/// <summary>
/// A problem with the corpus the user can fix: a database that cannot be opened or written,
/// a document key that matches nothing or several documents. The message is one line that
/// names the path or key; callers print it without a stack trace.
/// </summary>
public sealed class CorpusException : Exception
{
    public CorpusException(string message) : base(message) { }
    public CorpusException(string message, Exception inner) : base(message, inner) { }
}
