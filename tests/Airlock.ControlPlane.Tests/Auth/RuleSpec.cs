using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Tests.Auth;

/// <summary>A compact way to write one RBAC rule in a test.</summary>
internal sealed record RuleSpec(string[] Verbs, string ApiGroup, string[] Resources, string[]? ResourceNames)
{
    public JsonObject Json => AuthObjects.Rule(Verbs, [ApiGroup], Resources, ResourceNames);
}
