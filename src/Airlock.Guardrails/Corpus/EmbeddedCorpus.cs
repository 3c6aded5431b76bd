using System.Text;

namespace Airlock.Guardrails.Corpus;

/// <summary>
/// The corpora compiled into the assembly. <see cref="Attacks"/> and <see cref="Benign"/> are the seeds the detector was
/// tuned on and <c>airlock redteam</c> mutates; the held-out pair was written before tuning and is only ever measured.
/// Format: one sample per line, <c>family&lt;TAB&gt;text</c>, <c>\n</c> for a newline, <c>#</c> comments.
/// </summary>
public static class EmbeddedCorpus
{
    public static IReadOnlyList<CorpusEntry> Attacks { get; } = Load("attacks.txt", isAttack: true);
    public static IReadOnlyList<CorpusEntry> Benign { get; } = Load("benign.txt", isAttack: false);
    public static IReadOnlyList<CorpusEntry> HeldOutAttacks { get; } = Load("attacks.holdout.txt", isAttack: true);
    public static IReadOnlyList<CorpusEntry> HeldOutBenign { get; } = Load("benign.holdout.txt", isAttack: false);

    public static IReadOnlyList<CorpusEntry> Parse(string content, bool isAttack)
    {
        var entries = new List<CorpusEntry>();
        foreach (var line in content.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"corpus line without a family: {line}");
            entries.Add(new CorpusEntry(line[..tab], line[(tab + 1)..].Replace("\\n", "\n", StringComparison.Ordinal), isAttack));
        }
        return entries;
    }

    private static IReadOnlyList<CorpusEntry> Load(string name, bool isAttack)
    {
        using var stream = typeof(EmbeddedCorpus).Assembly.GetManifestResourceStream($"Airlock.Guardrails.Corpus.{name}")
            ?? throw new InvalidOperationException($"corpus {name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), isAttack);
    }
}
