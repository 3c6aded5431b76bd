using System.Net;
using Airlock.Api.Tasks;
using Airlock.Bench.Operator;
using k8s;
using k8s.Autorest;

namespace Airlock.Bench.Chaos;

/// <summary>Creates tasks the way a GitOps tool would under a failing API server: retry 5xx, 429 and conflicts; AlreadyExists means done.</summary>
public sealed class RetryingCreator(IKubernetes client)
{
    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public async Task CreateAsync(AgentTask task, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await BenchTasks.CreateAsync(client, task, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && e.Response.Content?.Contains("AlreadyExists", StringComparison.Ordinal) == true)
            {
                return;
            }
            catch (HttpOperationException e) when (attempt < 20 && e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
