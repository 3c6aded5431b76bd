using Npgsql;
using StackExchange.Redis;

namespace Airlock.Cli.Commands;

/// <summary>
/// Turns the store URLs platform teams keep in Secrets (<c>postgres://user:pass@host:5432/db?sslmode=require</c>,
/// <c>redis://:pass@host:6379/0</c>, <c>rediss://…</c>) into what Npgsql and StackExchange.Redis take; their own
/// keyword forms pass through after a syntax check. Problems never echo the value: it may hold a password.
/// </summary>
internal static class GatewayStoreUrls
{
    public static string? Postgres(string value, out string? problem)
    {
        problem = null;
        try
        {
            if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            var uri = new Uri(value);
            var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0) builder.Database = database;
            var (user, password) = UserInfo(uri);
            if (user is { Length: > 0 }) builder.Username = user;
            if (password is not null) builder.Password = password;
            foreach (var (key, v) in Query(uri)) builder[key] = v;
            if (string.IsNullOrEmpty(uri.Host)) problem = "the URL names no host";
            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            problem = "not a PostgreSQL URL (postgres://user:password@host:5432/database) or Npgsql connection string";
            return null;
        }
    }

    public static string? Redis(string value, out string? problem)
    {
        problem = null;
        try
        {
            if (!value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigurationOptions.Parse(value).ToString(includePassword: true);
            }
            var uri = new Uri(value);
            if (string.IsNullOrEmpty(uri.Host)) throw new FormatException("no host");
            var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
            var (user, password) = UserInfo(uri);
            if (user is { Length: > 0 }) options.User = user;
            if (password is not null) options.Password = password;
            var path = uri.AbsolutePath.Trim('/');
            if (path.Length > 0) options.DefaultDatabase = int.Parse(path, System.Globalization.CultureInfo.InvariantCulture);
            return options.ToString(includePassword: true);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or OverflowException)
        {
            problem = "not a Redis URL (redis://:password@host:6379/0, rediss://…) or StackExchange.Redis configuration";
            return null;
        }
    }

    private static (string? User, string? Password) UserInfo(Uri uri)
    {
        if (uri.UserInfo.Length == 0) return (null, null);
        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(uri.UserInfo), null)
            : (Uri.UnescapeDataString(uri.UserInfo[..colon]), Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
    }

    private static IEnumerable<(string Key, string Value)> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""));
}
