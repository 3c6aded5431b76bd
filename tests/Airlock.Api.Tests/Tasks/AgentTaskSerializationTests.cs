using Airlock.Api.Tasks;
using k8s;

namespace Airlock.Api.Tests.Tasks;

public class AgentTaskSerializationTests
{
    private const string Json = """
        {"apiVersion":"agents.airlock.dev/v1alpha1","kind":"AgentTask","metadata":{"name":"t","namespace":"agents"},
         "spec":{"image":"busybox","runtimeClassName":"kata-qemu","ttlSecondsAfterFinished":60,
           "resources":{"cpu":"1","memory":"2Gi","ephemeralStorage":"4Gi"},
           "egress":[{"host":"api.github.com","ports":[443]},{"cidr":"10.40.0.0/16","ports":[5432]}],
           "model":{"provider":"openai","allowedModels":["gpt-4.1-mini"],"maxTotalTokens":2000000},
           "debug":{"allowFrom":["10.0.3.7/32"],"ports":[8080],"expiresAt":"2026-11-26T12:00:00Z"}},
         "status":{"phase":"Running","podName":"t-agent","observedGeneration":3}}
        """;

    [Test]
    public void AgentTask_reads_camel_case_json()
    {
        var task = KubernetesJson.Deserialize<AgentTask>(Json);

        task.Spec.Egress![1].Cidr.Should().Be("10.40.0.0/16");
        task.Spec.Model!.MaxTotalTokens.Should().Be(2_000_000);
        task.Spec.Debug!.ExpiresAt.Should().Be(new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc));
        task.Status!.ObservedGeneration.Should().Be(3);
    }

    [Test]
    public void AgentTask_round_trips_through_json()
    {
        var task = KubernetesJson.Deserialize<AgentTask>(Json);

        KubernetesJson.Serialize(KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(task)))
            .Should().Be(KubernetesJson.Serialize(task));
    }

    [Test]
    public void New_AgentTask_carries_its_api_version_and_kind()
    {
        var task = new AgentTask();

        (task.ApiVersion, task.Kind).Should().Be(("agents.airlock.dev/v1alpha1", "AgentTask"));
    }

    [Test]
    public void Host_rule_without_ports_allows_443()
    {
        new EgressRule { Host = "pypi.org" }.EffectivePorts.Should().Equal(443);
    }

    [TestCase("HTTPS_PROXY")]
    [TestCase("https_proxy")]
    [TestCase("No_Proxy")]
    [TestCase("AIRLOCK_GATEWAY_URL")]
    [TestCase("KUBERNETES_SERVICE_HOST")]
    [TestCase("OPENAI_BASE_URL")]
    public void Proxy_airlock_and_kubernetes_env_names_are_reserved(string name)
    {
        SandboxContract.IsReservedEnvName(name).Should().BeTrue();
    }

    [Test]
    public void Ordinary_env_names_are_not_reserved()
    {
        SandboxContract.IsReservedEnvName("LOG_LEVEL").Should().BeFalse();
    }
}
