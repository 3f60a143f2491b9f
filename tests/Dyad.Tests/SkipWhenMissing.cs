using Xunit;

namespace Dyad.Tests;

/// <summary>A fact that is skipped with a clear message when ../shared is not beside the repository.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.Root == null) Skip = SharedData.MissingMessage;
    }
}

public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.Root == null) Skip = SharedData.MissingMessage;
    }
}
