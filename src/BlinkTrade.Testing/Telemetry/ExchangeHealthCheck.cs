using BlinkTrade.Testing.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlinkTrade.Testing.Telemetry;

/// <summary>
/// The standalone server's probes: <c>/healthz</c> (live: the exchange actor answers a no-op within
/// <see cref="ActorDeadline"/>, so a wedged engine fails the probe) and <c>/readyz</c> (ready: accepting sessions, not
/// shutting down).
/// </summary>
internal sealed class ExchangeHealthCheck(ExchangeRuntime runtime, bool readiness) : IHealthCheck
{
    /// <summary>How long the actor may take to run a no-op before the exchange counts as wedged.</summary>
    public static readonly TimeSpan ActorDeadline = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["sessions"] = runtime.Registry.Count, ["queued_bytes"] = runtime.QueuedBytes };
        if (readiness)
        {
            return runtime.IsShuttingDown
                ? new HealthCheckResult(context.Registration.FailureStatus, "Shutting down.", data: data)
                : HealthCheckResult.Healthy("Accepting sessions.", data);
        }
        try
        {
            // Real time on purpose: the probe is about the process, and a test's fake clock must not stall it.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(ActorDeadline);
            await runtime.Actor.InvokeAsync(_ => { }, deadline.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The exchange actor answers.", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The exchange actor did not answer within {ActorDeadline.TotalSeconds:0} s.", data: data);
        }
        catch (ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The exchange is disposed.", data: data);
        }
    }
}
