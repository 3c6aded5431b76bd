namespace Airlock.Api;

/// <summary>The API group and version of Airlock's custom resources.</summary>
public static class AgentsGroup
{
    public const string Name = "agents.airlock.dev";

    public const string Version = "v1alpha1";

    public const string ApiVersion = Name + "/" + Version;
}
