using System.Security.Cryptography;
using System.Text;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>Names, labels and the annotation of the two CiliumNetworkPolicies a task gets.</summary>
public static class CiliumNames
{
    /// <summary>On the egress-proxy policy (in the system namespace): the namespace of the task it belongs to.</summary>
    public const string TaskNamespaceLabel = AgentsGroup.Name + "/task-namespace";

    /// <summary>On both policies: <c>namespace/name</c> of the task, whatever the length of its name (labels stop at 63).</summary>
    public const string TaskAnnotation = AgentsGroup.Name + "/task-key";

    /// <summary><c>app.kubernetes.io/component</c> of the sandbox-side policy.</summary>
    public const string SandboxComponent = "sandbox-dns";

    /// <summary><c>app.kubernetes.io/component</c> of the proxy-side policy.</summary>
    public const string ProxyComponent = "egress-policy";

    private const int MaxObjectName = 253;

    /// <summary>The sandbox-side policy, in the task's namespace: <c>&lt;task&gt;-sandbox</c> like the NetworkPolicy (another kind).</summary>
    public static string Sandbox(string task) => SandboxNames.Sandbox(task);

    /// <summary>
    /// The proxy-side policy, in the system namespace: <c>egress.&lt;namespace&gt;.&lt;task&gt;</c>. A namespace has no dots, so
    /// the name is unambiguous; past 253 characters it is shortened and made unique by a hash.
    /// </summary>
    public static string Proxy(string @namespace, string task)
    {
        var name = $"egress.{@namespace}.{task}";
        if (name.Length <= MaxObjectName) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(@namespace + "/" + task)))[..8];
        return name[..(MaxObjectName - hash.Length - 1)].TrimEnd('.', '-') + "-" + hash;
    }

    /// <summary>Labels of the proxy-side policy: selectable by task and namespace, never an owner reference (it lives in another namespace).</summary>
    public static Dictionary<string, string> ProxyLabels(AgentTask task) => new()
    {
        [AirlockLabels.Task] = SandboxNames.TaskLabelValue(task.Metadata.Name),
        [TaskNamespaceLabel] = task.Metadata.NamespaceProperty ?? "",
        [AirlockLabels.ManagedBy] = AirlockLabels.ManagedByValue,
        [AirlockLabels.Component] = ProxyComponent,
    };

    public static string TaskKey(string @namespace, string name) => @namespace + "/" + name;
}
