using Airlock.Egress.Accounting;
using Airlock.Egress.Debug;
using Airlock.Egress.Identity;
using Airlock.Egress.Matching;
using Airlock.Egress.Resolution;
using Microsoft.Extensions.Logging;

namespace Airlock.Egress.Proxy;

/// <summary>What every connection handler needs, built once by the host.</summary>
public sealed record ProxyServices(
    ProxyLimits Limits,
    ICallerDirectory Directory,
    IHostResolver Resolver,
    AddressPolicy AddressPolicy,
    EgressAccounting Accounting,
    IDebugAuthorizer DebugAuthorizer,
    TaskQuotas Quotas,
    TimeProvider Time,
    ILogger Logger);
