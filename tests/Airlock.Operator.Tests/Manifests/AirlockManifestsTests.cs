using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Testing;

namespace Airlock.Operator.Tests.Manifests;

public class AirlockManifestsTests
{
    private static readonly string Samples = Path.Combine(TestPaths.RepositoryRoot, "config", "samples");

    public static IEnumerable<string> SampleFiles() => Directory.GetFiles(Samples, "*.yaml").Select(Path.GetFileName).OfType<string>();

    private static IReadOnlyList<string> Problems(string yaml) =>
        AirlockManifests.Validate(ManifestReader.ReadDocuments(yaml).Single(), BuiltinPolicy.Effective, DateTime.UtcNow).Select(p => p.ToString()).ToList();

    [TestCaseSource(nameof(SampleFiles))]
    public void Every_sample_validates(string file)
    {
        foreach (var document in ManifestReader.ReadDocuments(File.ReadAllText(Path.Combine(Samples, file))))
        {
            AirlockManifests.Validate(document, BuiltinPolicy.Effective, DateTime.UtcNow).Should().BeEmpty();
        }
    }

    [TestCaseSource(nameof(SampleFiles))]
    public void Every_task_sample_renders(string file)
    {
        foreach (var document in ManifestReader.ReadDocuments(File.ReadAllText(Path.Combine(Samples, file))).Where(d => AirlockManifests.KindOf(d) == "AgentTask"))
        {
            AgentTaskSandbox.Build(AirlockManifests.ToTask(document), BuiltinPolicy.Effective, SandboxSettings.Default).Pod.Should().NotBeNull();
        }
    }

    [Test]
    public void Hello_sample_asks_the_simulated_kubelet_to_finish_it()
    {
        var task = AirlockManifests.ToTask(ManifestReader.ReadDocuments(File.ReadAllText(Path.Combine(Samples, "hello-task.yaml"))).Single());

        task.Spec.Env![0].Should().Be(new Api.Tasks.TaskEnvVar { Name = "SIM_EXIT_AFTER", Value = "5s" });
    }

    [Test]
    public void Default_policy_sample_equals_the_builtin_policy()
    {
        var merged = AirlockManifests.ReadPolicy(File.ReadAllText(Path.Combine(Samples, "default-policy.yaml")));

        (merged with { Sources = [] }).Should().BeEquivalentTo(BuiltinPolicy.Effective);
    }

    [Test]
    public void Unknown_fields_are_problems()
    {
        Problems("""
            apiVersion: agents.airlock.dev/v1alpha1
            kind: AgentTask
            metadata: {name: t}
            spec: {image: busybox, imgae: typo}
            """).Should().ContainSingle().Which.Should().StartWith("spec.imgae: is not a known field");
    }

    [Test]
    public void Wrong_types_are_reported_with_the_rules_of_the_rest()
    {
        Problems("""
            apiVersion: agents.airlock.dev/v1alpha1
            kind: AgentTask
            metadata: {name: t}
            spec: {image: busybox, ttlSecondsAfterFinished: ten, egress: [{host: "*"}]}
            """).Should().HaveCount(2).And.Contain(p => p.StartsWith("spec.egress[0].host")).And.Contain(p => p.StartsWith("spec.ttlSecondsAfterFinished"));
    }

    [Test]
    public void Missing_image_is_reported_once()
    {
        Problems("""
            apiVersion: agents.airlock.dev/v1alpha1
            kind: AgentTask
            metadata: {name: t}
            spec: {prompt: hi}
            """).Should().ContainSingle().Which.Should().StartWith("spec.image:");
    }

    [Test]
    public void Other_kinds_are_usage_errors()
    {
        var pod = ManifestReader.ReadDocuments("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n").Single();

        FluentActions.Invoking(() => AirlockManifests.KindOf(pod)).Should().Throw<ManifestException>();
    }

    [Test]
    public void Broken_yaml_is_a_usage_error()
    {
        FluentActions.Invoking(() => ManifestReader.ReadDocuments("a: [")).Should().Throw<ManifestException>();
    }

    [Test]
    public void Quoted_numbers_stay_strings()
    {
        var document = ManifestReader.ReadDocuments("a: \"5\"\nb: 5\nc: true\nd: 'true'\n").Single();

        (document["a"]!.GetValue<string>(), document["b"]!.GetValue<long>(), document["c"]!.GetValue<bool>(), document["d"]!.GetValue<string>())
            .Should().Be(("5", 5L, true, "true"));
    }
}
