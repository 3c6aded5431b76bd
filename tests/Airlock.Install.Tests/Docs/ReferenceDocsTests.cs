using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Docs;

/// <summary>docs/reference/*.md are generated from the CRDs; they fail here when stale (UPDATE_GOLDEN=1 rewrites them).</summary>
[TestFixture]
public sealed class ReferenceDocsTests
{
    [TestCase("crds/agents.airlock.dev_agenttasks.yaml", "docs/reference/agenttask.md")]
    [TestCase("crds/agents.airlock.dev_clusteragentpolicies.yaml", "docs/reference/clusteragentpolicy.md")]
    public void Reference_is_generated_from_the_current_crd(string crd, string doc)
    {
        var markdown = CrdReference.Render(File.ReadAllText(Golden.RepoPath(crd)), crd);

        Golden.Match(doc, markdown);
    }

    [Test]
    public void Agenttask_reference_lists_every_spec_field_of_the_crd()
    {
        var crd = Manifest.ParseAll(File.ReadAllText(Golden.RepoPath("crds/agents.airlock.dev_agenttasks.yaml"))).Single();
        var fields = crd.At("spec.versions")![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!.AsObject().Select(p => p.Key);
        var markdown = CrdReference.Render(File.ReadAllText(Golden.RepoPath("crds/agents.airlock.dev_agenttasks.yaml")), "crds/x.yaml");

        foreach (var field in fields) markdown.Should().Contain($"| `spec.{field}` |");
    }

    [TestCase("docs/architecture.md")]
    [TestCase("docs/threat-model.md")]
    [TestCase("docs/install.md")]
    [TestCase("docs/operations.md")]
    [TestCase("docs/agent-images.md")]
    [TestCase("docs/local-control-plane.md")]
    public void Guide_exists_and_its_relative_links_resolve(string doc)
    {
        var path = Golden.RepoPath(doc);
        File.Exists(path).Should().BeTrue();
        var links = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), @"\]\(([^)#:]+)(#[^)]*)?\)").Select(m => m.Groups[1].Value);

        foreach (var link in links) File.Exists(Path.Combine(Path.GetDirectoryName(path)!, link)).Should().BeTrue($"{doc} links to {link}");
    }
}
