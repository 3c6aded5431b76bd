using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Operator.Governance.Approval;
using static Airlock.Operator.Tests.Webhooks.AdmissionFixture;

namespace Airlock.Operator.Tests.Webhooks;

/// <summary>The admission logic: defaults, creator identity, validation text, and who may approve, reject or quarantine.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AgentTaskWebhooksTests
{
    private readonly AdmissionFixture _f = new();

    private Task<Operator.Webhooks.AdmissionResponse> Mutate(string op, JsonObject obj, JsonObject? old = null, string user = "alice") =>
        _f.Webhooks.MutateAsync(Request(op, obj, old, user), CancellationToken.None);

    private Task<Operator.Webhooks.AdmissionResponse> Validate(string op, JsonObject obj, JsonObject? old = null, string user = "alice", string sub = "") =>
        _f.Webhooks.ValidateAsync(Request(op, obj, old, user, sub), CancellationToken.None);

    /// <summary>An update through both webhooks, as the API server runs them; returns the stored object or the refusal.</summary>
    private async Task<(JsonObject? Stored, Operator.Webhooks.AdmissionResponse Verdict)> UpdateAsync(JsonObject old, JsonObject changed, string user)
    {
        var mutated = await Mutate("UPDATE", changed, old, user);
        if (!mutated.Allowed) return (null, mutated);
        var stored = Apply(changed, mutated);
        var validated = await Validate("UPDATE", stored, old, user);
        return (validated.Allowed ? stored : null, validated);
    }

    [Test]
    public async Task Create_fills_defaults_from_the_policy()
    {
        var created = await _f.CreatedAsync();

        var spec = created["spec"]!;
        ((string?)spec["runtimeClassName"], (string?)spec["timeout"], (long?)spec["tokenExpirationSeconds"]).Should().Be(("kata-qemu", "1h", 600L));
        spec["resources"]!.ToJsonString().Should().Be("""{"cpu":"1","memory":"2Gi","ephemeralStorage":"4Gi"}""");
    }

    [Test]
    public async Task Create_keeps_values_the_task_gives()
    {
        (await _f.CreatedAsync(", \"runtimeClassName\": \"kata-fc\", \"resources\": {\"cpu\": \"2\"}"))["spec"]!.ToJsonString()
            .Should().Contain("\"runtimeClassName\":\"kata-fc\"").And.Contain("\"cpu\":\"2\",\"memory\":\"2Gi\"");
    }

    [Test]
    public async Task Create_records_the_creator_over_any_value_the_user_wrote()
    {
        var obj = Task(annotations: $"\"{AirlockAnnotations.CreatedBy}\": \"mallory\"");

        var created = Apply(obj, await Mutate("CREATE", obj));

        (Annotation(created, AirlockAnnotations.CreatedBy), Annotation(created, AirlockAnnotations.CreatedByGroups))
            .Should().Be(("alice", "airlock:users,system:authenticated"));
    }

    [Test]
    public async Task Invalid_task_is_refused_with_every_problem_in_the_validate_text()
    {
        var response = await Validate("CREATE", await _f.CreatedAsync(", \"runtimeClassName\": \"runc\", \"tokenExpirationSeconds\": 99999"));

        (response.Allowed, response.Code).Should().Be((false, 422));
        response.Message.Split('\n').Should().Contain([
            "AgentTask/t: spec.runtimeClassName: \"runc\" is not allowed; use one of kata-qemu, kata-clh, kata-fc, kata-qemu-snp, kata-qemu-tdx",
            "AgentTask/t: spec.tokenExpirationSeconds: 99999 is outside 600..3600; pick a lifetime in that range (the kubelet refreshes the token at 80%)",
        ]);
    }

    [Test]
    public async Task Valid_task_is_admitted() => (await Validate("CREATE", await _f.CreatedAsync())).Allowed.Should().BeTrue();

    [Test]
    public async Task Task_created_with_an_approval_is_refused()
    {
        var created = WithAnnotations(await _f.CreatedAsync(), (AirlockAnnotations.ApprovedBy, "bob"));

        (await Validate("CREATE", created)).Message.Should().Be(
            $"metadata.annotations[{AirlockAnnotations.ApprovedBy}]: is written by Airlock when the task is approved, rejected or quarantined, never at creation; remove it");
    }

    [Test]
    public async Task Changing_the_creator_is_refused()
    {
        var created = await _f.CreatedAsync();

        var (_, verdict) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.CreatedBy, "bob")), "bob");

        verdict.Message.Should().Be($"metadata.annotations[{AirlockAnnotations.CreatedBy}]: records who created the task and cannot be changed");
    }

    [Test]
    public async Task Authorised_approval_is_stamped_with_the_approver_and_sealed()
    {
        _f.Reviewer.Allowed.Add(("bob", "approve"));
        var created = await _f.CreatedAsync();

        var (stored, verdict) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.ApprovedBy, "")), "bob");

        verdict.Allowed.Should().BeTrue(verdict.Message);
        (Annotation(stored!, AirlockAnnotations.ApprovedBy), Annotation(stored!, AirlockAnnotations.ApprovedAt)).Should().Be(("bob", "2026-03-01T12:00:00Z"));
        _f.Seal.Verify(k8s.KubernetesJson.Deserialize<Api.Tasks.AgentTask>(stored!.ToJsonString())).Approval!.By.Should().Be("bob");
        _f.Reviewer.Asked.Should().Contain("bob approve agents/t");
    }

    [Test]
    public async Task Approval_names_the_requesting_user_whatever_name_was_written()
    {
        _f.Reviewer.Allowed.Add(("bob", "approve"));
        var created = await _f.CreatedAsync();

        var (stored, _) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.ApprovedBy, "carol")), "bob");

        Annotation(stored!, AirlockAnnotations.ApprovedBy).Should().Be("bob");
    }

    [Test]
    public async Task Self_approval_is_refused()
    {
        _f.Reviewer.Allowed.Add(("alice", "approve"));
        var created = await _f.CreatedAsync();

        var (_, verdict) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.ApprovedBy, "")), "alice");

        (verdict.Code, verdict.Message).Should().Be((403, "alice created this task and may not approve it; another person must approve"));
    }

    [Test]
    public async Task Approval_without_the_rbac_verb_is_refused()
    {
        var created = await _f.CreatedAsync();

        var (_, verdict) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.ApprovedBy, "")), "bob");

        (verdict.Code, verdict.Message).Should().Be((403,
            "bob may not approve agenttasks.agents.airlock.dev in namespace agents; ask for a role that grants the verb approve (airlock-approver)"));
    }

    [Test]
    public async Task Approval_written_past_the_mutating_webhook_is_refused()
    {
        _f.Reviewer.Allowed.Add(("bob", "approve"));
        var created = await _f.CreatedAsync();
        var forged = WithAnnotations(created, (AirlockAnnotations.ApprovedBy, "bob"), (AirlockAnnotations.ApprovedAt, "2026-03-01T12:00:00Z"),
            (AirlockAnnotations.ApprovalSeal, "v1." + new string('0', 64) + "." + new string('0', 64)));

        var verdict = await Validate("UPDATE", forged, created, "bob");

        (verdict.Allowed, verdict.Code).Should().Be((false, 403));
    }

    [Test]
    public async Task An_approval_cannot_be_withdrawn_or_changed()
    {
        _f.Reviewer.Allowed.Add(("bob", "approve"));
        _f.Reviewer.Allowed.Add(("carol", "approve"));
        var created = await _f.CreatedAsync();
        var (approved, _) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.ApprovedBy, "")), "bob");

        var (_, verdict) = await UpdateAsync(approved!, WithAnnotations(approved!, (AirlockAnnotations.ApprovedBy, "carol")), "carol");

        verdict.Message.Should().Be($"metadata.annotations[{AirlockAnnotations.ApprovedBy}]: the task was approved by bob; an approval cannot be changed or withdrawn");
    }

    [Test]
    public async Task Rejection_needs_the_reject_verb()
    {
        var created = await _f.CreatedAsync();

        var (_, verdict) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.RejectedBy, "")), "bob");

        verdict.Message.Should().StartWith("bob may not reject agenttasks.agents.airlock.dev");
    }

    [Test]
    public async Task Quarantine_is_recorded_with_who_asked_and_is_final()
    {
        _f.Reviewer.Allowed.Add(("ops", "quarantine"));
        var created = await _f.CreatedAsync();
        var (quarantined, _) = await UpdateAsync(created, WithAnnotations(created, (AirlockAnnotations.Quarantine, "exfiltration")), "ops");

        var (_, verdict) = await UpdateAsync(quarantined!, WithAnnotations(quarantined!, (AirlockAnnotations.Quarantine, null)), "ops");

        Annotation(quarantined!, AirlockAnnotations.QuarantinedBy).Should().Be("ops");
        verdict.Message.Should().Be($"metadata.annotations[{AirlockAnnotations.Quarantine}]: the task was quarantined by ops; quarantine is final");
    }

    [Test]
    public async Task Spec_edit_that_breaks_the_policy_is_refused()
    {
        var created = await _f.CreatedAsync();
        var changed = created.DeepClone().AsObject();
        changed["spec"]!["runtimeClassName"] = "runc";

        (await Validate("UPDATE", changed, created)).Allowed.Should().BeFalse();
    }

    [Test]
    public async Task Status_writes_cannot_leave_a_terminal_phase()
    {
        var old = await _f.CreatedAsync();
        old["status"] = new JsonObject { ["phase"] = "Quarantined" };
        var changed = old.DeepClone().AsObject();
        changed["status"]!["phase"] = "Running";

        (await Validate("UPDATE", changed, old, "alice", "status")).Message.Should().Be("status.phase: Quarantined is final; it cannot become Running");
    }

    [Test]
    public async Task Status_writes_cannot_name_an_approver_that_was_not_recorded()
    {
        var old = await _f.CreatedAsync();
        var changed = old.DeepClone().AsObject();
        changed["status"] = new JsonObject { ["approvedBy"] = "bob" };

        (await Validate("UPDATE", changed, old, "alice", "status")).Message.Should().Be(
            "status.approvedBy: \"bob\" is not the recorded approver; approvals are made with airlock approve");
    }

    [Test]
    public async Task Unready_operator_refuses_everything()
    {
        var webhooks = new Operator.Webhooks.AgentTaskWebhooks(_f.Policy, _f.Seal, _f.Reviewer, TimeProvider.System, ready: () => false);

        (await webhooks.ValidateAsync(Request("CREATE", Task()), CancellationToken.None)).Code.Should().Be(503);
    }
}
