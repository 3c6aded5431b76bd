using System.Text.Json.Nodes;
using Airlock.Stores.Audit;

namespace Airlock.Gateway.Tests.Support;

/// <summary>A test class's own <c>airlock dev</c> process (<see cref="DevGatewayProcess"/>) started with <paramref name="flags"/>, once for all its tests.</summary>
public abstract class DevGatewayFixture(params string[] flags)
{
    /// <summary>An AWS access key id (the shape the secret scanner redacts) for answers that carry a secret.</summary>
    protected const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";

    protected DevGatewayProcess Dev { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartDevGateway() => Dev = await DevGatewayProcess.StartAsync(flags);

    [OneTimeTearDown]
    public async Task StopDevGateway()
    {
        if (Dev is not null) await Dev.DisposeAsync();
    }

    /// <summary>The content of the first choice of a non-streamed chat completion.</summary>
    protected static async Task<string?> ContentAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"];

    /// <summary>The SQLite audit log of the state directory, its chain verified: <paramref name="read"/> of its records, and the verdict.</summary>
    protected async Task<(T Read, int Verdict)> ReadAuditAsync<T>(Func<IAsyncEnumerable<AuditRecord>, ValueTask<T>> read)
    {
        var (store, error) = await AuditTool.OpenAsync(Dev.StateDirectory, null, CancellationToken.None);
        store.Should().NotBeNull(error);
        await using (store)
        {
            var result = await read(store!.ReadAsync(0, CancellationToken.None));
            return (result, await AuditTool.VerifyAsync(store, TextWriter.Null, CancellationToken.None));
        }
    }
}
