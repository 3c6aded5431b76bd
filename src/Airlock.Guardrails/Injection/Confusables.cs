using System.Collections.Frozen;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Look-alike letters folded to ASCII after NFKC and lower-casing (NFKC already folds fullwidth, mathematical and circled
/// letters). A subset of Unicode's confusables.txt: the Cyrillic, Greek, small-capital and IPA letters that pass for Latin.
/// </summary>
internal static class Confusables
{
    /// <summary>Pairs of (look-alike, ASCII) separated by spaces.</summary>
    private const string Pairs =
        "аa вb гr дd еe ёe иu йu кk мm нh оo пn рp сc тt уy хx шw ъb ьb ѕs іi їi јj ԁd ԛq ԝw һh ӏl өo үy ҫc ҳx αa βb γy δd εe ζz ηn θo ιi κk λl μu νv οo πn ρp σo ςc τt υu χx ωw άa έe ήn ίi όo ύu ώw ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz ıi ɡg ɑa ɩi ʋv ɣy ɛe ɔo ſs Ɩl ǀl ‘' ’' ‚' ‛' “\" ”\" „\" ‟\" ′' ″\" ‐- ‑- ‒- –- —- ―- −- ⁄/ ∕/";

    /// <summary>Accented Latin letters, folded in the skeleton but not counted as look-alikes.</summary>
    private const string Accents =
        "àa áa âa ãa äa åa āa ăa ąa çc ćc čc ďd èe ée êe ëe ēe ėe ęe ěe ìi íi îi ïi īi įi ñn ńn ňn òo óo ôo õo öo øo ōo őo " +
        "ùu úu ûu üu ūu ůu űu ųu ýy ÿy źz żz žz śs šs şs șs ťt ţt țt łl ľl ğg ŕr řr";

    private static readonly FrozenDictionary<char, char> Map = Build(Pairs + " " + Accents);
    private static readonly FrozenDictionary<char, char> LookAlikes = Build(Pairs);

    private static FrozenDictionary<char, char> Build(string pairs)
    {
        var map = new Dictionary<char, char>();
        foreach (var pair in pairs.Split(' ')) map[pair[0]] = pair[1];
        return map.ToFrozenDictionary();
    }

    private static readonly FrozenDictionary<char, char> AccentMap = Build(Accents);

    public static char Fold(char c) => c < 128 ? c : Map.GetValueOrDefault(c, c);

    /// <summary>An accented Latin letter as its base letter; anything else unchanged.</summary>
    public static char FoldAccent(char c) => c < 128 ? c : AccentMap.GetValueOrDefault(c, c);

    /// <summary>A look-alike (Cyrillic, Greek, small capital…) as the ASCII letter it imitates; anything else unchanged.</summary>
    public static char FoldLookAlike(char c) => c >= 128 && LookAlikes.TryGetValue(c, out var folded) && folded < 128 ? folded : c;

    public static bool IsLatinLookAlike(char c) => c >= 128 && LookAlikes.TryGetValue(c, out var folded) && folded < 128;
}
