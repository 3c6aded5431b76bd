using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Auth;

/// <summary>The API server's 403 text: <c>pods "x" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"</c>.</summary>
/// <remarks>
/// As responsewriters.Forbidden and apierrors.NewForbidden write it: the authorizer's reason follows after ": " only when
/// there is one (RBAC gives none for a plain "no"); a non-resource request reads <c>forbidden: User "x" cannot get path "/y"</c>.
/// </remarks>
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

    /// <summary>The 403 <see cref="ApiError"/> with the message above and the details the API server fills (name, group, kind = resource).</summary>
    public static ApiError Error(AuthorizationAttributes attributes, string reason)
    {
        var details = attributes.IsResourceRequest ? new StatusDetails(attributes.Name, attributes.ApiGroup, attributes.Resource) : null;
        return new ApiError(403, "Forbidden", For(attributes, reason), details);
    }
}
