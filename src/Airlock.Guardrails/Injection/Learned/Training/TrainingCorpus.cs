using System.Security.Cryptography;
using System.Text;

namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The texts the model learns from: every <c>attacks*.txt</c> and <c>benign*.txt</c> under the given directories, held-out
/// files (<c>*.holdout.txt</c>) excluded. Format: <c>category&lt;TAB&gt;text</c>, <c>\n</c> for a newline, <c>\\</c> for a
/// backslash, <c>#</c> comments; the messages of a multi-message sample are joined by <c> ||| </c> and read as one text,
/// joined by a space, as the detector reads several messages. Files are read in ordinal order of their names, so the
/// corpus (and its hash) does not depend on the directory listing.
/// </summary>
public static class TrainingCorpus
{
    public const string MessageSeparator = " ||| ";

    public static IReadOnlyList<TrainingSample> Load(params string[] directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var files = directories
            .SelectMany(d => Directory.EnumerateFiles(d, "*.txt", SearchOption.TopDirectoryOnly))
            .Where(f => !f.EndsWith(".holdout.txt", StringComparison.Ordinal))
            .Select(f => (Path: f, Name: Path.GetFileName(f)))
            .Where(f => f.Name.StartsWith("attacks", StringComparison.Ordinal) || f.Name.StartsWith("benign", StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal);
        var samples = new List<TrainingSample>();
        foreach (var (path, name) in files) samples.AddRange(Parse(File.ReadAllText(path, Encoding.UTF8), name.StartsWith("attacks", StringComparison.Ordinal)));
        return samples;
    }

    public static IReadOnlyList<TrainingSample> Parse(string content, bool isAttack)
    {
        ArgumentNullException.ThrowIfNull(content);
        var samples = new List<TrainingSample>();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var text = Unescape(line[(tab + 1)..]).Replace(MessageSeparator, " ", StringComparison.Ordinal);
            if (text.Length > 0) samples.Add(new TrainingSample(line[..tab], text, isAttack));
        }
        return samples;
    }

    /// <summary>SHA-256 (hex) of the samples in order, labels included: it names the data a model was trained on.</summary>
    public static string Sha256(IReadOnlyList<TrainingSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sample in samples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{(sample.IsAttack ? 'A' : 'B')}\t{sample.Category}\t{sample.Text}\0"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or '\\' or 't')
            {
                builder.Append(text[i + 1] switch { 'n' => '\n', 't' => '\t', _ => '\\' });
                i++;
                continue;
            }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }
}
