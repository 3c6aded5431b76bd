namespace Airlock.Install.Tests.Support;

/// <summary>The real kubectl on the PATH, for <c>kubectl kustomize</c>.</summary>
public static class KubectlKustomize
{
    public static IReadOnlyList<Manifest> Build(string relativeDirectory)
    {
        var kubectl = Tool.OnPath("kubectl", "install kubectl 1.32");
        return Manifest.ParseAll(Tool.Run(kubectl, ["kustomize", Golden.RepoPath(relativeDirectory)]).EnsureSuccess().Stdout);
    }
}
