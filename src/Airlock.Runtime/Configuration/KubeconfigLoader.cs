using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Airlock.Runtime.Configuration;

/// <summary>
/// Reads a kubeconfig file into a client configuration without KubernetesClient's <c>KubernetesYaml</c>: that class's
/// first use maps every one of the library's model types for YAML (tens of thousands of attribute mappings, every type
/// loaded), which a long-running process such as the operator then carries for its whole life. A kubeconfig needs only
/// the kubeconfig model, whose members carry their YAML names. Several files in <c>KUBECONFIG</c> are merged by the
/// library as before.
/// </summary>
public static class KubeconfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    /// <summary>
    /// The configuration of <paramref name="path"/> (default: <c>KUBECONFIG</c>, then <c>~/.kube/config</c>) for
    /// <paramref name="context"/> (default: the file's current context).
    /// </summary>
    public static KubernetesClientConfiguration Load(string? path = null, string? context = null)
    {
        var file = path ?? SingleFileFromEnvironment();
        if (file is null) return KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context);
        var full = Path.GetFullPath(file);
        if (!File.Exists(full)) throw new FileNotFoundException($"kubeconfig file not found: {full}", full);
        var config = Parse(File.ReadAllText(full));
        config.FileName = full;
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(config, context);
    }

    /// <summary>The kubeconfig model of a kubeconfig document.</summary>
    public static K8SConfiguration Parse(string yaml)
    {
        try
        {
            return Deserializer.Deserialize<K8SConfiguration?>(yaml) ?? throw new KubeConfigException("the kubeconfig file is empty");
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"the kubeconfig file is not valid YAML: {e.Message}", e);
        }
    }

    /// <summary>The one file <c>KUBECONFIG</c> (or the default location) names; null when several must be merged.</summary>
    private static string? SingleFileFromEnvironment()
    {
        var variable = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrWhiteSpace(variable)) return KubernetesClientConfiguration.KubeConfigDefaultLocation;
        var files = variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return files.Length == 1 ? files[0] : null;
    }
}
