using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;

namespace Airlock.ControlPlane.Tests.Admission;

public class AdmissionJsonPatchTests
{
    private static JsonObject Doc() => JsonNode.Parse("""{"metadata":{"name":"p","labels":{"a/b":"1"}},"spec":{"list":[1,2,3]}}""")!.AsObject();

    private static JsonObject Apply(JsonObject doc, string patch) => AdmissionJsonPatch.Apply(doc, Encoding.UTF8.GetBytes(patch));

    [Test]
    public void Add_sets_a_member()
    {
        var result = Apply(Doc(), """[{"op":"add","path":"/metadata/annotations","value":{"x":"y"}}]""");
        ((string?)result["metadata"]!["annotations"]!["x"]).Should().Be("y");
    }

    [Test]
    public void Add_with_dash_appends_to_an_array() =>
        Apply(Doc(), """[{"op":"add","path":"/spec/list/-","value":4}]""")["spec"]!["list"]!.AsArray().Count.Should().Be(4);

    [Test]
    public void Add_with_an_index_inserts() =>
        ((int)Apply(Doc(), """[{"op":"add","path":"/spec/list/0","value":0}]""")["spec"]!["list"]![0]!).Should().Be(0);

    [Test]
    public void Escaped_pointer_tokens_address_keys_with_slashes() =>
        ((string?)Apply(Doc(), """[{"op":"replace","path":"/metadata/labels/a~1b","value":"2"}]""")["metadata"]!["labels"]!["a/b"]).Should().Be("2");

    [Test]
    public void Remove_deletes_a_member() =>
        Apply(Doc(), """[{"op":"remove","path":"/metadata/labels"}]""")["metadata"]!.AsObject().ContainsKey("labels").Should().BeFalse();

    [Test]
    public void Move_and_copy_relocate_values()
    {
        var result = Apply(Doc(), """[{"op":"copy","from":"/metadata/name","path":"/spec/name"},{"op":"move","from":"/spec/list","path":"/spec/items"}]""");
        ((string?)result["spec"]!["name"]).Should().Be("p");
        result["spec"]!.AsObject().ContainsKey("list").Should().BeFalse();
        result["spec"]!["items"]!.AsArray().Count.Should().Be(3);
    }

    [Test]
    public void A_failing_test_operation_rejects_the_patch()
    {
        var act = () => Apply(Doc(), """[{"op":"test","path":"/metadata/name","value":"other"}]""");
        act.Should().Throw<FormatException>();
    }

    [TestCase("""[{"op":"replace","path":"/nope","value":1}]""")]
    [TestCase("""[{"op":"remove","path":"/spec/list/9"}]""")]
    [TestCase("""[{"op":"jump","path":"/spec"}]""")]
    [TestCase("""[{"op":"add","path":"/spec/x"}]""")]
    [TestCase("""{"op":"add"}""")]
    [TestCase("""not json""")]
    public void Malformed_or_inapplicable_patches_are_rejected(string patch)
    {
        var act = () => Apply(Doc(), patch);
        act.Should().Throw<FormatException>();
    }

    [Test]
    public void The_input_object_is_not_changed()
    {
        var doc = Doc();
        Apply(doc, """[{"op":"remove","path":"/metadata"}]""");
        doc.ContainsKey("metadata").Should().BeTrue();
    }
}
