using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.ArgoCd;

/// <summary>The Argo CD Application for the chart and the AgentTask health check (run by Debian's lua5.1).</summary>
[TestFixture]
public sealed class ArgoCdTests
{
    [Test]
    public void Health_check_cases_pass_under_lua_5_1()
    {
        var lua = Tool.OnPath("lua5.1", "apt-get install lua5.1");

        var result = Tool.Run(lua, [Golden.RepoPath("config/argocd/health/agenttask_test.lua")]);

        result.Succeeded.Should().BeTrue(result.ToString());
        result.Stdout.Should().MatchRegex(@"(?m)^1[0-9] passed, 0 failed$");
    }

    [Test]
    public void Health_check_never_calls_a_running_task_healthy()
    {
        var lua = Tool.OnPath("lua5.1", "apt-get install lua5.1");
        var script = $"obj = {{status = {{phase = \"Running\"}}}}\nlocal hs = dofile(\"{Golden.RepoPath("config/argocd/health/agenttask.lua")}\")\nprint(hs.status)\n";

        var result = Tool.Run(lua, ["-"], stdin: script).EnsureSuccess();

        result.Stdout.Trim().Should().Be("Progressing");
    }

    [Test]
    public void Argocd_cm_carries_the_health_check_under_the_agenttask_key()
    {
        var objects = KubectlKustomize.Build("config/argocd");
        var cm = objects.Single(m => m.Kind == "ConfigMap" && m.Name == "argocd-cm");

        ((string?)cm.Root["data"]!["resource.customizations.health.agents.airlock.dev_AgentTask"])
            .Should().Be(File.ReadAllText(Golden.RepoPath("config/argocd/health/agenttask.lua")));
        cm.Namespace.Should().Be("argocd");
    }

    [Test]
    public void Application_points_at_the_chart_and_its_namespace()
    {
        var app = KubectlKustomize.Build("config/argocd").Single(m => m.Kind == "Application");

        ((string?)app.At("spec.source.path")).Should().Be("charts/airlock");
        ((string?)app.At("spec.destination.namespace")).Should().Be("airlock-system");
        app.At("spec.syncPolicy.syncOptions")!.AsArray().Select(o => (string?)o).Should().Contain("ServerSideApply=true");
    }

    [Test]
    public void Application_values_pass_the_chart_schema()
    {
        var app = KubectlKustomize.Build("config/argocd").Single(m => m.Kind == "Application");
        var values = Path.Combine(Path.GetTempPath(), $"airlock-argocd-values-{Guid.NewGuid():N}.json");
        File.WriteAllText(values, app.At("spec.source.helm.valuesObject")!.ToJsonString());
        try
        {
            Support.Helm.Template([values]).EnsureSuccess();
        }
        finally
        {
            File.Delete(values);
        }
    }
}
