using System.Text;
using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Server;

/// <summary>The kubeconfig of the local control plane: cluster <c>airlock-dev</c>, one user and one context per static user.</summary>
public static class Kubeconfig
{
    public const string ClusterName = "airlock-dev";

    public static string Render(string server, string caPem, IReadOnlyList<StaticUser> users, string currentContext)
    {
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        var yaml = new StringBuilder();
        yaml.Append("apiVersion: v1\nkind: Config\nclusters:\n");
        yaml.Append($"- name: {ClusterName}\n  cluster:\n    server: {server}\n    certificate-authority-data: {ca}\n");
        yaml.Append("users:\n");
        foreach (var user in users) yaml.Append($"- name: {user.Name}\n  user:\n    token: {user.Token}\n");
        yaml.Append("contexts:\n");
        foreach (var user in users) yaml.Append($"- name: {user.Name}\n  context:\n    cluster: {ClusterName}\n    user: {user.Name}\n    namespace: default\n");
        yaml.Append($"current-context: {currentContext}\npreferences: {{}}\n");
        return yaml.ToString();
    }
}
