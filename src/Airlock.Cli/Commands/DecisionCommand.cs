using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Cli.Commands;

/// <summary>
/// What `airlock approve`, `reject` and `quarantine` share: they record a decision by writing governance annotations on the
/// task through the API as the caller. The admission webhook checks the caller's RBAC verb (SubjectAccessReview), refuses
/// self-approval and stamps the caller's identity, so the values written here are requests, never claims.
/// </summary>
internal static class DecisionCommand
{
    public static Command Create(string verb, string description, Func<string?, Dictionary<string, string>> annotations, Func<AgentTask, string> done, bool withReason)
    {
        var name = new Argument<string>("NAME") { Description = "The AgentTask." };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Namespace of the task (default: the context's namespace, else default)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig (default $KUBECONFIG or ~/.kube/config)." };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context (the identity that decides)." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded on the task and in its events)." };
        var command = new Command(verb, description) { name, ns, kubeconfig, context };
        if (withReason) command.Options.Add(reason);
        command.SetAction((parse, cancellationToken) => RunAsync(
            verb, parse.GetValue(name)!, parse.GetValue(ns), parse.GetValue(kubeconfig), parse.GetValue(context),
            annotations(withReason ? parse.GetValue(reason) : null), done, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string verb, string name, string? ns, string? kubeconfig, string? context, Dictionary<string, string> annotations, Func<AgentTask, string> done,
        CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator)[0], context);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or IOException)
        {
            return ValidateOutput.Usage($"{verb}: no usable kubeconfig: {e.Message}");
        }
        ns ??= config.Namespace ?? "default";
        using var client = new Kubernetes(config);
        var body = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))) } };
        try
        {
            var task = await client.CustomObjects.PatchNamespacedCustomObjectAsync<AgentTask>(
                new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch), AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name,
                fieldManager: "airlock-" + verb, cancellationToken: cancellationToken);
            Console.WriteLine($"agenttask {ns}/{name} {done(task)}");
            return 0;
        }
        catch (HttpOperationException e)
        {
            var message = e.Response.StatusCode == HttpStatusCode.NotFound ? $"agenttask {ns}/{name} not found" : ServerMessage(e) ?? e.Message;
            await Console.Error.WriteLineAsync($"{verb}: {message}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"{verb}: cannot reach the API server: {e.Message}");
            return 1;
        }
    }

    private static string? ServerMessage(HttpOperationException e)
    {
        try
        {
            return JsonNode.Parse(e.Response.Content ?? "")?["message"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string Annotation(AgentTask task, string key) =>
        task.Metadata?.Annotations?.TryGetValue(key, out var value) == true ? value : "?";
}
