using System.Text.Json.Nodes;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;
using Airlock.Operator.Tests.Support;

namespace Airlock.Operator.Tests.Validation;

/// <summary>
/// Every rule no ClusterAgentPolicy can loosen, with its exact message, through the entry point that the webhook and
/// <c>airlock validate</c> share (<see cref="AirlockManifests.Validate"/>), under the built-in policy and under a policy
/// that tries to allow everything.
/// </summary>
public sealed class RulesNoPolicyCanLoosenTests
{
    private const string Never = "is never granted to an agent (it could read credentials or leave its sandbox); use a ConfigMap input or the gateway instead";
    private const string GitHubToken = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";

    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    /// <summary>A policy that names everything it can: the forbidden list must still hold.</summary>
    private static readonly EffectivePolicy Permissive = AirlockManifests.ReadPolicy("""
        apiVersion: agents.airlock.dev/v1alpha1
        kind: ClusterAgentPolicy
        metadata: {name: permissive}
        spec:
          allowedRuntimeClasses: [kata-qemu, kata-clh, kata-fc, kata-qemu-snp, kata-qemu-tdx]
          maxTokenExpirationSeconds: 3600
          egress: {allowedCidrs: ["0.0.0.0/0", "::/0"]}
        """);

    private static IEnumerable<TestCaseData> Rules()
    {
        yield return Rule("runtime class outside the policy", "runtimeClassName: runc", "spec.runtimeClassName",
            "\"runc\" is not allowed; use one of kata-qemu, kata-clh, kata-fc, kata-qemu-snp, kata-qemu-tdx");
        foreach (var resource in new[]
        {
            "secrets", "pods/exec", "pods/attach", "pods/portforward", "serviceaccounts/token", "roles", "rolebindings", "clusterroles",
            "clusterrolebindings", "nodes", "nodes/proxy", "customresourcedefinitions", "mutatingwebhookconfigurations", "validatingwebhookconfigurations",
        })
        {
            yield return Rule($"permission on {resource}", Permission(resource, "get"), "spec.permissions[0].resources[0]", $"\"{resource}\" {Never}");
        }
        foreach (var verb in new[] { "*", "escalate", "bind", "impersonate" })
        {
            yield return Rule($"verb {verb}", Permission("configmaps", verb), "spec.permissions[0].verbs[0]",
                $"\"{verb}\" is not allowed; list the verbs the agent needs (get, list, watch...)");
        }
        yield return Rule("resource *", Permission("*", "get"), "spec.permissions[0].resources[0]", "\"*\" is a wildcard; name each resource");
        yield return Rule("api group *", "permissions: [{apiGroups: [\"*\"], resources: [configmaps], verbs: [get]}]", "spec.permissions[0].apiGroups[0]",
            "\"*\" (every API group) is not allowed; name the groups (\"\" is the core group)");
        foreach (var (resource, verb) in new[] { ("pods", "create"), ("pods", "patch"), ("pods/status", "update"), ("deployments", "create"), ("jobs", "create") })
        {
            yield return Rule($"{verb} {resource}", Permission(resource, verb), "spec.permissions[0].resources[0]",
                $"\"{resource}\" with {verb} is never granted to an agent (whoever creates or changes pods can run them with any Secret or service account of the namespace); grant get, list or watch only");
        }
        yield return Rule("egress to 0.0.0.0/0", Cidr("0.0.0.0/0"), "spec.egress[0].cidr", "\"0.0.0.0/0\" is the whole address space; name the networks the task needs");
        yield return Rule("egress to ::/0", Cidr("::/0"), "spec.egress[0].cidr", "\"::/0\" is the whole address space; name the networks the task needs");
        yield return Rule("egress to the metadata address", Cidr("169.254.169.254/32"), "spec.egress[0].cidr",
            "\"169.254.169.254/32\" lies in 169.254.0.0/16 (link-local or cloud metadata), which no sandbox may reach");
        yield return Rule("egress to IPv6 link-local", Cidr("fe80::/64"), "spec.egress[0].cidr",
            "\"fe80::/64\" lies in fe80::/10 (link-local or cloud metadata), which no sandbox may reach");
        yield return Rule("egress to the EC2 IPv6 metadata address", Cidr("fd00:ec2::254/128"), "spec.egress[0].cidr",
            "\"fd00:ec2::254/128\" lies in fd00:ec2::254/128 (link-local or cloud metadata), which no sandbox may reach");
        yield return Rule("env from a Secret", "env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: s, key: k}}}]", "spec.env[0].valueFrom",
            "is not a known field; check its spelling and indentation (kubectl explain agenttask.spec)");
        foreach (var name in new[] { "HTTPS_PROXY", "no_proxy", "OPENAI_BASE_URL", "AIRLOCK_TOKEN_FILE", "KUBERNETES_SERVICE_HOST" })
        {
            yield return Rule($"env overriding {name}", $"env: [{{name: {name}, value: x}}]", "spec.env[0].name",
                $"\"{name}\" is reserved by Airlock (proxy settings, OPENAI_BASE_URL, AIRLOCK_*, KUBERNETES_*); choose another name");
        }
        yield return Rule("token lifetime below 600 s", "tokenExpirationSeconds: 599", "spec.tokenExpirationSeconds",
            "599 is outside 600..3600; pick a lifetime in that range (the kubelet refreshes the token at 80%)");
        yield return Rule("token lifetime above 3600 s", "tokenExpirationSeconds: 3601", "spec.tokenExpirationSeconds",
            "3601 is outside 600..3600; pick a lifetime in that range (the kubelet refreshes the token at 80%)");
        yield return Rule("prompt over 256 KiB", $"prompt: {new string('a', 256 * 1024 + 1)}", "spec.prompt",
            "is 262145 bytes, more than 256 KiB; move large inputs into the workspace (fetch them through an egress rule)");
        yield return Rule("secret in the prompt", $"prompt: \"push with {GitHubToken}\"", "spec.prompt",
            "contains what looks like a github-token secret (at character 10); remove it: credentials never go into a task (the gateway holds provider keys)");
        yield return Rule("secret in an env value", $"env: [{{name: TOKEN, value: \"{GitHubToken}\"}}]", "spec.env[0].value",
            "contains what looks like a github-token secret (at character 0); remove it: credentials never go into a task (the gateway holds provider keys)");
        yield return Rule("non-ASCII host", "egress: [{host: bücher.de, ports: [443]}]", "spec.egress[0].host",
            "\"bücher.de\" is not ASCII; write international names in punycode (xn--...)");
        yield return Rule("unknown field", "imagePullSecrets: [{name: regcred}]", "spec.imagePullSecrets",
            "is not a known field; check its spelling and indentation (kubectl explain agenttask.spec)");
    }

    private static TestCaseData Rule(string name, string specLine, string field, string message) =>
        new TestCaseData(specLine, field, message).SetArgDisplayNames(name);

    private static string Permission(string resource, string verb) => $"permissions: [{{apiGroups: [\"\", apps, batch], resources: [\"{resource}\"], verbs: [\"{verb}\"]}}]";

    private static string Cidr(string cidr) => $"egress: [{{cidr: \"{cidr}\", ports: [443]}}]";

    private static JsonObject Task(string specLine) => ManifestReader.ReadDocuments($"""
        apiVersion: agents.airlock.dev/v1alpha1
        kind: AgentTask
        metadata: {"{"}name: rule{"}"}
        spec:
          image: ghcr.io/acme/agent@sha256:{new string('a', 64)}
          {specLine}
        """).Single();

    [TestCaseSource(nameof(Rules))]
    public void Rule_holds_under_the_builtin_policy(string specLine, string field, string message) =>
        AirlockManifests.Validate(Task(specLine), BuiltinPolicy.Effective, Now).Select(p => p.ToString()).Should().Contain($"{field}: {message}");

    [TestCaseSource(nameof(Rules))]
    public void Rule_holds_under_a_policy_that_allows_everything_it_can(string specLine, string field, string message) =>
        AirlockManifests.Validate(Task(specLine), Permissive, Now).Select(p => p.ToString()).Should().Contain($"{field}: {message}");

    [Test]
    public void Punycode_host_is_accepted() =>
        AirlockManifests.Validate(Task("egress: [{host: xn--bcher-kva.de, ports: [443]}]"), BuiltinPolicy.Effective, Now).Should().BeEmpty();

    [Test]
    public void Secret_message_never_echoes_the_secret() =>
        AirlockManifests.Validate(Task($"prompt: \"{GitHubToken}\""), BuiltinPolicy.Effective, Now).Should().NotContain(p => p.Message.Contains("ghp_"));

    [Test]
    public void Policy_allowing_a_non_kata_runtime_class_still_allows_only_kata() =>
        PolicyMerger.Merge([new Api.Policies.ClusterAgentPolicy { Metadata = new() { Name = "p" }, Spec = new() { AllowedRuntimeClasses = ["runc", "kata-qemu"] } }])
            .AllowedRuntimeClasses.Should().Equal("kata-qemu");

    [Test]
    public void Policy_allowing_secrets_still_refuses_them()
    {
        var policy = PolicyMerger.Merge([new Api.Policies.ClusterAgentPolicy
        {
            Metadata = new() { Name = "p" },
            Spec = new() { Permissions = new() { Allowed = [new() { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get"] }] } },
        }]);

        AirlockManifests.Validate(Task(Permission("secrets", "get")), policy, Now).Select(p => p.Field).Should().Contain("spec.permissions[0].resources[0]");
    }

    [Test]
    public void Read_verbs_on_pods_are_allowed() =>
        AirlockManifests.Validate(Task("permissions: [{apiGroups: [\"\"], resources: [pods, pods/log], verbs: [get, list, watch]}]"), BuiltinPolicy.Effective, Now)
            .Should().BeEmpty();
}
