using Airlock.Runtime.Finalizers;
using k8s.Models;

namespace Airlock.Runtime.Tests.Finalizers;

public class FinalizerHelperTests
{
    private const string Finalizer = "agents.airlock.dev/cleanup";

    private sealed class RecordingPatcher : IObjectPatcher<V1ConfigMap>
    {
        public List<string> Patches { get; } = [];

        public Task<V1ConfigMap> PatchAsync(V1ConfigMap obj, V1Patch patch, CancellationToken cancellationToken)
        {
            Patches.Add((string)patch.Content);
            return Task.FromResult(obj);
        }
    }

    [Test]
    public async Task Adding_a_finalizer_patches_the_list_guarded_by_resource_version()
    {
        var patcher = new RecordingPatcher();
        var obj = Objects.ConfigMap("task", "7");
        obj.Metadata.Finalizers = ["other"];

        await FinalizerHelper.AddAsync(patcher, obj, Finalizer);

        patcher.Patches.Should().Equal("""{"metadata":{"finalizers":["other","agents.airlock.dev/cleanup"],"resourceVersion":"7"}}""");
    }

    [Test]
    public async Task Adding_a_finalizer_that_is_present_writes_nothing()
    {
        var patcher = new RecordingPatcher();
        var obj = Objects.ConfigMap("task", "7");
        obj.Metadata.Finalizers = [Finalizer];

        await FinalizerHelper.AddAsync(patcher, obj, Finalizer);

        patcher.Patches.Should().BeEmpty();
    }

    [Test]
    public async Task Removing_a_finalizer_keeps_the_others()
    {
        var patcher = new RecordingPatcher();
        var obj = Objects.ConfigMap("task", "7");
        obj.Metadata.Finalizers = ["other", Finalizer];

        await FinalizerHelper.RemoveAsync(patcher, obj, Finalizer);

        patcher.Patches.Should().Equal("""{"metadata":{"finalizers":["other"],"resourceVersion":"7"}}""");
    }

    [Test]
    public async Task Removing_an_absent_finalizer_writes_nothing()
    {
        var patcher = new RecordingPatcher();

        await FinalizerHelper.RemoveAsync(patcher, Objects.ConfigMap("task", "7"), Finalizer);

        patcher.Patches.Should().BeEmpty();
    }
}
