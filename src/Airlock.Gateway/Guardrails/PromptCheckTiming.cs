namespace Airlock.Gateway.Guardrails;

/// <summary>When a call's prompt is scanned (see <see cref="PromptCheck"/>).</summary>
public enum PromptCheckTiming
{
    /// <summary>Before anything goes upstream: a finding may refuse the call.</summary>
    BeforeForwarding = 0,

    /// <summary>On the calling thread once the request is upstream, while the provider works.</summary>
    WhileWaiting = 1,

    /// <summary>On another thread at once (streams: the relay must not wait for it).</summary>
    InBackground = 2,
}
