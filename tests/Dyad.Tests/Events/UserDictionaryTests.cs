using Dyad.Events.Lexicon;
using Xunit;

namespace Dyad.Tests.Events;

/// <summary>--dict files reach both the actor and the event stages; each takes only its own kind of file.</summary>
public class UserDictionaryTests
{
    [Fact]
    public void An_actor_dictionary_passed_with_dict_is_not_read_as_a_trigger_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyad-actors-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            entries:
              - id: harbor-militia
                kind: armed-group
                code: XXXREB
                name: Harbor Militia
                names: { en: [Harbor Militia] }
            """);
        try
        {
            var lex = TriggerLexicon.For("en", [path]);
            Assert.Equal(TriggerLexicon.For("en").VerbsFor("attack")?.Length, lex.VerbsFor("attack")?.Length);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Trigger_files_are_told_apart_from_actor_files()
    {
        Assert.True(TriggerLexicon.IsTriggerFile("entries:\n  - type: ASSAULT\n    verbs: [ambush]\n"));
        Assert.False(TriggerLexicon.IsTriggerFile("entries:\n  - id: x\n    kind: person\n"));
        Assert.False(TriggerLexicon.IsTriggerFile("attribution:\n  report: [say]\n"));
    }
}
