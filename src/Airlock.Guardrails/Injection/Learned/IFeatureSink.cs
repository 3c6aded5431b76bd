namespace Airlock.Guardrails.Injection.Learned;

/// <summary>Receives the hashed features of one window. A struct implementation keeps the hot loop free of calls through an interface.</summary>
internal interface IFeatureSink
{
    void Add(uint hash);
}
