using Dyad.Actors;
using Xunit;

namespace Dyad.Tests.Actors;

public class DictionaryLoaderTests
{
    private static List<DictDiagnostic> Errors(string yaml) =>
        ActorLexicon.FromYaml(false, ("t.yaml", yaml)).Diagnostics.ToList();

    [Fact]
    public void Fixture_loads_without_diagnostics()
    {
        Assert.Empty(Fixture.Lexicon.Diagnostics);
        Assert.Equal(ActorKind.Person, Fixture.Lexicon.Entries["sergey-lavrov"].Kind);
        Assert.Equal("MIL", Fixture.Lexicon.Agents["military"].Sector);
        Assert.Equal(2, Fixture.Lexicon.Entries["mike-pompeo"].Roles.Count);
    }

    [Fact]
    public void Missing_fields_are_reported_with_file_and_line()
    {
        var d = Errors("""
            entries:
              - id: AAA
                kind: country
                name: Aland
              - kind: country
                code: BBB
                name: Bee
              - id: ccc
                code: CCC
                name: Cee
              - id: ddd
                kind: igo
                code: DDD
            """);
        Assert.Contains(d, x => x.Line == 2 && x.Message.Contains("missing 'code'"));
        Assert.Contains(d, x => x.Line == 5 && x.Message.Contains("without 'id'"));
        Assert.Contains(d, x => x.Line == 8 && x.Message.Contains("missing 'kind'"));
        Assert.Contains(d, x => x.Line == 11 && x.Message.Contains("missing 'name'"));
        Assert.All(d, x => Assert.Equal("t.yaml", x.File));
        Assert.Equal("t.yaml:5: entry without 'id'", d.First(x => x.Line == 5).ToString());
    }

    [Fact]
    public void Bad_values_and_unknown_keys_are_errors_on_their_line()
    {
        var d = Errors("""
            entries:
              - id: x
                kind: militia
                code: XREB
                name: X
                sector: FOO
                wikidata: 123
                colour: red
              - id: p
                kind: person
                code: SYRGOV
                name: P
                roles:
                  - { country: SYR, sector: GOV, from: 2011-13-01 }
                  - { country: SYR, sector: GOV, from: 2015, to: 2012 }
            agents:
              - id: a
                sector: XYZ
                names: { en: [thing] }
            """);
        Assert.Contains(d, x => x.Line == 3 && x.Message.Contains("bad kind 'militia'"));
        Assert.Contains(d, x => x.Line == 6 && x.Message.Contains("bad sector 'FOO'"));
        Assert.Contains(d, x => x.Line == 7 && x.Message.Contains("bad wikidata"));
        Assert.Contains(d, x => x.Line == 8 && x.Message.Contains("unknown key 'colour'"));
        Assert.Contains(d, x => x.Line == 14 && x.Message.Contains("bad date '2011-13-01'"));
        Assert.Contains(d, x => x.Line == 15 && x.Message.Contains("ends before it starts"));
        Assert.Contains(d, x => x.Line == 18 && x.Message.Contains("bad sector 'XYZ'"));
        Assert.All(d, x => Assert.Equal(DictSeverity.Error, x.Severity));
    }

    [Fact]
    public void Yaml_syntax_error_names_the_line()
    {
        var d = Errors("entries:\n  - id: a\n    names: [unclosed\n  - id: b\n");
        var e = Assert.Single(d);
        Assert.Contains("YAML syntax", e.Message);
        Assert.True(e.Line >= 3, e.ToString());
    }

    [Fact]
    public void Duplicate_ids_are_errors_and_shared_aliases_warnings()
    {
        var d = Errors("""
            entries:
              - { id: a, kind: organisation, code: AAA, name: Alpha, names: { en: [Alpha Group] } }
              - { id: b, kind: organisation, code: BBB, name: Beta, names: { en: [Alpha-Group] } }
              - { id: a, kind: organisation, code: CCC, name: Gamma }
            """);
        Assert.Contains(d, x => x.Line == 4 && x.Severity == DictSeverity.Error && x.Message.Contains("duplicate id 'a'") && x.Message.Contains("t.yaml:2"));
        Assert.Contains(d, x => x.Line == 3 && x.Severity == DictSeverity.Warning && x.Message.Contains("also a name of 'a'"));
    }

    [Fact]
    public void A_user_entry_with_the_same_id_overrides_and_new_ids_extend()
    {
        var lex = ActorLexicon.Build(
            [DictionaryLoader.Parse(Fixture.Yaml, "builtin:actors/fixture.yaml")],
            [DictionaryLoader.Parse("""
                entries:
                  - { id: islamic-state, kind: armed-group, code: SYRIMG, name: IS override, names: { en: [Daesh] } }
                  - { id: new-group, kind: armed-group, code: SYRREB, name: New Brigade, names: { en: [New Brigade] } }
                """, "user.yaml")]);
        Assert.Empty(lex.Diagnostics.Where(x => x.Severity == DictSeverity.Error));
        Assert.Equal(["islamic-state"], lex.Overridden);
        Assert.Equal("SYRIMG", lex.Entries["islamic-state"].Code);
        var ms = Fixture.Mentions("Daesh and the New Brigade fought. ISIS retreated.", lex: lex);
        Assert.Equal("SYRIMG", Fixture.Find(ms, "Daesh").Actor?.Code);
        Assert.Equal("SYRREB", Fixture.Find(ms, "the New Brigade").Actor?.Code);
        // The override replaced the whole entry: its old aliases are gone.
        Assert.Null(ms.FirstOrDefault(m => m.Text == "ISIS")?.Actor?.Code);
    }

    [Fact]
    public void Trigger_files_passed_with_dict_are_skipped()
    {
        var f = DictionaryLoader.Parse("lang: en\nentries:\n  - type: ASSAULT\n    verbs: [attack]\n", "triggers.yaml");
        Assert.False(f.IsActorFile);
        Assert.Empty(f.Diagnostics);
    }

    [Fact]
    public void Role_dates_accept_year_month_and_day()
    {
        Assert.True(DictDates.TryParse("2014", false, out var a));
        Assert.Equal(new DateOnly(2014, 1, 1), a);
        Assert.True(DictDates.TryParse("2014", true, out var b));
        Assert.Equal(new DateOnly(2014, 12, 31), b);
        Assert.True(DictDates.TryParse("2016-02", true, out var c));
        Assert.Equal(new DateOnly(2016, 2, 29), c);
        Assert.False(DictDates.TryParse("14-02-2016", false, out _));
    }
}
