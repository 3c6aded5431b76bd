using Airlock.Operator.Webhooks;

namespace Airlock.Operator.Tests.Webhooks;

/// <summary>RBAC as a set of (user, verb) pairs; records every question.</summary>
public sealed class FakeReviewer : ISubjectAccessReviewer
{
    public HashSet<(string User, string Verb)> Allowed { get; } = [];

    public List<string> Asked { get; } = [];

    public Task<bool> AllowedAsync(AdmissionUser user, string verb, string @namespace, string name, CancellationToken cancellationToken)
    {
        Asked.Add($"{user.Username} {verb} {@namespace}/{name}");
        return Task.FromResult(Allowed.Contains((user.Username, verb)));
    }
}
