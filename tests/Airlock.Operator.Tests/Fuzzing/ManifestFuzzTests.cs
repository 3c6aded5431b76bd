using System.Text;
using Airlock.Fuzz;
using Airlock.Testing;

namespace Airlock.Operator.Tests.Fuzzing;

/// <summary>
/// A bounded, uninstrumented run of the SharpFuzz target (fuzz/Airlock.Fuzz): generated inputs through the manifest and
/// admission-review paths must be refused or accepted, never crash. fuzz/README.md runs the instrumented fuzzer.
/// </summary>
public sealed class ManifestFuzzTests
{
    private const int Inputs = 3000;

    private static readonly string[] Extra =
    [
        "a: &a [*a]", "!!binary x", "{" + new string('[', 5000), new string('-', 200) + " x", "key: " + new string('{', 300) + new string('}', 300),
        "apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata: {name: x}\nspec: {image: x, egress: [{host: bücher.de}, {cidr: 1.2.3.4}]}\n",
        "apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata: {name: x, creationTimestamp: '0001-01-01T00:00:00Z'}\nspec: {image: x, debug: {allowFrom: [0.0.0.0/0], ports: [1], expiresAt: '9999-12-31T23:59:59Z'}}\n",
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"subResource\":\"status\",\"operation\":\"UPDATE\",\"object\":{\"status\":{\"phase\":7}},\"oldObject\":{\"status\":{\"phase\":\"Succeeded\"}}}}",

        // Crashes the bounded run found (now refusals): the YAML scanner's InvalidOperationException, a string where an
        // object belongs, a null spec, a malformed quantity, duplicate JSON keys, nesting deeper than the stack.
        "a: &a [*alpha1\nkind: AgentTask\nmetadata: {name: x, creaionTimestamp: '0001-01-01T00:00:00Z'}",
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"subResource\":\"status\",\"operation\":\"UPDATE\",\"object\":{\"status\":{\"phase\":7}},\"oldObject\":{\"status\":\"|\\n\"}}}",
        "apiVersion: agents.airlock.dev/v1alpha1\nkind: ClusterAgentPolicy\nmetadata: x\nspec:\n",
        "apiVersion: agents.airlock.dev/v1alpha1\nkind: ClusterAgentPolicy\nmetadata: {name: p}\nspec: {defaultResources: {cpu: '1', memory: 2Gi, ephemeralStorage: 4Gi----}}\n",
        "apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata: {name: x}\nspec: {image: x, egress: [null], env: [null], permissions: [null]}\n",
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"uid\":\"v\"}}",
        new string('[', 200_000),
        string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', i) + "a:\n")),
    ];

    private static IReadOnlyList<string> Seeds()
    {
        var corpus = Path.Combine(TestPaths.RepositoryRoot, "fuzz", "Airlock.Fuzz", "corpus");
        return [.. Directory.GetFiles(corpus).Order(StringComparer.Ordinal).Select(File.ReadAllText), .. Extra];
    }

    [Test]
    public void Seed_corpus_runs_through_the_target_without_a_crash()
    {
        foreach (var seed in Seeds()) Invoking(() => ManifestTarget.Run(Encoding.UTF8.GetBytes(seed))).Should().NotThrow();
    }

    [TestCase(20260301)]
    [TestCase(7)]
    [TestCase(424242)]
    public void Generated_inputs_never_crash_the_target(int seed)
    {
        var mutator = new InputMutator(seed);
        var seeds = Seeds();
        var crashes = new List<string>();
        for (var i = 0; i < Inputs && crashes.Count < 5; i++)
        {
            var input = mutator.Mutate(seeds);
            try
            {
                ManifestTarget.Run(input);
            }
            catch (Exception e)
            {
                crashes.Add($"input {i} ({Convert.ToBase64String(input)}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        crashes.Should().BeEmpty();
    }

    private static Action Invoking(Action action) => action;
}
