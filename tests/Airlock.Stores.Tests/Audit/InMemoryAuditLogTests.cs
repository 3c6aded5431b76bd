using Airlock.Stores.Audit;

namespace Airlock.Stores.Tests.Audit;

public sealed class InMemoryAuditLogTests : AuditStoreContract
{
    protected override Task<IAuditStore> OpenAsync() => Task.FromResult<IAuditStore>(new InMemoryAuditLog(Time));

    protected override Task AlterDataAsync(IAuditStore store, long sequence, string dataText)
    {
        ((InMemoryAuditLog)store).Tamper(sequence, r => r with { Data = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(dataText)! });
        return Task.CompletedTask;
    }

    protected override Task DeleteRawAsync(IAuditStore store, long fromSequence, long toSequence)
    {
        for (var s = fromSequence; s <= toSequence; s++) ((InMemoryAuditLog)store).Tamper(s, _ => null);
        return Task.CompletedTask;
    }
}
