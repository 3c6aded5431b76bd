namespace Airlock.Egress.Proxy;

/// <summary>A parsed head, or the status code and reason to refuse it with.</summary>
public readonly record struct HeadParseResult(RequestHead? Head, int Status, string Error)
{
    public static HeadParseResult Ok(RequestHead head) => new(head, 0, "");

    public static HeadParseResult Fail(int status, string error) => new(null, status, error);
}
