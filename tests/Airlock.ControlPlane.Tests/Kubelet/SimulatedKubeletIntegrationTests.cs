using Airlock.ControlPlane.Server;
using k8s;
using k8s.Models;

namespace Airlock.ControlPlane.Tests.Kubelet;

/// <summary>The simulated kubelet against the real local API server (which runs it), through KubernetesClient.</summary>
[NonParallelizable]
public class SimulatedKubeletIntegrationTests
{
    private LocalControlPlane _plane = null!;
    private Kubernetes _client = null!;
    private string _namespace = "";

    [OneTimeSetUp]
    public async Task StartControlPlane()
    {
        _plane = await LocalControlPlane.StartAsync();
        _client = _plane.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopControlPlane()
    {
        _client.Dispose();
        await _plane.DisposeAsync();
    }

    [SetUp]
    public async Task NewNamespace()
    {
        _namespace = "kubelet-" + Guid.NewGuid().ToString("N")[..8];
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = _namespace } });
    }

    private Task<V1Pod> CreatePodAsync(string name, string? runtimeClass = null, long? activeDeadlineSeconds = null, params (string Name, string Value)[] env) =>
        _client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PodSpec
            {
                RuntimeClassName = runtimeClass,
                ActiveDeadlineSeconds = activeDeadlineSeconds,
                RestartPolicy = "Never",
                Containers = [new V1Container { Name = "main", Image = "busybox", Env = env.Select(e => new V1EnvVar { Name = e.Name, Value = e.Value }).ToList() }],
            },
        }, _namespace);

    private Task<V1Pod> WaitForPhaseAsync(string name, string phase) =>
        Eventually.Until(() => _client.CoreV1.ReadNamespacedPodAsync(name, _namespace), p => p.Status?.Phase == phase);

    [Test]
    public async Task The_node_is_registered_ready()
    {
        var node = await Eventually.Until(() => _client.CoreV1.ListNodeAsync(), l => l.Items.Count > 0);
        node.Items.Should().ContainSingle(n => n.Metadata.Name == "airlock-dev-node" && KubeletNodeReady(n));
    }

    [Test]
    public async Task A_pod_is_bound_and_runs_with_its_own_loopback_address()
    {
        await CreatePodAsync("web");

        var pod = await WaitForPhaseAsync("web", "Running");

        pod.Spec.NodeName.Should().Be("airlock-dev-node");
        pod.Status.PodIP.Should().StartWith("127.1.");
        pod.Status.HostIP.Should().Be("127.0.0.1");
        pod.Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "True");
        pod.Status.ContainerStatuses.Should().ContainSingle(c => c.Ready && c.ContainerID.StartsWith("sim://"));
    }

    [Test]
    public async Task Pods_get_distinct_addresses()
    {
        foreach (var name in new[] { "a", "b", "c" }) await CreatePodAsync(name);

        var pods = new List<V1Pod>();
        foreach (var name in new[] { "a", "b", "c" }) pods.Add(await WaitForPhaseAsync(name, "Running"));

        pods.Select(p => p.Status.PodIP).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task A_pod_that_exits_zero_succeeds()
    {
        await CreatePodAsync("job", env: ("SIM_EXIT_AFTER", "500ms"));

        var pod = await WaitForPhaseAsync("job", "Succeeded");

        pod.Status.ContainerStatuses.Single().State.Terminated.ExitCode.Should().Be(0);
    }

    [Test]
    public async Task A_pod_that_exits_non_zero_fails()
    {
        await CreatePodAsync("crash", env: [("SIM_EXIT_AFTER", "200ms"), ("SIM_EXIT_CODE", "2")]);

        var pod = await WaitForPhaseAsync("crash", "Failed");

        pod.Status.ContainerStatuses.Single().State.Terminated.Reason.Should().Be("Error");
    }

    [Test]
    public async Task A_pod_past_its_active_deadline_fails_with_deadline_exceeded()
    {
        await CreatePodAsync("slow", activeDeadlineSeconds: 1);

        var pod = await WaitForPhaseAsync("slow", "Failed");

        pod.Status.Reason.Should().Be("DeadlineExceeded");
    }

    [Test]
    public async Task A_pod_waits_for_its_runtime_class_and_starts_when_it_appears()
    {
        var runtimeClass = "kata-" + _namespace;
        await CreatePodAsync("sandboxed", runtimeClass: runtimeClass);
        var waiting = await Eventually.Until(() => _client.CoreV1.ReadNamespacedPodAsync("sandboxed", _namespace),
            p => p.Status?.Conditions?.Any(c => c.Type == "PodScheduled" && c.Status == "False") == true);
        waiting.Status.Phase.Should().Be("Pending");
        await Eventually.Until(() => _client.CoreV1.ListNamespacedEventAsync(_namespace),
            l => l.Items.Any(e => e.Reason == "FailedCreatePodSandBox" && e.Type == "Warning" && e.Message.Contains(runtimeClass)));

        await _client.NodeV1.CreateRuntimeClassAsync(new V1RuntimeClass { Metadata = new V1ObjectMeta { Name = runtimeClass }, Handler = "kata" });

        (await WaitForPhaseAsync("sandboxed", "Running")).Spec.NodeName.Should().Be("airlock-dev-node");
    }

    [Test]
    public async Task Scheduling_and_starting_are_recorded_as_events()
    {
        await CreatePodAsync("noisy");
        await WaitForPhaseAsync("noisy", "Running");

        var events = await Eventually.Until(() => _client.CoreV1.ListNamespacedEventAsync(_namespace), l => l.Items.Count >= 2);

        events.Items.Should().Contain(e => e.Reason == "Scheduled" && e.Source.Component == "default-scheduler");
        events.Items.Should().Contain(e => e.Reason == "Started" && e.Source.Component == "kubelet" && e.InvolvedObject.Name == "noisy");
    }

    [Test]
    public async Task A_deleted_pods_address_goes_to_the_next_pod()
    {
        await CreatePodAsync("first");
        var address = (await WaitForPhaseAsync("first", "Running")).Status.PodIP;

        await _client.CoreV1.DeleteNamespacedPodAsync("first", _namespace);
        await Eventually.Until(() => _client.CoreV1.ListNamespacedPodAsync(_namespace), l => l.Items.Count == 0);
        await CreatePodAsync("second");

        (await WaitForPhaseAsync("second", "Running")).Status.PodIP.Should().Be(address);
    }

    [Test]
    [Explicit("load check: thousands of pods through one kubelet")]
    public async Task Thousands_of_pods_all_run_and_finish()
    {
        const int count = 3000;
        var created = Enumerable.Range(0, count).Select(i => CreatePodAsync($"load-{i}", env: ("SIM_EXIT_AFTER", "2s")));
        foreach (var batch in created.Chunk(100)) await Task.WhenAll(batch);

        await Eventually.Until(() => _client.CoreV1.ListNamespacedPodAsync(_namespace),
            l => l.Items.Count(p => p.Status?.Phase == "Succeeded") == count, TimeSpan.FromMinutes(5));
    }

    private static bool KubeletNodeReady(V1Node node) => node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
