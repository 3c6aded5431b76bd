using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Tests.Evaluation;

/// <summary>
/// The evaluation-only set (<c>evaluation.attacks.txt</c>, <c>evaluation.benign.txt</c>): written before the detector
/// was reworked and never tuned on, it stands in for the unseen held-out set. Only measured, never mined for rules.
/// </summary>
public static partial class EvaluationSet
{
    public static IReadOnlyList<EvaluationSample> Attacks { get; } = Load("evaluation.attacks.txt", isAttack: true);
    public static IReadOnlyList<EvaluationSample> Benign { get; } = Load("evaluation.benign.txt", isAttack: false);

    [GeneratedRegex(@"\{\{(?<kind>b64|hex|rot13|url|homo|greek|zw|rlo|full|bold|spaced|tag|rev):(?<text>(?:(?!\{\{|\}\}).)*)\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();

    public static IReadOnlyList<EvaluationSample> Parse(string content, bool isAttack)
    {
        var samples = new List<EvaluationSample>();
        foreach (var line in content.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"evaluation line without a category: {line}");
            var text = Unescape(line[(tab + 1)..]);
            while (Placeholder().Match(text) is { Success: true } match)
                text = text[..match.Index] + EvaluationEncodings.Encode(match.Groups["kind"].Value, match.Groups["text"].Value) + text[(match.Index + match.Length)..];
            samples.Add(new EvaluationSample(line[..tab], text.Split("|||"), isAttack));
        }
        return samples;
    }

    private static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                builder.Append(text[i]);
                continue;
            }
            var next = text[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case '\\': builder.Append('\\'); break;
                case 'u': builder.Append(CodePoint(text, ref i, 4)); break;
                case 'U': builder.Append(CodePoint(text, ref i, 8)); break;
                default: builder.Append('\\').Append(next); break;
            }
        }
        return builder.ToString();
    }

    private static string CodePoint(string text, ref int i, int digits)
    {
        var value = int.Parse(text.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += digits;
        return char.ConvertFromUtf32(value);
    }

    private static IReadOnlyList<EvaluationSample> Load(string name, bool isAttack) =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", name), Encoding.UTF8), isAttack);
}
