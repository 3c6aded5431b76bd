namespace Airlock.Runtime.Events;

/// <summary>Why an anomaly Event's signal seal does not count (also the <c>seal</c> label of the operator's refusal counter).</summary>
public enum SignalSealProblem
{
    /// <summary>The seal verifies.</summary>
    None = 0,

    /// <summary>The Event carries no seal annotation.</summary>
    Missing = 1,

    /// <summary>The seal is not <c>v1.&lt;seconds&gt;.&lt;64 hex&gt;</c>, or the Event names no task uid to bind it to.</summary>
    Malformed = 2,

    /// <summary>The MAC does not match: another key, another task, reason, component or message, or a changed value.</summary>
    Invalid = 3,
}
