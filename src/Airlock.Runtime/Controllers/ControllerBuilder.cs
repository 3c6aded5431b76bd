using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Airlock.Runtime.Controllers;

/// <summary>Builds a controller from shared informers: <c>For&lt;T&gt;()</c>, then <c>Owns&lt;TChild&gt;()</c> and <c>Watches</c>.</summary>
public sealed class ControllerBuilder
{
    private readonly SharedInformerFactory _informers;

    private ControllerBuilder(string name, SharedInformerFactory informers)
    {
        Name = name;
        _informers = informers;
    }

    public string Name { get; }

    public static ControllerBuilder Create(string name, SharedInformerFactory informers) => new(name, informers);

    /// <summary>The primary type: changes to it enqueue its own key.</summary>
    public ControllerBuilder<T> For<T>(InformerScope? scope = null, ResourceType? resourceType = null)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new(Name, _informers, _informers.GetInformer<T>(scope), resourceType ?? ResourceType.Of<T>());
}
