using System.Text.RegularExpressions;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>
/// <c>helm template</c> output for each value set against testassets/helm/&lt;name&gt;.golden.yaml. Generated key material
/// (the Helm-made webhook CA and certificate) is masked. UPDATE_GOLDEN=1 rewrites the files.
/// </summary>
[TestFixture]
public sealed partial class ChartGoldenTests
{
    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Rendered_chart_matches_its_golden_file(string valueSet)
    {
        var rendered = Support.Helm.Template([ValueSets.ValuesFile(valueSet)]).EnsureSuccess().Stdout;

        Golden.Match(ValueSets.GoldenFile(valueSet), MaskKeyMaterial(rendered));
    }

    [Test]
    public void Masking_hides_every_certificate_and_key()
    {
        var masked = MaskKeyMaterial(Support.Helm.Template().EnsureSuccess().Stdout);

        masked.Should().NotContain("LS0t", "base64 of \"-----\" would mean PEM data escaped the mask");
    }

    private static string MaskKeyMaterial(string yaml) => KeyMaterial().Replace(yaml, "$1<generated>");

    [GeneratedRegex(@"^(\s*(?:ca\.crt|tls\.crt|tls\.key|caBundle): ).+$", RegexOptions.Multiline)]
    private static partial Regex KeyMaterial();
}
