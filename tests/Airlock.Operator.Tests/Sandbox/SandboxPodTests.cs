using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.Sandbox;

public class SandboxPodTests
{
    private static V1Pod Pod(AgentTask task) => AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default).Pod;

    private static V1Container Agent(AgentTask task) => Pod(task).Spec.Containers.Single();

    [Test]
    public void Pod_has_no_service_account_token_automount()
    {
        Pod(Tasks.Minimal()).Spec.AutomountServiceAccountToken.Should().BeFalse();
    }

    [Test]
    public void Pod_has_no_service_links()
    {
        Pod(Tasks.Minimal()).Spec.EnableServiceLinks.Should().BeFalse();
    }

    [Test]
    public void Pod_shares_no_host_namespace()
    {
        var spec = Pod(Tasks.Minimal()).Spec;

        new[] { spec.HostNetwork, spec.HostPID, spec.HostIPC }.Should().AllBeEquivalentTo(false);
    }

    [Test]
    public void Pod_never_restarts()
    {
        Pod(Tasks.Minimal()).Spec.RestartPolicy.Should().Be("Never");
    }

    [Test]
    public void Container_is_locked_down()
    {
        var context = Agent(Tasks.Minimal()).SecurityContext;

        context.RunAsNonRoot.Should().BeTrue();
        context.ReadOnlyRootFilesystem.Should().BeTrue();
        context.AllowPrivilegeEscalation.Should().BeFalse();
        context.Capabilities.Drop.Should().Equal("ALL");
        context.SeccompProfile.Type.Should().Be("RuntimeDefault");
    }

    [Test]
    public void Requests_equal_limits()
    {
        var resources = Agent(Tasks.Minimal()).Resources;

        resources.Requests.Should().BeEquivalentTo(resources.Limits);
    }

    [Test]
    public void Resources_default_to_the_policy_defaults()
    {
        var limits = Agent(Tasks.Minimal()).Resources.Limits;

        limits.ToDictionary(l => l.Key, l => l.Value.ToString()).Should().BeEquivalentTo(
            new Dictionary<string, string> { ["cpu"] = "1", ["memory"] = "2Gi", ["ephemeral-storage"] = "4Gi" });
    }

    [Test]
    public void Gateway_token_has_the_gateway_audience_and_the_spec_lifetime()
    {
        var task = Tasks.Minimal();
        task.Spec.TokenExpirationSeconds = 1800;

        var token = Pod(task).Spec.Volumes.Single(v => v.Name == SandboxPodBuilder.TokenVolume).Projected.Sources.Single().ServiceAccountToken;

        (token.Audience, token.ExpirationSeconds).Should().Be(("airlock-gateway", 1800L));
    }

    [Test]
    public void Gateway_token_lifetime_defaults_to_600_seconds()
    {
        var token = Pod(Tasks.Minimal()).Spec.Volumes.Single(v => v.Name == SandboxPodBuilder.TokenVolume).Projected.Sources.Single().ServiceAccountToken;

        token.ExpirationSeconds.Should().Be(600);
    }

    [Test]
    public void Gateway_token_is_mounted_read_only_where_the_env_says()
    {
        var container = Agent(Tasks.Minimal());

        container.VolumeMounts.Should().ContainSingle(m => m.Name == SandboxPodBuilder.TokenVolume && m.ReadOnlyProperty == true && m.MountPath == "/var/run/secrets/airlock");
        container.Env.Should().ContainSingle(e => e.Name == "AIRLOCK_TOKEN_FILE").Which.Value.Should().Be("/var/run/secrets/airlock/token");
    }

    [Test]
    public void Prompt_is_mounted_read_only()
    {
        Agent(Tasks.Minimal()).VolumeMounts.Should().ContainSingle(m => m.Name == SandboxPodBuilder.PromptVolume).Which.ReadOnlyProperty.Should().BeTrue();
    }

    [Test]
    public void Workspace_is_an_empty_dir_sized_by_ephemeral_storage()
    {
        var task = Tasks.Minimal();
        task.Spec.Resources = new TaskResources { EphemeralStorage = new ResourceQuantity("6Gi") };

        Pod(task).Spec.Volumes.Single(v => v.Name == SandboxPodBuilder.WorkspaceVolume).EmptyDir.SizeLimit.ToString().Should().Be("6Gi");
    }

    [Test]
    public void Pod_never_references_a_secret()
    {
        var task = Tasks.Minimal();
        task.Spec.Permissions = [new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get"] }];

        KubernetesJson.Serialize(Pod(task)).Should().NotContainAny("\"secret\"", "secretRef", "secretKeyRef", "imagePullSecrets");
    }

    [Test]
    public void Runtime_class_defaults_to_the_policy_default()
    {
        Pod(Tasks.Minimal()).Spec.RuntimeClassName.Should().Be("kata-qemu");
    }

    [Test]
    public void Active_deadline_comes_from_the_timeout()
    {
        var task = Tasks.Minimal();
        task.Spec.Timeout = "1h30m";

        Pod(task).Spec.ActiveDeadlineSeconds.Should().Be(5400);
    }

    [Test]
    public void Active_deadline_defaults_to_one_hour()
    {
        Pod(Tasks.Minimal()).Spec.ActiveDeadlineSeconds.Should().Be(3600);
    }

    [Test]
    public void Proxy_environment_points_at_the_egress_proxy()
    {
        var env = Agent(Tasks.Minimal()).Env.ToDictionary(e => e.Name, e => e.Value);

        env["HTTPS_PROXY"].Should().Be(SandboxSettings.Default.EgressProxyUrl);
        env["HTTP_PROXY"].Should().Be(SandboxSettings.Default.EgressProxyUrl);
        env["NO_PROXY"].Should().Be("airlock-gateway.airlock-system.svc");
        env["OPENAI_BASE_URL"].Should().Be("http://airlock-gateway.airlock-system.svc:8080/v1");
    }

    [Test]
    public void Task_env_cannot_override_the_proxy()
    {
        var task = Tasks.Minimal();
        task.Spec.Env = [new TaskEnvVar { Name = "https_proxy", Value = "http://evil" }, new TaskEnvVar { Name = "LOG_LEVEL", Value = "debug" }];

        var env = Agent(task).Env;

        env.Where(e => e.Value == "http://evil").Should().BeEmpty();
        env.Should().ContainSingle(e => e.Name == "LOG_LEVEL");
    }

    [Test]
    public void Api_token_is_mounted_only_when_the_task_has_permissions()
    {
        Pod(Tasks.Minimal()).Spec.Volumes.Should().NotContain(v => v.Name == SandboxPodBuilder.KubeApiTokenVolume);
    }

    [Test]
    public void Pod_records_the_hash_of_the_spec_it_was_built_from()
    {
        var task = Tasks.Minimal();

        Pod(task).Metadata.Annotations[Api.AirlockAnnotations.SpecHash].Should().Be(DesiredHash.OfSandboxSpec(task.Spec));
    }
}
