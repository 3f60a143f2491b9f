using Dyad.Cli;
using Xunit;

namespace Dyad.Tests.Cli;

public class CliArgsTests
{
    [Fact]
    public void ParsesValuesSwitchesAndPositionals()
    {
        var a = CliArgs.Parse("x", ["a.txt", "--db", "x.db", "--dict=one.yaml", "--dict", "two.yaml", "--text", "-"], ["db", "dict"], ["text"]);
        Assert.Equal(["a.txt", "-"], a.Positionals);
        Assert.Equal("x.db", a.Get("db"));
        Assert.Equal(["one.yaml", "two.yaml"], a.GetAll("dict"));
        Assert.True(a.Has("text"));
    }

    [Fact]
    public void UnknownOptionIsAUsageErrorNamingIt()
    {
        var e = Assert.Throws<UsageException>(() => CliArgs.Parse("events", ["--bogus"], ["db"]));
        Assert.Contains("--bogus", e.Message);
    }

    [Fact]
    public void SizesParse()
    {
        var a = CliArgs.Parse("analyze", ["--max-bytes", "2MB"], ["max-bytes"]);
        Assert.Equal(2L << 20, a.GetBytes("analyze", "max-bytes", 0));
    }
}
