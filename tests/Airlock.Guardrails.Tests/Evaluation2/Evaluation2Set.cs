using System.Text;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Evaluation2;

/// <summary>
/// The second evaluation-only set (<c>evaluation2.attacks.txt</c>, <c>evaluation2.benign.txt</c>), written by someone
/// who never read the detector, its red-team corpora or the first evaluation set. It uses the first set's line format
/// (category TAB text, <c>{{kind:text}}</c> placeholders, <c>|||</c> message splits, escapes). A category reads
/// <c>family</c> or <c>family.detail</c> (for example <c>multilingual.ja</c>); figures are reported per family.
/// </summary>
public static class Evaluation2Set
{
    public const string Folder = "Evaluation2";

    public static IReadOnlyList<string> AttackFamilies { get; } =
    [
        "direct-override", "indirect-web", "indirect-email", "indirect-ticket", "indirect-code", "indirect-tool-output",
        "indirect-rag", "role-spoof", "exfiltration", "agent-hijack", "jailbreak", "prompt-extraction", "multilingual",
        "encoding", "invisible", "multi-message",
    ];

    public static IReadOnlyList<string> BenignFamilies { get; } =
    [
        "security-writing", "system-prompt-docs", "support-email", "code", "translation-request", "policy", "manual",
        "fiction-request", "logs-blobs", "multilingual", "tool-output", "ticket", "conversation", "markup", "unicode-text",
    ];

    public static IReadOnlyList<EvaluationSample> Attacks { get; } = Load("evaluation2.attacks.txt", isAttack: true);
    public static IReadOnlyList<EvaluationSample> Benign { get; } = Load("evaluation2.benign.txt", isAttack: false);

    /// <summary>The family of a category: the part before the first dot.</summary>
    public static string Family(string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? category : category[..dot];
    }

    /// <summary>The detail of a category (the language code of <c>multilingual.ja</c>), or empty.</summary>
    public static string Detail(string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? string.Empty : category[(dot + 1)..];
    }

    private static IReadOnlyList<EvaluationSample> Load(string name, bool isAttack) =>
        EvaluationSet.Parse(File.ReadAllText(Locate(name), Encoding.UTF8), isAttack);

    // The test project copies only Evaluation/*.txt to the output folder, so the files are also looked up beside the
    // sources: walk up from the output folder until a folder holds Evaluation2/<name>.
    private static string Locate(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{Folder}/{name} not found above {AppContext.BaseDirectory}");
    }
}
