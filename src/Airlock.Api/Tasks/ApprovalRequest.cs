using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Airlock.Api.Tasks;

/// <summary>Whether the task waits for a human before its sandbox is created.</summary>
[Description("Human approval: the task waits in AwaitingApproval until someone approves it.")]
public sealed record ApprovalRequest
{
    [JsonPropertyName("required")]
    [Description("Wait for a human approval before creating the sandbox.")]
    public bool Required { get; set; }
}
