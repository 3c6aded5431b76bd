using Airlock.Api.Tasks;
using Airlock.Egress.Matching;
using CsCheck;

namespace Airlock.Egress.Tests.Matching;

/// <summary>Properties of <see cref="EgressAllowlist.Matches"/> over generated names, ports and tricks.</summary>
public class EgressAllowlistPropertyTests
{
    private static readonly Gen<string> Label =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12].Select(l => char.IsAsciiDigit(l[0]) ? "a" + l : l);

    /// <summary>A lower-case DNS name of 2..4 labels whose top label starts with a letter.</summary>
    private static readonly Gen<string> Name = Label.Array[2, 4].Select(labels => string.Join('.', labels));

    private static readonly Gen<int> Port = Gen.Int[1, 65535];

    /// <summary>Latin letters and the Cyrillic/Greek letters that look the same.</summary>
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['a'] = '\u0430',
        ['c'] = '\u0441',
        ['e'] = '\u0435',
        ['o'] = '\u043e',
        ['p'] = '\u0440',
        ['x'] = '\u0445',
        ['y'] = '\u0443',
        ['i'] = '\u0456',
        ['k'] = '\u03ba',
        ['v'] = '\u03bd',
    };

    private static EgressAllowlist Allow(string host, int port) => EgressAllowlist.From([new EgressRule { Host = host, Ports = [port] }]);

    [Test]
    public void A_listed_host_matches_in_any_letter_case_and_with_a_trailing_dot()
    {
        Gen.Select(Name, Port, Gen.Int[0, int.MaxValue]).Sample((name, port, seed) =>
        {
            var list = Allow(name, port);
            var random = new Random(seed);
            var mixed = string.Concat(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c));
            return list.Matches(name, port) && list.Matches(mixed, port) && list.Matches(mixed + ".", port);
        });
    }

    [Test]
    public void A_listed_host_never_matches_on_a_port_it_does_not_list()
    {
        Gen.Select(Name, Port, Port).Where((_, listed, asked) => listed != asked).Sample((name, listed, asked) => !Allow(name, listed).Matches(name, asked));
    }

    [Test]
    public void A_homoglyph_in_any_position_never_matches_the_latin_name()
    {
        Gen.Select(Name, Port, Gen.Int[0, 200]).Where((name, _, _) => name.Any(Homoglyphs.ContainsKey)).Sample((name, port, pick) =>
        {
            var positions = Enumerable.Range(0, name.Length).Where(i => Homoglyphs.ContainsKey(name[i])).ToList();
            var at = positions[pick % positions.Count];
            var spoofed = name[..at] + Homoglyphs[name[at]] + name[(at + 1)..];
            return !Allow(name, port).Matches(spoofed, port);
        });
    }

    [Test]
    public void A_wildcard_matches_one_or_more_labels_below_its_domain()
    {
        Gen.Select(Name, Label.Array[1, 3], Port).Sample((domain, below, port) =>
            Allow("*." + domain, port).Matches(string.Join('.', below) + "." + domain, port));
    }

    [Test]
    public void A_wildcard_never_matches_its_own_domain_nor_a_name_that_merely_ends_with_it()
    {
        Gen.Select(Name, Label, Port).Sample((domain, prefix, port) =>
        {
            var list = Allow("*." + domain, port);
            return !list.Matches(domain, port) && !list.Matches(prefix + domain, port) && !list.Matches(prefix + "-" + domain, port);
        });
    }

    [Test]
    public void An_exact_host_never_matches_a_longer_or_shorter_name()
    {
        Gen.Select(Name, Label, Port).Sample((name, extra, port) =>
        {
            var list = Allow(name, port);
            return !list.Matches(extra + "." + name, port) && !list.Matches(name + "." + extra, port) && !list.Matches(name[1..], port);
        });
    }

    [Test]
    public void Userinfo_ports_paths_and_whitespace_glued_to_a_listed_host_never_match()
    {
        var glue = Gen.OneOf("@", ":", "/", "\\", " ", "\t", "%2e", "#", "?", "\0", "\r\n");
        Gen.Select(Name, Name, glue, Port).Sample((name, other, g, port) =>
        {
            var list = Allow(name, port);
            return !list.Matches(name + g + other, port) && !list.Matches(other + g + name, port) && !list.Matches(name + g + port, port);
        });
    }

    [Test]
    public void Numeric_names_are_never_host_matches()
    {
        Gen.Select(Gen.Int[0, 255].Array[1, 4], Port).Sample((octets, port) =>
        {
            var text = string.Join('.', octets);
            return !Allow("*.example.com", port).Matches(text, port) && !EgressAllowlist.From([new EgressRule { Host = text, Ports = [port] }]).Matches(text, port);
        });
    }
}
