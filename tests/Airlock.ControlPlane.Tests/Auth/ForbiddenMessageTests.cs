using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class ForbiddenMessageTests
{
    private static readonly UserInfo Alice = new("alice", ["system:authenticated"]);

    [Test]
    public void Named_namespaced_object_reads_like_the_API_server()
    {
        var request = new AuthorizationAttributes(Alice, "get", true, ApiVersion: "v1", Resource: "pods", Namespace: "default", Name: "x");

        ForbiddenMessage.For(request, "").Should()
            .Be("pods \"x\" is forbidden: User \"alice\" cannot get resource \"pods\" in API group \"\" in the namespace \"default\"");
    }

    [Test]
    public void Grouped_subresource_at_cluster_scope_reads_like_the_API_server()
    {
        var request = new AuthorizationAttributes(Alice, "update", true, ApiGroup: "agents.airlock.dev", ApiVersion: "v1alpha1",
            Resource: "clusteragentpolicies", Subresource: "status");

        ForbiddenMessage.For(request, "").Should().Be(
            "clusteragentpolicies.agents.airlock.dev is forbidden: User \"alice\" cannot update resource \"clusteragentpolicies/status\" in API group \"agents.airlock.dev\" at the cluster scope");
    }

    [Test]
    public void Non_resource_path_reads_like_the_API_server()
    {
        ForbiddenMessage.For(new AuthorizationAttributes(Alice, "get", false, "/metrics"), "").Should()
            .Be("forbidden: User \"alice\" cannot get path \"/metrics\"");
    }

    [Test]
    public void Reason_follows_after_a_colon()
    {
        var request = new AuthorizationAttributes(Alice, "list", true, Resource: "secrets", Namespace: "ns");

        ForbiddenMessage.For(request, "RBAC: role.rbac.authorization.k8s.io \"gone\" not found").Should()
            .EndWith("in the namespace \"ns\": RBAC: role.rbac.authorization.k8s.io \"gone\" not found");
    }

    [Test]
    public void Error_is_a_403_with_the_resource_in_its_details()
    {
        var error = ForbiddenMessage.Error(new AuthorizationAttributes(Alice, "get", true, ApiGroup: "apps", Resource: "deployments", Name: "d"), "");

        error.Code.Should().Be(403);
        error.Reason.Should().Be("Forbidden");
        error.Details.Should().Be(new Api.StatusDetails("d", "apps", "deployments"));
    }
}
