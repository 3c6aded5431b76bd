namespace Airlock.ControlPlane.Auth;

/// <summary>The API server's 403 text: <c>pods "x" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"</c>.</summary>
public static class ForbiddenMessage
{
    public static string For(AuthorizationAttributes attributes, string reason)
    {
        var user = attributes.User.Name;
        if (!attributes.IsResourceRequest)
        {
            return $"forbidden: User \"{user}\" cannot {attributes.Verb} path \"{attributes.Path}\"" + (reason.Length > 0 ? $": {reason}" : "");
        }
        var resource = attributes.ApiGroup.Length == 0 ? attributes.Resource : $"{attributes.Resource}.{attributes.ApiGroup}";
        var subject = attributes.Name.Length > 0 ? $"{resource} \"{attributes.Name}\"" : resource;
        var what = attributes.Subresource.Length > 0 ? $"{attributes.Resource}/{attributes.Subresource}" : attributes.Resource;
        var scope = attributes.Namespace.Length > 0 ? $"in the namespace \"{attributes.Namespace}\"" : "at the cluster scope";
        return $"{subject} is forbidden: User \"{user}\" cannot {attributes.Verb} resource \"{what}\" in API group \"{attributes.ApiGroup}\" {scope}"
            + (reason.Length > 0 ? $": {reason}" : "");
    }
}
