namespace Airlock.ControlPlane.Patching;

/// <summary>The four patch content types the API server accepts.</summary>
public enum PatchType
{
    /// <summary>application/json-patch+json (RFC 6902).</summary>
    JsonPatch,

    /// <summary>application/merge-patch+json (RFC 7386).</summary>
    MergePatch,

    /// <summary>application/strategic-merge-patch+json (built-in kinds only).</summary>
    StrategicMergePatch,

    /// <summary>application/apply-patch+yaml (server-side apply).</summary>
    ApplyPatch,
}
