using Airlock.Guardrails.Corpus;
using static Airlock.Guardrails.Redteam.MutationFamilies;

namespace Airlock.Guardrails.Redteam;

/// <summary>Turns a seed into a disguised sample of a given family. Deterministic for a given <see cref="Random"/> state.</summary>
public static class Mutator
{
    public static MutatedSample Mutate(CorpusEntry seed, string family, Random random)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(random);
        var text = seed.Text;
        return family switch
        {
            Split => new MutatedSample(family, WrapperMutations.Split(text, random), seed.IsAttack),
            Translation => new MutatedSample(family, [Translate(seed.IsAttack, random)], seed.IsAttack),
            _ => new MutatedSample(family, [Apply(family, text, random, seed.IsAttack)], seed.IsAttack),
        };
    }

    private static string Apply(string family, string text, Random random, bool attack) => family switch
    {
        Original => text,
        Case => CharacterMutations.Case(text, random),
        Spacing => CharacterMutations.Spacing(text, random),
        Homoglyph => CharacterMutations.Homoglyph(text, random),
        ZeroWidth => CharacterMutations.ZeroWidthCharacters(text, random),
        Bidi => CharacterMutations.Bidi(text, random),
        Base64 => EncodingMutations.Base64(text, random, attack),
        Rot13 => EncodingMutations.Rot13(text, random),
        UrlEncoding => EncodingMutations.Url(text, random),
        HtmlEntities => EncodingMutations.HtmlEntities(text, random),
        Hex => EncodingMutations.Hex(text, random),
        Markup => WrapperMutations.Markup(text, random),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown mutation family"),
    };

    /// <summary>A translated attack (opener + payload in one language) or a translated benign look-alike.</summary>
    private static string Translate(bool attack, Random random)
    {
        if (!attack) return Phrasebook.Benign[random.Next(Phrasebook.Benign.Count)];
        var (openers, payloads) = Phrasebook.Attacks[random.Next(Phrasebook.Attacks.Count)];
        return openers[random.Next(openers.Length)] + " " + payloads[random.Next(payloads.Length)];
    }
}
