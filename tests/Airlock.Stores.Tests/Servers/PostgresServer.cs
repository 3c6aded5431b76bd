using Npgsql;

namespace Airlock.Stores.Tests.Servers;

/// <summary>
/// A real PostgreSQL cluster made with <c>initdb</c> in a temp directory and run with <c>pg_ctl</c> on a free loopback port
/// (its unix socket in the same directory). As root it runs as the <c>postgres</c> user, which owns the directory.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _asPostgres;

    private PostgresServer(string bin, string dir, int port, bool asPostgres)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
        _asPostgres = asPostgres;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) Assert.Ignore("PostgreSQL is not installed (apt-get install postgresql); skipping the PostgreSQL tests");
        var asPostgres = Environment.UserName == "root";
        var dir = Directory.CreateTempSubdirectory("airlock-pg-").FullName;
        if (asPostgres && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
            await ServerProcess.RunAsync("chown", ["postgres:postgres", dir], TimeSpan.FromSeconds(10));
        }
        var data = Path.Combine(dir, "data");
        var server = new PostgresServer(bin!, dir, FreePort.Pick(), asPostgres);
        await server.RunAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], TimeSpan.FromSeconds(60));
        await server.RunAsync("pg_ctl",
            ["-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "30", "-o", $"-c listen_addresses=127.0.0.1 -c port={server.Port} -c unix_socket_directories={dir} -c fsync=on", "start"],
            TimeSpan.FromSeconds(60));
        return server;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private Task<string> RunAsync(string tool, IReadOnlyList<string> args, TimeSpan timeout) => _asPostgres
        ? ServerProcess.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args], timeout)
        : ServerProcess.RunAsync(Path.Combine(_bin, tool), args, timeout);
}
