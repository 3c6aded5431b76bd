using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Runtime.Tests.Informers;

public class ObjectStringInternerTests
{
    private static string Fresh(string value) => new(value.AsSpan());

    private static V1Pod Pod(string rv) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = Fresh("agent"),
            NamespaceProperty = Fresh("team"),
            ResourceVersion = Fresh(rv),
            Labels = new Dictionary<string, string> { [Fresh("app")] = Fresh("agent") },
            Finalizers = [Fresh("example.com/hold")],
        },
        Status = new V1PodStatus { ContainerStatuses = [new V1ContainerStatus { Name = Fresh("agent") }] },
    };

    [Test]
    public void Equal_strings_of_two_objects_become_one_instance()
    {
        var interner = new ObjectStringInterner(new StringPool());
        var first = Pod("1");
        var second = Pod("2");

        interner.Intern(first);
        interner.Intern(second);

        second.Metadata.NamespaceProperty.Should().BeSameAs(first.Metadata.NamespaceProperty);
        second.Metadata.Finalizers[0].Should().BeSameAs(first.Metadata.Finalizers[0]);
        second.Status.ContainerStatuses[0].Name.Should().BeSameAs(first.Metadata.Name);
    }

    [Test]
    public void Labels_become_a_compact_map_with_the_same_entries()
    {
        var pod = Pod("1");

        new ObjectStringInterner(new StringPool()).Intern(pod);

        pod.Metadata.Labels.Should().BeOfType<CompactStringMap>().And.Equal(new Dictionary<string, string> { ["app"] = "agent" });
    }

    [Test]
    public void The_resource_version_is_not_pooled()
    {
        var pool = new StringPool();
        var pod = Pod("1");

        new ObjectStringInterner(pool).Intern(pod);

        pool.Intern(Fresh("1")).Should().NotBeSameAs(pod.Metadata.ResourceVersion);
    }

    [Test]
    public void A_large_map_keeps_its_own_type()
    {
        var configMap = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "big" },
            Data = Enumerable.Range(0, ObjectStringInterner.MaxCompactMapSize + 1).ToDictionary(i => "k" + i, i => "v"),
        };

        new ObjectStringInterner(new StringPool()).Intern(configMap);

        configMap.Data.Should().BeOfType<Dictionary<string, string>>();
    }

    [Test]
    public void Equal_resource_quantities_become_one_instance()
    {
        var interner = new ObjectStringInterner(new StringPool());
        var first = new SampleStatus { Cpu = new ResourceQuantity("500m") };
        var second = new SampleStatus { Cpu = new ResourceQuantity("500m") };
        var other = new SampleStatus { Cpu = new ResourceQuantity("2") };

        interner.Intern(first);
        interner.Intern(second);
        interner.Intern(other);

        second.Cpu.Should().BeSameAs(first.Cpu);
        other.Cpu.Should().NotBeSameAs(first.Cpu);
        other.Cpu!.ToString().Should().Be("2");
    }

    [Test]
    public void Equal_conditions_become_one_instance_and_different_ones_stay_apart()
    {
        var interner = new ObjectStringInterner(new StringPool());
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var first = new SampleStatus { Conditions = [Condition(at)] };
        var second = new SampleStatus { Conditions = [Condition(at)] };
        var later = new SampleStatus { Conditions = [Condition(at.AddSeconds(1))] };

        interner.Intern(first);
        interner.Intern(second);
        interner.Intern(later);

        second.Conditions[0].Should().BeSameAs(first.Conditions[0]);
        later.Conditions[0].Should().NotBeSameAs(first.Conditions[0]);
        later.Conditions[0].LastTransitionTime.Should().Be(at.AddSeconds(1));
    }

    private static V1Condition Condition(DateTime at) =>
        new() { Type = Fresh("Ready"), Status = Fresh("True"), Reason = Fresh("Applied"), Message = Fresh("ok"), LastTransitionTime = at, ObservedGeneration = 1 };
}
