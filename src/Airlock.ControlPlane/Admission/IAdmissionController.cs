using System.Text.Json.Nodes;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Admission;

/// <summary>
/// Dynamic admission. The write path calls <see cref="MutateAsync"/>, then schema validation, then <see cref="ValidateAsync"/>,
/// as the API server does. A refusal is thrown as an <see cref="Api.ApiError"/>.
/// </summary>
public interface IAdmissionController
{
    /// <summary>Runs matching mutating webhooks in order; returns the (possibly) mutated object and the webhooks' warnings.</summary>
    Task<AdmissionResult> MutateAsync(AdmissionAttributes attributes, CancellationToken cancellationToken);

    /// <summary>Runs matching validating webhooks; throws when any denies (or fails under failurePolicy Fail). Returns warnings.</summary>
    Task<IReadOnlyList<string>> ValidateAsync(AdmissionAttributes attributes, CancellationToken cancellationToken);
}

/// <summary>The object after mutation (null for DELETE) and the warnings to pass back to the client.</summary>
public sealed record AdmissionResult(JsonObject? Object, IReadOnlyList<string> Warnings);

/// <summary>What one admission call is about (admission.k8s.io/v1 AdmissionRequest fields).</summary>
/// <param name="Operation">CREATE, UPDATE, DELETE or CONNECT.</param>
/// <param name="OldObject">The stored object (a frozen snapshot shared with the store): read it, never change it.</param>
public sealed record AdmissionAttributes(
    string Operation,
    ResourceType Type,
    string Subresource,
    string? Namespace,
    string Name,
    JsonObject? Object,
    JsonObject? OldObject,
    UserInfo User,
    bool DryRun,
    JsonObject? Options = null);
