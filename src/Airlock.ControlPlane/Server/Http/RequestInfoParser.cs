namespace Airlock.ControlPlane.Server.Http;

/// <summary>Parses <c>/api/v1/namespaces/ns/pods/name/status</c>-style paths and maps HTTP methods to API verbs.</summary>
public static class RequestInfoParser
{
    public static RequestInfo Parse(string method, string path, bool watchParameter)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nonResource = new RequestInfo { Path = path, Verb = method.ToLowerInvariant() };
        int rest;
        string group;
        string version;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return nonResource;
        }
        var segments = parts[rest..].ToList();
        var legacyWatch = false;
        if (segments.Count > 0 && segments[0] == "watch")
        {
            legacyWatch = true;
            segments.RemoveAt(0);
        }
        var ns = "";
        if (segments.Count > 1 && segments[0] == "namespaces")
        {
            ns = segments[1];
            if (segments.Count > 2 && segments[2] is not ("status" or "finalize")) segments.RemoveRange(0, 2);
        }
        if (segments.Count == 0) return nonResource;
        var info = new RequestInfo
        {
            Path = path,
            Verb = "",
            IsResourceRequest = true,
            Group = group,
            Version = version,
            Namespace = ns,
            Resource = segments[0],
            Name = segments.Count > 1 ? segments[1] : "",
            Subresource = segments.Count > 2 ? segments[2] : "",
        };
        if (segments.Count > 3) return nonResource;
        var verb = method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" when legacyWatch || watchParameter => "watch",
            "GET" or "HEAD" => info.Name.Length > 0 ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => info.Name.Length > 0 ? "delete" : "deletecollection",
            _ => method.ToLowerInvariant(),
        };
        return info with { Verb = verb };
    }
}
