using Dyad.Actors;
using Dyad.Model;
using Dyad.Text;

namespace Dyad.Tests.Actors;

/// <summary>A small dictionary written for the tests (independent of the built-in data files).</summary>
internal static class Fixture
{
    public const string Yaml = """
        entries:
          - id: SYR
            kind: country
            code: SYR
            wikidata: Q858
            name: Syria
            names: { en: [Syria], nl: [Syrië] }
            adjectives: { en: [Syrian, Syrians], nl: [Syrisch, Syrische] }
            metonyms:
              - { name: Damascus, sector: GOV }
          - id: RUS
            kind: country
            code: RUS
            wikidata: Q159
            name: Russia
            names: { en: [Russia], nl: [Rusland] }
            adjectives: { en: [Russian], nl: [Russisch, Russische] }
            metonyms:
              - { name: Kremlin, sector: GOV }
              - { name: Moscow, sector: GOV }
          - id: USA
            kind: country
            code: USA
            wikidata: Q30
            name: United States
            names: { en: [United States, US, U.S., America], nl: [Verenigde Staten, VS] }
            adjectives: { en: [American], nl: [Amerikaans, Amerikaanse] }
            metonyms:
              - { name: Washington, sector: GOV }
              - { name: Pentagon, sector: MIL, lang: en }
          - id: TUR
            kind: country
            code: TUR
            name: Turkey
            names: { en: [Turkey], nl: [Turkije] }
            adjectives: { en: [Turkish], nl: [Turks, Turkse] }
          - id: IRQ
            kind: country
            code: IRQ
            name: Iraq
            names: { en: [Iraq], nl: [Irak] }
            adjectives: { en: [Iraqi], nl: [Iraaks, Iraakse] }
          - id: islamic-state
            kind: armed-group
            code: IMGMUSISI
            wikidata: Q2429253
            name: Islamic State
            names:
              en: [Islamic State, ISIS, ISIL, IS, Daesh]
              nl: [Islamitische Staat]
          - id: hayat-tahrir-al-sham
            kind: armed-group
            code: SYRREB
            country: SYR
            name: Hay'at Tahrir al-Sham
            names: { en: [Hay'at Tahrir al-Sham, HTS, Jabhat al-Nusra, Nusra Front, al-Nusra Front] }
          - id: ypg
            kind: armed-group
            code: SYRREB
            country: SYR
            name: People's Protection Units
            names: { en: [People's Protection Units, YPG], nl: [Volksbeschermingseenheden] }
          - id: us-led-coalition
            kind: igo
            code: IGOCOAUSA
            country: USA
            sector: MIL
            name: US-led coalition
            names: { en: [US-led coalition] }
          - id: sergey-lavrov
            kind: person
            code: RUSGOV
            name: Sergey Lavrov
            names: { en: [Sergey Lavrov, Sergei Lavrov] }
            gender: m
            roles:
              - { title: Foreign Minister, country: RUS, sector: GOV, from: 2004-03-09, to: null }
          - id: mike-pompeo
            kind: person
            code: USAGOV
            name: Mike Pompeo
            names: { en: [Mike Pompeo] }
            gender: m
            roles:
              - { title: CIA Director, country: USA, sector: SPY, from: 2017-01-23, to: 2018-04-26 }
              - { title: Secretary of State, country: USA, sector: GOV, from: 2018-04-26, to: 2021-01-20 }
          - id: sigrid-kaag
            kind: person
            code: NLDGOV
            name: Sigrid Kaag
            names: { en: [Sigrid Kaag], nl: [Sigrid Kaag] }
            gender: f
            roles:
              - { title: minister, country: NLD, sector: GOV, from: 2017-10-26, to: 2024-01-08 }
        agents:
          - id: military
            sector: MIL
            names:
              en: [army, troops, forces, soldiers, military]
              nl: [leger, troepen, strijdkrachten, soldaten]
          - id: government
            sector: GOV
            names:
              en: [government, regime, ministry, Defense Ministry, minister, Foreign Minister, officials, official, spokesman, president]
              nl: [regering, regime, minister, ministerie]
          - id: rebels
            sector: REB
            names:
              en: [rebels, rebel, militants]
              nl: [rebellen]
          - id: militia
            sector: MIL
            names: { en: [militia, militias] }
          - id: security
            sector: COP
            names: { en: [security forces, police, security] }
          - id: fighters
            sector: REB
            names: { en: [fighters], nl: [strijders] }
        """;

    private static ActorLexicon? _lex;
    public static ActorLexicon Lexicon => _lex ??= ActorLexicon.FromYaml(false, ("fixture.yaml", Yaml));

    /// <summary>Tokenises text (no syntax model) and runs the actor stage over the sentences as one document.</summary>
    public static List<Sentence> Run(string text, string lang = "en", string? date = null, ActorLexicon? lex = null, Action<Sentence>? tag = null)
    {
        var sents = TextAnalyzer.Analyze(text, lang);
        foreach (var s in sents) { s.Language = lang; tag?.Invoke(s); }
        new ActorStage(lex ?? Lexicon).ProcessSentences(sents, lang, DictDates.FromIso(date));
        return sents;
    }

    public static List<Mention> Mentions(string text, string lang = "en", string? date = null, ActorLexicon? lex = null) =>
        Run(text, lang, date, lex).SelectMany(s => s.Mentions).ToList();

    public static Mention Find(List<Mention> ms, string text) =>
        ms.FirstOrDefault(m => m.Text == text) ?? throw new Xunit.Sdk.XunitException($"no mention '{text}' in: {string.Join(" ", ms)}");
}
