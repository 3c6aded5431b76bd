using System.Globalization;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Server.Http;
using Airlock.ControlPlane.Server.Tables;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Selection;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>GET of one object (or its status) and of lists, as JSON or as a Table.</summary>
public sealed class ReadEndpoints(ApiServices services)
{
    private readonly ApiServices _services = services;

    public async Task GetAsync(ApiRequest request)
    {
        var stored = _services.Store.GetSnapshot(request.Type, request.Namespace, request.Name)
            ?? throw ApiError.NotFound(request.Type.QualifiedResource, request.Name);
        var obj = request.Present(stored.Object);
        if (TableBuilder.WantsTable(request.Http.Request.Headers.Accept))
        {
            await request.RespondAsync(200, _services.Tables.Build(request.Type, [obj], true, IncludeObject(request), ObjectMeta.ResourceVersion(obj)));
            return;
        }
        await ResponseWriter.WriteJsonAsync(request.Http.Response, 200, obj, request.Aborted);
    }

    public async Task ListAsync(ApiRequest request)
    {
        var options = ListOptionsOf(request);
        var page = _services.Store.ListPage(request.Type, request.Namespace, options);
        var revision = page.Revision.ToString(CultureInfo.InvariantCulture);
        if (TableBuilder.WantsTable(request.Http.Request.Headers.Accept))
        {
            var table = _services.Tables.Build(request.Type, page.Items.Select(request.Present), true, IncludeObject(request), revision, page.Continue,
                page.RemainingItemCount);
            await request.RespondAsync(200, table);
            return;
        }
        await ResponseWriter.WriteListAsync(request.Http.Response, request.Type.ApiVersion, request.Type.ListKind, page.Items, revision, page.Continue,
            page.RemainingItemCount, request.Present, request.Aborted);
    }

    public static ListOptions ListOptionsOf(ApiRequest request)
    {
        var limitText = request.Query("limit");
        var limit = 0;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 0))
        {
            throw ApiError.BadRequest($"limit: Invalid value: \"{limitText}\": must be a non-negative integer");
        }
        return new ListOptions
        {
            Labels = LabelSelector.Parse(request.Query("labelSelector")),
            Fields = FieldSelector.Parse(request.Query("fieldSelector")),
            Limit = limit,
            Continue = request.Query("continue") is { Length: > 0 } c ? c : null,
        };
    }

    /// <summary>The Table row object: <c>Metadata</c> (default), <c>Object</c> or <c>None</c>.</summary>
    public static string IncludeObject(ApiRequest request) => request.Query("includeObject") switch
    {
        "" => "Metadata",
        var v when v is "None" or "Metadata" or "Object" => v,
        var other => throw ApiError.BadRequest($"includeObject: Unsupported value: \"{other}\": supported values: \"None\", \"Metadata\", \"Object\""),
    };
}
