using System.Text.Json.Nodes;
using Airlock.ControlPlane.Patching;

namespace Airlock.ControlPlane.Tests.Patching;

/// <summary>Set operations on FieldsV1 trees, judged by the FieldsV1 JSON they produce.</summary>
public class FieldSetTests
{
    private static FieldSet Set(string fieldsV1) => FieldSet.FromJson(JsonNode.Parse(fieldsV1)!.AsObject());

    private static string Json(FieldSet set) => set.ToJson().ToJsonString();

    [Test]
    public void FieldsV1_round_trips_with_members_that_have_children_marked_by_a_dot()
    {
        var json = """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{}}}""";

        Json(Set(json)).Should().Be(json);
    }

    [Test]
    public void Union_holds_the_members_of_both_in_fieldsv1_order()
    {
        var union = Set("""{"f:spec":{"f:b":{}}}""").Union(Set("""{"f:spec":{"f:a":{}},"f:data":{}}"""));

        Json(union).Should().Be("""{"f:data":{},"f:spec":{"f:a":{},"f:b":{}}}""");
    }

    [Test]
    public void Difference_drops_the_other_set_members_and_the_branches_left_empty()
    {
        var difference = Set("""{"f:spec":{"f:a":{},"f:b":{}},"f:data":{"f:x":{}}}""").Difference(Set("""{"f:data":{"f:x":{}},"f:spec":{"f:a":{}}}"""));

        Json(difference).Should().Be("""{"f:spec":{"f:b":{}}}""");
    }

    [Test]
    public void Difference_keeps_the_children_of_a_member_the_other_set_holds_only_as_a_member()
    {
        var difference = Set("""{"f:labels":{".":{},"f:app":{}}}""").Difference(Set("""{"f:labels":{}}"""));

        Json(difference).Should().Be("""{"f:labels":{"f:app":{}}}""");
    }

    [Test]
    public void Intersect_holds_only_the_common_members()
    {
        var intersection = Set("""{"f:spec":{"f:a":{},"f:b":{}},"f:data":{}}""").Intersect(Set("""{"f:spec":{"f:b":{},"f:c":{}}}"""));

        Json(intersection).Should().Be("""{"f:spec":{"f:b":{}}}""");
    }

    [Test]
    public void Sets_with_the_same_members_are_equal_whatever_their_intermediate_nodes()
    {
        Set("""{"f:spec":{"f:a":{}}}""").SetEquals(Set("""{"f:spec":{"f:a":{}},"f:status":{}}""").Difference(Set("""{"f:status":{}}"""))).Should().BeTrue();
    }

    [Test]
    public void Sets_differing_in_one_nested_member_are_not_equal()
    {
        Set("""{"f:spec":{"f:a":{}}}""").SetEquals(Set("""{"f:spec":{"f:a":{},"f:b":{}}}""")).Should().BeFalse();
    }
}
