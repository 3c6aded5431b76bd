namespace Airlock.Operator.Webhooks;

/// <summary>The requesting user of an AdmissionReview (<c>request.userInfo</c>), as the API server authenticated them.</summary>
public sealed record AdmissionUser(string Username, IReadOnlyList<string> Groups, string? Uid, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    public static AdmissionUser Named(string username, params string[] groups) => new(username, groups, null, new Dictionary<string, IReadOnlyList<string>>());
}
