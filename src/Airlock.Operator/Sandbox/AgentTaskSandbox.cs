using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>
/// The pure desired-state builder: a task, its effective policy and the cluster settings in, the objects its sandbox
/// consists of out. No I/O; the reconciler applies the result and the golden-file tests pin it.
/// </summary>
public static class AgentTaskSandbox
{
    public static SandboxObjects Build(AgentTask task, EffectivePolicy policy, SandboxSettings settings) =>
        Build(task, policy, settings, DesiredHash.OfSandboxSpec(task.Spec));

    /// <param name="specHash"><see cref="DesiredHash.OfSandboxSpec"/> of the task's spec, when the caller has it already (the reconciler computes it once).</param>
    public static SandboxObjects Build(AgentTask task, EffectivePolicy policy, SandboxSettings settings, string specHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(task.Metadata?.Name, "task.metadata.name");
        var name = task.Metadata.Name;
        var agent = SandboxNames.Agent(name);

        var serviceAccount = DesiredHash.Stamp(new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = ChildMetadata.For(task, agent, "agent"),
            AutomountServiceAccountToken = false,
        });

        V1Role? role = null;
        V1RoleBinding? binding = null;
        if (task.Spec.Permissions is { Count: > 0 } permissions)
        {
            role = DesiredHash.Stamp(new V1Role
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "Role",
                Metadata = ChildMetadata.For(task, agent, "agent"),
                Rules = permissions.Select(ToPolicyRule).ToList(),
            });
            binding = DesiredHash.Stamp(new V1RoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "RoleBinding",
                Metadata = ChildMetadata.For(task, agent, "agent"),
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = agent },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = agent, NamespaceProperty = task.Metadata.NamespaceProperty }],
            });
        }

        var prompt = DesiredHash.Stamp(new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = ChildMetadata.For(task, SandboxNames.Prompt(name), "prompt"),
            Data = new Dictionary<string, string> { [SandboxContract.PromptKey] = task.Spec.Prompt ?? "" },
        });

        return new SandboxObjects(
            serviceAccount,
            role,
            binding,
            prompt,
            SandboxNetworkPolicyBuilder.Build(task, settings),
            SandboxPodBuilder.Build(task, policy, settings, specHash));
    }

    private static V1PolicyRule ToPolicyRule(PermissionRule rule) => new()
    {
        ApiGroups = [.. rule.ApiGroups],
        Resources = [.. rule.Resources],
        ResourceNames = rule.ResourceNames is { Count: > 0 } names ? [.. names] : null,
        Verbs = [.. rule.Verbs],
    };
}
