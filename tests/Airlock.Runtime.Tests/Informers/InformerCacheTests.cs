using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Runtime.Tests.Informers;

public class InformerCacheTests
{
    [Test]
    public void Children_are_found_by_their_owner_uid()
    {
        var cache = new InformerCache<V1Pod>();
        var owner = Objects.ConfigMap("task", "1");
        cache.Upsert(Objects.Pod("child", "2", Objects.ControllerRef(owner)));
        cache.Upsert(Objects.Pod("stranger", "3"));

        cache.ByOwner(owner.Metadata.Uid).Select(p => p.Metadata.Name).Should().Equal("child");
    }

    [Test]
    public void Removing_one_of_two_children_keeps_the_other_found_by_owner()
    {
        var cache = new InformerCache<V1Pod>();
        var owner = Objects.ConfigMap("task", "1");
        cache.Upsert(Objects.Pod("first", "2", Objects.ControllerRef(owner)));
        cache.Upsert(Objects.Pod("second", "3", Objects.ControllerRef(owner)));

        cache.Remove(new ObjectKey("default", "first"));

        cache.ByOwner(owner.Metadata.Uid).Select(p => p.Metadata.Name).Should().Equal("second");
    }

    [Test]
    public void The_last_child_removed_leaves_nothing_found_by_owner()
    {
        var cache = new InformerCache<V1Pod>();
        var owner = Objects.ConfigMap("task", "1");
        cache.Upsert(Objects.Pod("only", "2", Objects.ControllerRef(owner)));

        cache.Remove(new ObjectKey("default", "only"));

        cache.ByOwner(owner.Metadata.Uid).Should().BeEmpty();
    }

    [Test]
    public void An_update_moves_the_object_between_index_values()
    {
        var cache = new InformerCache<V1ConfigMap>();
        cache.AddIndexer("label", o => o.Metadata.Labels is { } l && l.TryGetValue("app", out var v) ? [v] : []);
        var obj = Objects.ConfigMap("a", "1");
        obj.Metadata.Labels = new Dictionary<string, string> { ["app"] = "x" };
        cache.Upsert(obj);

        var changed = Objects.ConfigMap("a", "2");
        changed.Metadata.Labels = new Dictionary<string, string> { ["app"] = "y" };
        cache.Upsert(changed);

        cache.ByIndex("label", "x").Should().BeEmpty();
        cache.ByIndex("label", "y").Should().ContainSingle();
    }

    [Test]
    public void Objects_are_listed_by_namespace()
    {
        var cache = new InformerCache<V1ConfigMap>();
        cache.Upsert(Objects.ConfigMap("a", "1", ns: "one"));
        cache.Upsert(Objects.ConfigMap("b", "1", ns: "two"));

        cache.ByNamespace("two").Select(o => o.Metadata.Name).Should().Equal("b");
    }

    [Test]
    public void A_removed_object_leaves_every_index()
    {
        var cache = new InformerCache<V1Pod>();
        var owner = Objects.ConfigMap("task", "1");
        cache.Upsert(Objects.Pod("child", "2", Objects.ControllerRef(owner)));

        cache.Remove(new ObjectKey("default", "child"));

        cache.ByOwner(owner.Metadata.Uid).Should().BeEmpty();
        cache.ByNamespace("default").Should().BeEmpty();
    }

    [Test]
    public void A_built_in_index_first_asked_for_late_covers_what_was_cached_before_and_after()
    {
        var cache = new InformerCache<V1ConfigMap>();
        cache.Upsert(Objects.ConfigMap("before", "1", ns: "one"));
        cache.ByNamespace("one").Select(o => o.Metadata.Name).Should().Equal("before");

        cache.Upsert(Objects.ConfigMap("after", "2", ns: "one"));
        cache.Remove(new ObjectKey("one", "before"));

        cache.ByNamespace("one").Select(o => o.Metadata.Name).Should().Equal("after");
    }

    [Test]
    public void A_custom_indexer_cannot_take_a_built_in_name()
    {
        var cache = new InformerCache<V1ConfigMap>();

        var act = () => cache.AddIndexer(InformerCache<V1ConfigMap>.NamespaceIndex, o => ["x"]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*namespace*");
    }
}
