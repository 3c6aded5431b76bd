using System.Text.Json;
using Airlock.Gateway.Providers;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>
/// <c>GET /v1/models</c>: the caller's allowed models, in its provider's list shape. A task whose allowedModels is empty may
/// use any model of its provider, so it gets the provider's own list (fetched with the provider key).
/// </summary>
public sealed class ModelsEndpoint(CallerAuthenticator authenticator, ProviderRegistry providers, HttpClient http)
{
    public async Task HandleAsync(HttpContext context)
    {
        var (task, error) = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (task is null)
        {
            await ErrorResponses.WriteAsync(context, ApiFlavor.OpenAi, error!).ConfigureAwait(false);
            return;
        }
        var provider = providers.Find(task.Model.Provider);
        var flavor = provider?.Type == ProviderType.Anthropic ? ApiFlavor.Anthropic : ApiFlavor.OpenAi;
        if (provider is null)
        {
            await ErrorResponses.WriteAsync(context, flavor, GatewayError.Forbidden("provider_not_configured", $"provider \"{task.Model.Provider}\" is not configured in the gateway")).ConfigureAwait(false);
            return;
        }
        if (task.Model.AllowedModels is { Count: > 0 } allowed)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Render(provider, allowed), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (provider.Key.Current is not { } key)
        {
            await ErrorResponses.WriteAsync(context, flavor, new GatewayError(503, "provider_key_unavailable", $"the key of provider \"{provider.Name}\" cannot be read")).ConfigureAwait(false);
            return;
        }
        using var message = new HttpRequestMessage(HttpMethod.Get, provider.Resolve("models"));
        if (provider.Type == ProviderType.Anthropic)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", key);
            message.Headers.TryAddWithoutValidation("anthropic-version", UpstreamClient.DefaultAnthropicVersion);
        }
        else
        {
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        try
        {
            using var response = await http.SendAsync(message, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            await ErrorResponses.WriteAsync(context, flavor, new GatewayError(502, "upstream_unavailable", $"provider \"{provider.Name}\" could not be reached")).ConfigureAwait(false);
        }
    }

    private static byte[] Render(Provider provider, IList<string> models)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (provider.Type == ProviderType.Anthropic)
            {
                writer.WriteStartArray("data");
                foreach (var model in models)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "model");
                    writer.WriteString("id", model);
                    writer.WriteString("display_name", model);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteBoolean("has_more", false);
                writer.WriteString("first_id", models[0]);
                writer.WriteString("last_id", models[^1]);
            }
            else
            {
                writer.WriteString("object", "list");
                writer.WriteStartArray("data");
                foreach (var model in models)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", model);
                    writer.WriteString("object", "model");
                    writer.WriteNumber("created", 0);
                    writer.WriteString("owned_by", provider.Name);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
