using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

[TestFixture]
public sealed class ChartLintTests
{
    [Test]
    public void Helm_is_version_4()
    {
        var version = Support.Helm.Run("version", "--template", "{{.Version}}").EnsureSuccess().Stdout;

        version.Should().StartWith("v4.");
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Chart_passes_strict_lint(string valueSet)
    {
        var result = Support.Helm.Run("lint", "--strict", Support.Helm.ChartPath, "--namespace", "airlock-system", "--values", ValueSets.ValuesFile(valueSet));

        result.Succeeded.Should().BeTrue(result.ToString());
        result.Stdout.Should().NotContain("[WARNING]").And.NotContain("[ERROR]");
    }
}
