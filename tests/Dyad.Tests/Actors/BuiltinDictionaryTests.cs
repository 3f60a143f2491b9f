using System.Diagnostics;
using Dyad.Actors;
using Xunit;

namespace Dyad.Tests.Actors;

public class BuiltinDictionaryTests
{
    private static ActorLexicon Builtin => ActorLexicon.For([]);

    [Fact]
    public void Builtin_dictionaries_load_with_zero_validation_errors()
    {
        var lex = Builtin;
        var errors = lex.Diagnostics.Where(d => d.Severity == DictSeverity.Error).Take(10).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(lex.Files.Count >= 3, string.Join(", ", lex.Files));
        Assert.True(lex.Entries.Values.Count(e => e.Kind == ActorKind.Country) >= 195);
        Assert.All(lex.Entries.Values.Where(e => e.Kind == ActorKind.Country), e =>
        {
            Assert.Contains(e.Names, n => n.Lang is "en" or null);
            Assert.Contains(e.Names, n => n.Lang is "nl" or null);
        });
    }

    [Theory]
    [InlineData("the White House said", "the White House", "USAGOV", "en")]
    [InlineData("the Pentagon said", "the Pentagon", "USAMIL", "en")]
    [InlineData("Damascus said", "Damascus", "SYRGOV", "en")]
    [InlineData("ISIS claimed it", "ISIS", "IMGMUSISI", "en")]
    [InlineData("Daesh claimed it", "Daesh", "IMGMUSISI", "en")]
    [InlineData("Islamitische Staat eiste het op", "Islamitische Staat", "IMGMUSISI", "nl")]
    [InlineData("Syrië protesteerde", "Syrië", "SYR", "nl")]
    [InlineData("the US-led coalition struck", "the US-led coalition", "IGOCOAUSA", "en")]
    [InlineData("NATO warned", "NATO", "IGOWSTNAT", "en")]
    // A participle after an agent noun is the verb, not another agent ("kidnapped" is not a noun for prisoners).
    [InlineData("Militants kidnapped the teachers", "Militants", "REB", "en")]
    public void Builtin_names_resolve(string text, string mention, string code, string lang)
    {
        var ms = Fixture.Mentions(text, lang, lex: Builtin);
        Assert.Equal(code, Fixture.Find(ms, mention).Actor?.Code);
    }

    private static (int Code, string Out) Cli(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Dyad.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string o = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, o);
    }

    [Fact]
    public void Dict_validate_and_show_from_the_command_line()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dyad-dict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string good = Path.Combine(dir, "good.yaml"), bad = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(good, "entries:\n  - { id: SYR, kind: country, code: SYR, name: Syria override, names: { en: [Syria] } }\n  - { id: new-brigade, kind: armed-group, code: SYRREB, name: New Brigade }\n");
            File.WriteAllText(bad, "entries:\n  - id: x\n    kind: group\n    code: XREB\n    name: X\n");
            var (c1, o1) = Cli("dict", "validate", good);
            Assert.True(c1 == 0, o1);
            var (c2, o2) = Cli("dict", "validate", bad);
            Assert.Equal(1, c2);
            Assert.Contains(bad + ":3: entry 'x': bad kind 'group'", o2);
            var (c3, o3) = Cli("dict", "show", "new-brigade", "--dict", good);
            Assert.Equal(0, c3);
            Assert.Contains("code: SYRREB", o3);
            var (c4, o4) = Cli("dict", "show", "SYR", "--dict", good);
            Assert.Equal(0, c4);
            Assert.Contains("Syria override", o4);
            var (c5, _) = Cli("dict", "show", "no-such-id");
            Assert.Equal(1, c5);
        }
        finally { Directory.Delete(dir, true); }
    }
}
