using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Tests.Support;
using Airlock.Operator.Validation;

namespace Airlock.Operator.Tests.Validation;

public class PermissionValidatorTests
{
    private static IEnumerable<string> Fields(PermissionRule rule, EffectivePolicy? policy = null)
    {
        var task = Tasks.Minimal();
        task.Spec.Permissions = [rule];
        return AgentTaskValidator.Validate(task, policy ?? BuiltinPolicy.Effective, DateTime.UtcNow).Select(p => p.Field);
    }

    private static PermissionRule Rule(string resource, string verb = "get", string group = "") =>
        new() { ApiGroups = [group], Resources = [resource], Verbs = [verb] };

    [TestCase("secrets")]
    [TestCase("Secrets")]
    [TestCase("pods/exec")]
    [TestCase("pods/attach")]
    [TestCase("pods/portforward")]
    [TestCase("serviceaccounts/token")]
    [TestCase("roles")]
    [TestCase("clusterrolebindings")]
    [TestCase("nodes")]
    [TestCase("nodes/proxy")]
    [TestCase("customresourcedefinitions")]
    [TestCase("validatingwebhookconfigurations")]
    [TestCase("mutatingwebhookconfigurations")]
    [TestCase("*")]
    [TestCase("pods/*")]
    public void Dangerous_resources_are_never_granted(string resource)
    {
        Fields(Rule(resource)).Should().Equal("spec.permissions[0].resources[0]");
    }

    [TestCase("*")]
    [TestCase("escalate")]
    [TestCase("bind")]
    [TestCase("impersonate")]
    public void Dangerous_verbs_are_never_granted(string verb)
    {
        Fields(Rule("configmaps", verb)).Should().Equal("spec.permissions[0].verbs[0]");
    }

    [Test]
    public void Wildcard_api_group_is_never_granted()
    {
        Fields(Rule("configmaps", group: "*")).Should().Equal("spec.permissions[0].apiGroups[0]");
    }

    [Test]
    public void Ordinary_read_rule_is_accepted()
    {
        Fields(Rule("configmaps")).Should().BeEmpty();
    }

    [Test]
    public void Rule_without_verbs_is_refused()
    {
        Fields(new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = [] }).Should().Equal("spec.permissions[0].verbs");
    }

    [Test]
    public void Rule_beyond_the_policy_allowlist_is_refused()
    {
        var policy = BuiltinPolicy.Effective with { PermissionAllowlists = [[Rule("configmaps", "get")]] };

        Fields(Rule("configmaps", "delete"), policy).Should().Equal("spec.permissions[0]");
    }

    [Test]
    public void Rule_inside_the_policy_allowlist_is_accepted()
    {
        var policy = BuiltinPolicy.Effective with
        {
            PermissionAllowlists = [[new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get", "list", "watch"] }]],
        };

        Fields(Rule("configmaps", "list"), policy).Should().BeEmpty();
    }
}
