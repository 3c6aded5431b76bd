using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Tests.Support;

namespace Airlock.Operator.Tests.Governance;

/// <summary>The seal makes approvals unforgeable: only what the webhook sealed, for the current spec, counts.</summary>
public sealed class ApprovalSealTests
{
    private const string At = "2026-03-01T11:00:00Z";
    private readonly ApprovalSeal _seal = ApprovalSeal.Generate();

    private AgentTask Approved(string approver = "bob", ApprovalSeal? by = null)
    {
        var task = Tasks.Minimal();
        task.Metadata.Annotations = new Dictionary<string, string>
        {
            [AirlockAnnotations.ApprovedBy] = approver,
            [AirlockAnnotations.ApprovedAt] = At,
            [AirlockAnnotations.ApprovalSeal] = (by ?? _seal).Sign(task, approver, At),
        };
        return task;
    }

    [Test]
    public void Sealed_approval_verifies_with_approver_and_time()
    {
        var (approval, problem) = _seal.Verify(Approved());

        problem.Should().BeNull();
        approval.Should().Be(new Operator.Status.VerifiedApproval("bob", new DateTime(2026, 3, 1, 11, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void Approval_without_a_seal_does_not_count()
    {
        var task = Approved();
        task.Metadata.Annotations!.Remove(AirlockAnnotations.ApprovalSeal);

        _seal.Verify(task).Should().Be(((Operator.Status.VerifiedApproval?)null,
            "the approval by bob was not recorded through the admission webhook and does not count; approve with airlock approve"));
    }

    [Test]
    public void Seal_made_with_another_key_does_not_count()
    {
        _seal.Verify(Approved(by: ApprovalSeal.Generate())).Problem.Should().Be(
            "the approval seal for bob does not verify and the approval does not count; approve again with airlock approve");
    }

    [Test]
    public void Changing_the_approver_breaks_the_seal()
    {
        var task = Approved();
        task.Metadata.Annotations![AirlockAnnotations.ApprovedBy] = "mallory";

        _seal.Verify(task).Approval.Should().BeNull();
    }

    [Test]
    public void Seal_copied_to_another_task_does_not_count()
    {
        var task = Approved();
        task.Metadata.Uid = "7f1c0a52-0000-4000-8000-000000000002";

        _seal.Verify(task).Approval.Should().BeNull();
    }

    [Test]
    public void Spec_edited_after_approval_needs_a_new_approval()
    {
        var task = Approved();
        task.Spec.Permissions = [new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["delete"] }];

        _seal.Verify(task).Problem.Should().Be("the approval by bob was for an earlier spec; the changed task needs a new approval");
    }

    [Test]
    public void Ttl_change_after_approval_keeps_the_approval()
    {
        var task = Approved();
        task.Spec.TtlSecondsAfterFinished = 5;

        _seal.Verify(task).Approval.Should().NotBeNull();
    }

    [Test]
    public void Task_without_approval_has_neither_approval_nor_problem()
    {
        _seal.Verify(Tasks.Minimal()).Should().Be(((Operator.Status.VerifiedApproval?)null, (string?)null));
    }
}
