using System.Globalization;
using Airlock.Api.Tasks;
using Airlock.Egress.Matching;
using CsCheck;

namespace Airlock.Egress.Tests.Matching;

/// <summary>
/// Homograph, case and trailing-dot tricks against the host matcher. The soundness property: whatever a client writes,
/// the matcher says yes only when the name's normal form (the name the proxy then resolves and sends as Host) is exactly
/// a listed name or below a listed wildcard domain. Look-alikes from other scripts, dotless and dotted i, zero-width
/// characters and doubled dots can only ever be refused or normalise to the very name that is listed.
/// </summary>
public class HostNormalizationPropertyTests
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    private static readonly Gen<string> Label =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10].Select(l => char.IsAsciiDigit(l[0]) ? "a" + l : l);

    private static readonly Gen<string> Name = Label.Array[2, 4].Select(labels => string.Join('.', labels));

    /// <summary>Characters that look like, fold to, or hide next to Latin letters and dots.</summary>
    private static readonly Gen<string> Trick = Gen.OneOf(
        "\u0430", "\u043e", "\u0435", "\u0440", "\u0441", "\u0456", "\u03bf", "\u03b1", // Cyrillic and Greek look-alikes
        "\u0131", "\u0130", "\u017f", "\u212a", // dotless i, dotted capital I, long s, Kelvin sign
        "\uff41", "\uff2f", "\uff0e", "\u3002", // full-width a and O, full-width and ideographic full stops
        "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", // soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM
        ".", "..", "-", "\u2010", "\u2024"); // dots, hyphen, Unicode hyphen, one-dot leader

    private static EgressAllowlist Allow(string host, int port = 443) => EgressAllowlist.From([new EgressRule { Host = host, Ports = [port] }]);

    /// <summary>Some characters of <paramref name="name"/> replaced by, or followed by, tricks; letters randomly upper-cased.</summary>
    private static Gen<string> Mutated(string name) =>
        Gen.Select(Gen.Int[0, name.Length - 1].Array[1, 3], Trick.Array[1, 3], Gen.Bool.Array[name.Length], Gen.Bool).Select((positions, tricks, upper, replace) =>
        {
            var chars = name.Select((c, i) => upper[i] ? char.ToUpperInvariant(c).ToString() : c.ToString()).ToArray();
            for (var i = 0; i < positions.Length; i++)
            {
                var at = positions[i];
                chars[at] = replace ? tricks[i % tricks.Length] : chars[at] + tricks[i % tricks.Length];
            }
            return string.Concat(chars);
        });

    [Test]
    public void A_match_always_means_the_normal_form_is_the_listed_name()
    {
        Name.SelectMany(name => Mutated(name).Select(host => (name, host))).Sample(t =>
            !Allow(t.name).Matches(t.host, 443) || (HostName.TryNormalize(t.host, out var normal) && normal == t.name), iter: 2000);
    }

    [Test]
    public void A_wildcard_match_always_means_the_normal_form_is_below_the_listed_domain()
    {
        Gen.Select(Name, Label).SelectMany((domain, sub) => Mutated(sub + "." + domain).Select(host => (domain, host))).Sample(t =>
            !Allow("*." + t.domain).Matches(t.host, 443) || (HostName.TryNormalize(t.host, out var normal) && normal.EndsWith("." + t.domain, StringComparison.Ordinal)),
            iter: 2000);
    }

    [Test]
    public void Look_alike_letters_from_other_scripts_never_match()
    {
        var lookAlikes = new Dictionary<char, string> { ['a'] = "\u0430", ['o'] = "\u03bf", ['e'] = "\u0435", ['p'] = "\u0440", ['c'] = "\u0441", ['i'] = "\u0131" };
        Gen.Select(Name, Gen.Int[0, 100]).Where((name, _) => name.Any(lookAlikes.ContainsKey)).Sample((name, pick) =>
        {
            var at = Enumerable.Range(0, name.Length).Where(i => lookAlikes.ContainsKey(name[i])).ToList()[pick % name.Count(lookAlikes.ContainsKey)];
            var spoofed = name[..at] + lookAlikes[name[at]] + name[(at + 1)..];
            return !Allow(name).Matches(spoofed, 443) && !Allow("*." + name).Matches("x." + spoofed, 443);
        });
    }

    [Test]
    public void A_unicode_name_and_its_punycode_form_decide_alike()
    {
        var unicode = Gen.String[Gen.Char["abcdeüöäéßçñ"], 1, 8].Select(l => l + "x");
        Gen.Select(unicode, Label).Sample((label, tld) =>
        {
            var host = label + "." + tld;
            var ascii = Idn.GetAscii(host);
            return Allow(ascii).Matches(host, 443) && Allow(host).Matches(ascii, 443) && Allow(ascii).Matches(host.ToUpperInvariant(), 443);
        });
    }

    [Test]
    public void One_trailing_dot_on_either_side_is_the_same_name_and_two_never_are()
    {
        Name.Sample(name =>
            Allow(name + ".").Matches(name, 443) && Allow(name).Matches(name + ".", 443)
            && !Allow(name).Matches(name + "..", 443) && !Allow(name).Matches("." + name, 443) && !Allow(name).Matches(name.Replace(".", ".."), 443));
    }
}
