using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Auth;

/// <summary>Impersonate-User / Impersonate-Group / Impersonate-Uid / Impersonate-Extra-* headers, each checked with the verb <c>impersonate</c>.</summary>
public static class Impersonation
{
    public const string UserHeader = "Impersonate-User";
    public const string GroupHeader = "Impersonate-Group";
    public const string UidHeader = "Impersonate-Uid";
    public const string ExtraHeaderPrefix = "Impersonate-Extra-";

    private const string AuthenticationGroup = "authentication.k8s.io";

    /// <summary>Returns the requester when no impersonation header is present; throws a 403 <see cref="Api.ApiError"/> when not allowed.</summary>
    public static UserInfo Resolve(UserInfo requester, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, IAuthorizer authorizer)
    {
        var request = Read(headers);
        if (request is null) return requester;
        if (request.User.Length == 0)
        {
            throw ApiError.BadRequest($"requested {request.Describe()} without impersonating a user");
        }

        var serviceAccount = SplitServiceAccount(request.User);
        var checks = new List<AuthorizationAttributes>
        {
            serviceAccount is { } sa
                ? Check(requester, "serviceaccounts", "", sa.Namespace, sa.Name)
                : Check(requester, "users", "", "", request.User),
        };
        checks.AddRange(request.Groups.Select(g => Check(requester, "groups", "", "", g)));
        foreach (var (key, values) in request.Extra)
        {
            checks.AddRange(values.Select(v => Check(requester, "userextras", AuthenticationGroup, "", v) with { Subresource = key }));
        }
        if (request.Uid.Length > 0) checks.Add(Check(requester, "uids", AuthenticationGroup, "", request.Uid));
        foreach (var check in checks)
        {
            var decision = authorizer.Authorize(check);
            if (!decision.Allowed) throw ForbiddenMessage.Error(check, decision.Reason);
        }

        var groups = new List<string>(request.Groups);
        if (serviceAccount is { } account && request.Groups.Count == 0)
        {
            groups.AddRange(["system:serviceaccounts", $"system:serviceaccounts:{account.Namespace}"]);
        }
        // As the API server: an impersonated user is authenticated unless the caller said otherwise (or it is anonymous).
        var anonymous = request.User == "system:anonymous";
        var implied = anonymous ? "system:unauthenticated" : "system:authenticated";
        if (!groups.Contains("system:authenticated", StringComparer.Ordinal) && !groups.Contains("system:unauthenticated", StringComparer.Ordinal))
        {
            groups.Add(implied);
        }
        return new UserInfo(request.User, groups, request.Uid.Length > 0 ? request.Uid : null) { Extra = request.Extra };
    }

    private static AuthorizationAttributes Check(UserInfo requester, string resource, string group, string @namespace, string name) =>
        new(requester, "impersonate", true, ApiGroup: group, ApiVersion: "v1", Resource: resource, Namespace: @namespace, Name: name);

    private static (string Namespace, string Name)? SplitServiceAccount(string user)
    {
        if (!user.StartsWith(UserInfo.ServiceAccountPrefix, StringComparison.Ordinal)) return null;
        var parts = user[UserInfo.ServiceAccountPrefix.Length..].Split(':');
        return parts is [{ Length: > 0 } ns, { Length: > 0 } name] ? (ns, name) : null;
    }

    private static ImpersonationRequest? Read(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        var users = new List<string>();
        var groups = new List<string>();
        var uids = new List<string>();
        var extra = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var any = false;
        foreach (var (name, values) in headers)
        {
            if (name.Equals(UserHeader, StringComparison.OrdinalIgnoreCase)) users.AddRange(values.Where(v => v.Length > 0));
            else if (name.Equals(GroupHeader, StringComparison.OrdinalIgnoreCase)) groups.AddRange(values);
            else if (name.Equals(UidHeader, StringComparison.OrdinalIgnoreCase)) uids.AddRange(values.Where(v => v.Length > 0));
            else if (name.StartsWith(ExtraHeaderPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > ExtraHeaderPrefix.Length)
            {
                // Header names are case-insensitive, so keys are lower-cased; percent-encoding lets keys carry "/" and other characters.
                var key = Uri.UnescapeDataString(name[ExtraHeaderPrefix.Length..].ToLowerInvariant());
                extra[key] = [.. extra.GetValueOrDefault(key) ?? [], .. values];
            }
            else continue;
            any = true;
        }
        if (!any) return null;
        // Two different users or uids is ambiguous: refuse rather than pick one.
        if (users.Distinct(StringComparer.Ordinal).Count() > 1) throw ApiError.BadRequest($"only one {UserHeader} header may be given");
        if (uids.Distinct(StringComparer.Ordinal).Count() > 1) throw ApiError.BadRequest($"only one {UidHeader} header may be given");
        return new ImpersonationRequest(users.FirstOrDefault() ?? "", groups, uids.FirstOrDefault() ?? "", extra);
    }

    private sealed record ImpersonationRequest(string User, IReadOnlyList<string> Groups, string Uid, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
    {
        public string Describe()
        {
            var parts = Groups.Select(g => $"group \"{g}\"").ToList();
            if (Uid.Length > 0) parts.Add($"uid \"{Uid}\"");
            parts.AddRange(Extra.Keys.Select(k => $"extra \"{k}\""));
            return string.Join(", ", parts);
        }
    }
}
