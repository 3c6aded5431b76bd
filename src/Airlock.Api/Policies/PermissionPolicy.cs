using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Tasks;

namespace Airlock.Api.Policies;

/// <summary>Which Kubernetes API rights tasks may ask for.</summary>
[Description("Kubernetes API rights tasks may ask for; the forbidden list applies whatever this says.")]
public sealed class PermissionPolicy
{
    [JsonPropertyName("allowed")]
    [Description("Every rule of a task must be covered by one of these. Omitted: any rule outside the forbidden list.")]
    public IList<PermissionRule>? Allowed { get; set; }
}
