namespace Airlock.Stores.Limits;

/// <summary>Why a request was admitted or not.</summary>
public enum LimitVerdict
{
    Allowed = 0,
    RequestsPerMinute = 1,
    TokensPerMinute = 2,

    /// <summary>The budget is spent: no request will be admitted again.</summary>
    BudgetExhausted = 3,

    /// <summary>The budget is nearly spent and other requests are still in flight: try again once they finish.</summary>
    BudgetContended = 4,
}
