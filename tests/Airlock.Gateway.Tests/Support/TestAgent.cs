namespace Airlock.Gateway.Tests.Support;

/// <summary>A Running AgentTask with its service account, pod and a projected-style token bound to the pod.</summary>
public sealed record TestAgent(string Namespace, string Task, string Pod, string PodUid, string TaskUid, string Token);
