using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>
/// The API server's write path before storage: mutating admission, schema check (defaults, pruning, 422 causes), field
/// validation of unknown and duplicate fields (Strict refuses, Warn warns, Ignore ignores), validating admission and
/// managedFields tracking.
/// </summary>
public sealed class WritePipeline(ApiServices services)
{
    private readonly ApiServices _services = services;

    /// <param name="old">The stored object an update replaces: a frozen snapshot, only read.</param>
    /// <param name="prepare">Runs after the schema check and before validating admission (create: generateName, uid).</param>
    /// <param name="trackFields">False when the patcher already recorded managedFields (server-side apply).</param>
    public async Task<JsonObject> RunAsync(ApiRequest request, string operation, JsonObject obj, JsonObject? old, IReadOnlyList<string> duplicates,
        Action<JsonObject>? prepare = null, bool trackFields = true)
    {
        var directive = FieldValidationDirective(request);
        var type = request.Type;
        var attributes = new AdmissionAttributes(operation, type, request.Subresource, request.Namespace, ObjectMeta.Name(obj), obj, old, request.User,
            request.DryRun);
        var mutated = await _services.Admission.MutateAsync(attributes, request.Aborted);
        request.Warnings.AddRange(mutated.Warnings);
        var current = mutated.Object ?? obj;
        var check = _services.Schema.Check(type, current);
        var problems = check.UnknownFields.Select(f => $"unknown field \"{f}\"").Concat(duplicates.Select(d => $"duplicate field \"{d}\"")).ToList();
        if (problems.Count > 0 && directive == "Strict")
        {
            throw ApiError.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: {string.Join(", ", problems)}");
        }
        if (directive == "Warn") request.Warnings.AddRange(problems);
        if (check.Errors.Count > 0) throw ApiError.Invalid(type.Kind, type.Group, ObjectMeta.Name(current), check.Errors);
        prepare?.Invoke(current);
        var warnings = await _services.Admission.ValidateAsync(attributes with { Object = current, Name = ObjectMeta.Name(current) }, request.Aborted);
        request.Warnings.AddRange(warnings);
        // The object is the request's own (decoded from its body, patched from a copy, or returned by a webhook).
        return trackFields ? _services.Patcher.TrackUpdateInPlace(type, old, current, request.FieldManager, request.Subresource.Length > 0 ? request.Subresource : null) : current;
    }

    /// <summary>Validating admission for DELETE (mutating webhooks do not see deletes).</summary>
    public async Task AdmitDeleteAsync(ApiRequest request, JsonObject old)
    {
        var attributes = new AdmissionAttributes("DELETE", request.Type, request.Subresource, request.Namespace, ObjectMeta.Name(old), null, old, request.User,
            request.DryRun);
        request.Warnings.AddRange(await _services.Admission.ValidateAsync(attributes, request.Aborted));
    }

    private static string FieldValidationDirective(ApiRequest request) => request.Query("fieldValidation") switch
    {
        "" => "Warn",
        var d when d is "Strict" or "Warn" or "Ignore" => d,
        var other => throw ApiError.BadRequest($"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
    };
}
