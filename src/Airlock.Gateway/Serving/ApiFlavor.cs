namespace Airlock.Gateway.Serving;

/// <summary>Which provider API a route speaks, and so which error shape its callers understand.</summary>
public enum ApiFlavor
{
    OpenAi = 0,
    Anthropic = 1,
}
