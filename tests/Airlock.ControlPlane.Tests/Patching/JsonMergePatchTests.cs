using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Patching.TestJson;

namespace Airlock.ControlPlane.Tests.Patching;

public class JsonMergePatchTests
{
    // Cases from RFC 7386 appendix A plus the Kubernetes-shaped ones kubectl patch --type merge sends.
    [TestCase("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [TestCase("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [TestCase("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [TestCase("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [TestCase("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [TestCase("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [TestCase("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [TestCase("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [TestCase("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [TestCase("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    [TestCase("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"b":null,"c":"3"}}}""", """{"metadata":{"labels":{"a":"1","c":"3"}}}""")]
    public void Merge_patch_follows_rfc_7386(string target, string patch, string expected)
    {
        var result = new PatchApplier().Apply(BuiltinResources.ConfigMaps, Obj(target), PatchType.MergePatch, Bytes(patch), new PatchOptions(""));

        result.ShouldEqualJson(expected);
    }

    [Test]
    public void Merge_patch_does_not_change_the_current_object()
    {
        var current = Obj("""{"data":{"a":"1"}}""");

        new PatchApplier().Apply(BuiltinResources.ConfigMaps, current, PatchType.MergePatch, Bytes("""{"data":{"a":null}}"""), new PatchOptions(""));

        current.ShouldEqualJson("""{"data":{"a":"1"}}""");
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    public void Merge_patch_that_is_not_an_object_is_a_bad_request(string body)
    {
        var act = () => new PatchApplier().Apply(BuiltinResources.ConfigMaps, Obj("{}"), PatchType.MergePatch, Bytes(body), new PatchOptions(""));

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }
}
