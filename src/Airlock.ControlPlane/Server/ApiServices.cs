using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;
using Airlock.ControlPlane.Server.Crds;
using Airlock.ControlPlane.Server.Diagnostics;
using Airlock.ControlPlane.Server.Tables;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server;

/// <summary>Everything the request handlers use, wired once by <see cref="LocalControlPlane"/>.</summary>
public sealed record ApiServices
{
    public required ObjectStore Store { get; init; }

    public required ResourceRegistry Registry { get; init; }

    public required ISchemaService Schema { get; init; }

    public required IPatchApplier Patcher { get; init; }

    public required IAdmissionController Admission { get; init; }

    public required IAuthenticator Authenticator { get; init; }

    public required IAuthorizer Authorizer { get; init; }

    public required TokenRequestHandler TokenRequests { get; init; }

    public required TokenReviewer TokenReviewer { get; init; }

    public required AccessReviewHandler AccessReviews { get; init; }

    public required CrdRegistrar Crds { get; init; }

    public required TableBuilder Tables { get; init; }

    public required RequestCounters Counters { get; init; }

    public required TestKnobs Knobs { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>host:port the server listens on (for <c>/api</c>'s serverAddressByClientCIDRs).</summary>
    public string ServerAddress { get; set; } = "";
}
