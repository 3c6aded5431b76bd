using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Airlock.Runtime.Controllers;

/// <summary>The builder once the primary type is known.</summary>
public sealed class ControllerBuilder<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly string _name;
    private readonly SharedInformerFactory _informers;
    private readonly ISharedInformer<T> _primary;
    private readonly ResourceType _type;
    private readonly List<IControllerWatch> _watches = [];
    private ControllerOptions _options = new();
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private CollectorRegistry? _registry;

    internal ControllerBuilder(string name, SharedInformerFactory informers, ISharedInformer<T> primary, ResourceType type)
    {
        _name = name;
        _informers = informers;
        _primary = primary;
        _type = type;
    }

    /// <summary>Children whose controller ownerReference points at a <typeparamref name="T"/> enqueue that owner.</summary>
    public ControllerBuilder<T> Owns<TChild>(InformerScope? scope = null)
        where TChild : class, IKubernetesObject<V1ObjectMeta>
    {
        var type = _type;
        // The options (and their echo filter) may be set after this call: read them when an event arrives.
        _watches.Add(new MappedWatch<TChild>(_informers.GetInformer<TChild>(scope), c => OwnerMapping.ControllerOwner(c, type), c => _options.IgnoreEcho?.Invoke(c) == true));
        return this;
    }

    /// <summary>Any other type, mapped to primary keys by <paramref name="map"/>.</summary>
    public ControllerBuilder<T> Watches<TOther>(Func<TOther, IEnumerable<ObjectKey>> map, InformerScope? scope = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        _watches.Add(new MappedWatch<TOther>(_informers.GetInformer<TOther>(scope), map));
        return this;
    }

    public ControllerBuilder<T> WithOptions(ControllerOptions options)
    {
        _options = options;
        return this;
    }

    public ControllerBuilder<T> WithLogging(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        return this;
    }

    public ControllerBuilder<T> WithMetrics(CollectorRegistry registry)
    {
        _registry = registry;
        return this;
    }

    public Controller<T> Build(IReconciler<T> reconciler) =>
        new(_name, _primary, reconciler, _watches, _options, _loggerFactory.CreateLogger("Airlock.Runtime.Controllers." + _name), _registry);
}
