namespace Airlock.Egress.Tests.Support;

/// <summary>A response as a test client read it: the head (status line and fields) and the decoded body.</summary>
public sealed record HttpAnswer(string Head, string Body)
{
    public int Status => int.Parse(Head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);

    public bool Closes => Head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase);
}
