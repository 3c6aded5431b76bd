using System.Net;
using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Egress.Identity;

/// <summary>Who is behind an address, from cached pods and tasks (never an API call per connection).</summary>
public interface ICallerDirectory
{
    /// <summary>The Running task whose Running sandbox pod has <paramref name="source"/> as its IP; null for anyone else.</summary>
    CallerIdentity? FindBySource(IPAddress source);

    AgentTask? FindTask(string @namespace, string name);

    /// <summary>The Running sandbox pod of <paramref name="task"/>, when it has one with an IP.</summary>
    V1Pod? RunningPodOf(AgentTask task);
}
