using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>The parts of an AdmissionReview response the API server acts on.</summary>
/// <param name="Status">response.status (a metav1.Status), when the webhook gave one.</param>
/// <param name="Patch">The decoded JSONPatch, when the (mutating) webhook gave one.</param>
public sealed record WebhookResponse(bool Allowed, JsonObject? Status, byte[]? Patch, IReadOnlyList<string> Warnings);
