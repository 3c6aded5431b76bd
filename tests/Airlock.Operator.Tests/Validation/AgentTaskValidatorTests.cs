using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Tests.Support;
using Airlock.Operator.Validation;
using k8s.Models;

namespace Airlock.Operator.Tests.Validation;

public class AgentTaskValidatorTests
{
    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    private static IReadOnlyList<FieldProblem> Validate(AgentTask task, EffectivePolicy? policy = null) =>
        AgentTaskValidator.Validate(task, policy ?? BuiltinPolicy.Effective, Now);

    private static IEnumerable<string> Fields(AgentTask task, EffectivePolicy? policy = null) => Validate(task, policy).Select(p => p.Field);

    private static AgentTask With(Action<AgentTaskSpec> change)
    {
        var task = Tasks.Minimal();
        change(task.Spec);
        return task;
    }

    [Test]
    public void Minimal_task_is_valid()
    {
        Validate(Tasks.Minimal()).Should().BeEmpty();
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var task = With(s => { s.Image = ""; s.Timeout = "forever"; s.TtlSecondsAfterFinished = -1; });

        Fields(task).Should().BeEquivalentTo("spec.image", "spec.timeout", "spec.ttlSecondsAfterFinished");
    }

    [Test]
    public void Wildcard_host_names_the_field_and_the_fix()
    {
        var task = With(s => s.Egress = [new() { Host = "api.github.com" }, new() { Host = "pypi.org" }, new() { Host = "*" }]);

        Validate(task).Should().ContainSingle().Which.ToString()
            .Should().Be("spec.egress[2].host: \"*\" is not allowed; use an exact host or *.domain");
    }

    [Test]
    public void Image_digest_is_optional_under_the_builtin_policy()
    {
        Validate(With(s => s.Image = "busybox:1.36")).Should().BeEmpty();
    }

    [Test]
    public void Image_digest_is_required_when_the_policy_says_so()
    {
        Fields(With(s => s.Image = "busybox:1.36"), BuiltinPolicy.Effective with { RequireImageDigest = true }).Should().Equal("spec.image");
    }

    [Test]
    public void Image_outside_the_allowed_prefixes_is_refused()
    {
        var policy = BuiltinPolicy.Effective with { ImagePrefixAllowlists = [["registry.internal/"]] };

        Fields(Tasks.Minimal(), policy).Should().Equal("spec.image");
    }

    [TestCase("runc")]
    [TestCase("kata-unknown")]
    public void Runtime_class_outside_the_allowed_set_is_refused(string runtime)
    {
        Fields(With(s => s.RuntimeClassName = runtime)).Should().Equal("spec.runtimeClassName");
    }

    [Test]
    public void No_allowed_runtime_class_refuses_every_task()
    {
        Fields(Tasks.Minimal(), BuiltinPolicy.Effective with { AllowedRuntimeClasses = [] }).Should().Equal("spec.runtimeClassName");
    }

    [TestCase("25h")]
    [TestCase("1d")]
    [TestCase("-5m")]
    [TestCase("0s")]
    public void Timeout_must_be_a_go_duration_up_to_the_maximum(string timeout)
    {
        Fields(With(s => s.Timeout = timeout)).Should().Equal("spec.timeout");
    }

    [TestCase("24h")]
    [TestCase("1h30m")]
    [TestCase("90s")]
    public void Timeout_within_the_maximum_is_accepted(string timeout)
    {
        Validate(With(s => s.Timeout = timeout)).Should().BeEmpty();
    }

    [TestCase(599)]
    [TestCase(3601)]
    public void Token_lifetime_must_be_600_to_3600_seconds(long seconds)
    {
        Fields(With(s => s.TokenExpirationSeconds = seconds)).Should().Equal("spec.tokenExpirationSeconds");
    }

    [Test]
    public void Prompt_over_256_KiB_is_refused()
    {
        Fields(With(s => s.Prompt = new string('x', 256 * 1024 + 1))).Should().Equal("spec.prompt");
    }

    [Test]
    public void Resources_above_the_maximum_are_refused()
    {
        var task = With(s => s.Resources = new TaskResources { Cpu = new ResourceQuantity("16"), Memory = new ResourceQuantity("64Gi") });

        Fields(task).Should().BeEquivalentTo("spec.resources.cpu", "spec.resources.memory");
    }

    [Test]
    public void Zero_cpu_is_refused()
    {
        Fields(With(s => s.Resources = new TaskResources { Cpu = new ResourceQuantity("0") })).Should().Equal("spec.resources.cpu");
    }

    [TestCase("HTTPS_PROXY")]
    [TestCase("no_proxy")]
    [TestCase("AIRLOCK_TOKEN_FILE")]
    [TestCase("KUBERNETES_SERVICE_HOST")]
    [TestCase("OPENAI_BASE_URL")]
    [TestCase("1BAD")]
    [TestCase("has space")]
    public void Reserved_or_invalid_env_names_are_refused(string name)
    {
        Fields(With(s => s.Env = [new TaskEnvVar { Name = name, Value = "x" }])).Should().Equal("spec.env[0].name");
    }

    [Test]
    public void Duplicate_env_names_are_refused()
    {
        Fields(With(s => s.Env = [new TaskEnvVar { Name = "A" }, new TaskEnvVar { Name = "A" }])).Should().Equal("spec.env[1].name");
    }

    [Test]
    public void Model_limits_must_be_positive()
    {
        Fields(With(s => s.Model = new ModelAccess { Provider = "openai", RequestsPerMinute = 0, MaxTotalTokens = -1 }))
            .Should().BeEquivalentTo("spec.model.requestsPerMinute", "spec.model.maxTotalTokens");
    }

    [Test]
    public void Model_limits_above_the_policy_ceiling_are_refused()
    {
        var policy = BuiltinPolicy.Effective with { MaxTotalTokens = 1000 };

        Fields(With(s => s.Model = new ModelAccess { Provider = "openai", MaxTotalTokens = 1001 }), policy).Should().Equal("spec.model.maxTotalTokens");
    }

    [Test]
    public void Provider_outside_the_policy_is_refused()
    {
        var policy = BuiltinPolicy.Effective with { AllowedProviders = new HashSet<string> { "anthropic" } };

        Fields(With(s => s.Model = new ModelAccess { Provider = "openai" }), policy).Should().Equal("spec.model.provider");
    }

    [Test]
    public void Missing_metadata_name_is_reported()
    {
        var task = Tasks.Minimal();
        task.Metadata.Name = null;

        Fields(task).Should().Equal("metadata.name");
    }
}
