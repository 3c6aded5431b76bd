using Microsoft.Extensions.Logging;

namespace Airlock.ControlPlane.Storage.Controllers;

/// <summary>Runs the store controllers after every change (and once a second as a safety net) until cancelled.</summary>
public sealed partial class ControllerLoop(ObjectStore store, IReadOnlyList<IStoreController> controllers, ILogger logger)
{
    private readonly ObjectStore _store = store;
    private readonly IReadOnlyList<IStoreController> _controllers = controllers;
    private readonly ILogger _logger = logger;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = _store.WaitForChangeAsync(cancellationToken);
            foreach (var controller in _controllers)
            {
                try
                {
                    controller.Run();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogControllerFailed(_logger, controller.GetType().Name, e);
                }
            }
            try
            {
                await changed.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TimeoutException)
            {
                // Periodic pass.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "store controller {Controller} failed")]
    private static partial void LogControllerFailed(ILogger logger, string controller, Exception exception);
}
