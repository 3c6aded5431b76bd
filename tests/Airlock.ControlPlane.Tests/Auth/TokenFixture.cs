using System.Text.Json.Nodes;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Auth;

/// <summary>A namespace with a ServiceAccount, its Pod and a Secret, an issuer on a manual clock, and helpers to mint tokens.</summary>
internal sealed class TokenFixture
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Ns = "team-a";

    public ManualTimeProvider Clock { get; } = new(Start);

    public InMemoryObjectReader Store { get; } = new();

    public ServiceAccountTokenIssuer Issuer { get; }

    public TokenRequestHandler Requests { get; }

    public TokenFixture()
    {
        Issuer = ServiceAccountTokenIssuer.CreateEphemeral(Clock);
        Requests = new TokenRequestHandler(Issuer, Store);
        Store.Add(BuiltinResources.ServiceAccounts, AuthObjects.ServiceAccount(Ns, "runner", "sa-uid"))
            .Add(BuiltinResources.Pods, AuthObjects.Pod(Ns, "runner-pod", "pod-uid", "runner"))
            .Add(BuiltinResources.Secrets, AuthObjects.Secret(Ns, "runner-secret", "secret-uid"));
    }

    public static JsonObject TokenRequest(string[]? audiences = null, long? expirationSeconds = null, JsonObject? boundObjectRef = null)
    {
        var spec = new JsonObject();
        if (audiences is not null) spec["audiences"] = new JsonArray(audiences.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        if (expirationSeconds is not null) spec["expirationSeconds"] = expirationSeconds;
        if (boundObjectRef is not null) spec["boundObjectRef"] = boundObjectRef;
        return new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenRequest", ["spec"] = spec };
    }

    public static JsonObject PodRef(string name = "runner-pod", string? uid = null)
    {
        var reference = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["name"] = name };
        if (uid is not null) reference["uid"] = uid;
        return reference;
    }

    /// <summary>A token for runner, bound to runner-pod, for the given audiences (default: the API server).</summary>
    public string PodToken(params string[] audiences) =>
        Requests.Create(Ns, "runner", TokenRequest(audiences.Length > 0 ? audiences : null, 600, PodRef()))["status"]!["token"]!.GetValue<string>();

    public static JsonObject TokenReview(string token, params string[] audiences)
    {
        var spec = new JsonObject { ["token"] = token };
        if (audiences.Length > 0) spec["audiences"] = new JsonArray(audiences.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        return new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenReview", ["spec"] = spec };
    }
}
