using System.Security.Cryptography;
using System.Text;

namespace Airlock.Operator.Sandbox;

/// <summary>
/// Names of a task's children. A task name is a DNS-1123 subdomain of up to 253 characters; children and label values
/// must be DNS-1123 labels of at most 63, so long or dotted names are shortened and made unique by a hash of the full name.
/// </summary>
public static class SandboxNames
{
    public const int MaxLabelLength = 63;

    /// <summary>ServiceAccount, Role, RoleBinding and Pod: <c>&lt;task&gt;-agent</c>.</summary>
    public static string Agent(string task) => Child(task, "-agent");

    /// <summary>ConfigMap holding the prompt: <c>&lt;task&gt;-prompt</c>.</summary>
    public static string Prompt(string task) => Child(task, "-prompt");

    /// <summary>NetworkPolicy: <c>&lt;task&gt;-sandbox</c>.</summary>
    public static string Sandbox(string task) => Child(task, "-sandbox");

    /// <summary>Value of the <c>agents.airlock.dev/task</c> label: the task name when it fits, else a shortened unique form.</summary>
    public static string TaskLabelValue(string task) =>
        task.Length <= MaxLabelLength ? task : Shorten(task, "");

    private static string Child(string task, string suffix)
    {
        var name = task + suffix;
        return name.Length <= MaxLabelLength && !task.Contains('.') ? name : Shorten(task, suffix);
    }

    private static string Shorten(string task, string suffix)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(task)))[..8];
        var room = MaxLabelLength - suffix.Length - hash.Length - 1;
        var stem = task.Replace('.', '-');
        stem = stem[..Math.Min(room, stem.Length)].TrimEnd('-');
        return $"{stem}-{hash}{suffix}";
    }
}
