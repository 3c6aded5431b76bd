using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Patching.TestJson;

namespace Airlock.ControlPlane.Tests.Patching;

public class JsonPatchTests
{
    private static JsonObject Patch(string document, string patch) =>
        new PatchApplier().Apply(BuiltinResources.ConfigMaps, Obj(document), PatchType.JsonPatch, Bytes(patch), new PatchOptions(""));

    [TestCase("""{"data":{}}""", """[{"op":"add","path":"/data/a","value":"1"}]""", """{"data":{"a":"1"}}""")]
    [TestCase("""{"l":[1,3]}""", """[{"op":"add","path":"/l/1","value":2}]""", """{"l":[1,2,3]}""")]
    [TestCase("""{"l":[1]}""", """[{"op":"add","path":"/l/-","value":2}]""", """{"l":[1,2]}""")]
    [TestCase("""{"l":[1]}""", """[{"op":"add","path":"/l/1","value":2}]""", """{"l":[1,2]}""")]
    [TestCase("""{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [TestCase("""{"l":[1,2,3]}""", """[{"op":"remove","path":"/l/0"}]""", """{"l":[2,3]}""")]
    [TestCase("""{"a":1}""", """[{"op":"replace","path":"/a","value":{"x":true}}]""", """{"a":{"x":true}}""")]
    [TestCase("""{"a":{"b":1},"c":{}}""", """[{"op":"move","from":"/a/b","path":"/c/d"}]""", """{"a":{},"c":{"d":1}}""")]
    [TestCase("""{"a":[1,2]}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":[1,2],"b":[1,2]}""")]
    [TestCase("""{"a":"x"}""", """[{"op":"test","path":"/a","value":"x"},{"op":"replace","path":"/a","value":"y"}]""", """{"a":"y"}""")]
    [TestCase("""{"metadata":{"labels":{"app.kubernetes.io/name":"x"}}}""", """[{"op":"replace","path":"/metadata/labels/app.kubernetes.io~1name","value":"y"}]""", """{"metadata":{"labels":{"app.kubernetes.io/name":"y"}}}""")]
    [TestCase("""{"a~b":1}""", """[{"op":"remove","path":"/a~0b"}]""", """{}""")]
    [TestCase("""{"a":1}""", """[]""", """{"a":1}""")]
    public void Json_patch_operations_follow_rfc_6902(string document, string patch, string expected)
    {
        Patch(document, patch).ShouldEqualJson(expected);
    }

    [TestCase("""{"a":"x"}""", """[{"op":"test","path":"/a","value":"y"}]""", "testing value /a failed: test failed")]
    [TestCase("""{"a":1}""", """[{"op":"remove","path":"/b"}]""", "error in remove for path: '/b': Unable to remove nonexistent key: b: missing value")]
    [TestCase("""{"a":1}""", """[{"op":"replace","path":"/b","value":1}]""", "replace operation does not apply: doesn't exist: missing value")]
    [TestCase("""{"a":1}""", """[{"op":"add","path":"/x/y","value":1}]""", "add operation does not apply: doesn't exist: missing value")]
    [TestCase("""{"l":[1]}""", """[{"op":"add","path":"/l/5","value":1}]""", "Unable to access invalid index: 5: invalid index referenced")]
    [TestCase("""{"l":[1]}""", """[{"op":"remove","path":"/l/1"}]""", "Unable to access invalid index: 1: invalid index referenced")]
    [TestCase("""{"a":1}""", """[{"op":"frobnicate","path":"/a"}]""", "Unexpected kind: frobnicate")]
    public void Json_patch_that_does_not_apply_is_invalid_with_the_libraries_message(string document, string patch, string detail)
    {
        var act = () => Patch(document, patch);

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(422);
        error.Reason.Should().Be("Invalid");
        error.Message.Should().Be("the server rejected our request due to an error in our request");
        error.Details!.Causes![0].Message.Should().Be(detail);
    }

    [TestCase("{not json")]
    [TestCase("""{"op":"add"}""")]
    public void Json_patch_body_that_is_not_a_list_is_a_bad_request(string patch)
    {
        var act = () => Patch("{}", patch);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void Failed_json_patch_leaves_the_current_object_alone()
    {
        var current = Obj("""{"a":1}""");

        var act = () => new PatchApplier().Apply(BuiltinResources.ConfigMaps, current, PatchType.JsonPatch,
            Bytes("""[{"op":"remove","path":"/a"},{"op":"test","path":"/a","value":1}]"""), new PatchOptions(""));

        act.Should().Throw<ApiError>();
        current.ShouldEqualJson("""{"a":1}""");
    }
}
