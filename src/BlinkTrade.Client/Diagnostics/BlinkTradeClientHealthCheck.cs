using BlinkTrade.Client.Session;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlinkTrade.Client.Diagnostics;

/// <summary>
/// Reports a client's session as a health check (<c>Microsoft.Extensions.Diagnostics.HealthChecks</c>): healthy when
/// logged in with a fresh heartbeat, degraded while connecting or recovering (or logged in with a stale heartbeat),
/// unhealthy when disconnected. Register it with <c>services.AddHealthChecks().AddBlinkTradeClient()</c>.
/// </summary>
/// <remarks>
/// "Fresh" means a heartbeat answer arrived within <see cref="BlinkTradeClientOptions.HeartbeatInterval"/> +
/// <see cref="BlinkTradeClientOptions.HeartbeatTimeout"/> on the client's clock — a session whose heartbeats stopped
/// answering is degraded before the client itself gives up on it. A session too young to have had a heartbeat counts
/// as fresh. "Unhealthy" is the registration's failure status.
/// </remarks>
public sealed class BlinkTradeClientHealthCheck : IHealthCheck
{
    private readonly BlinkTradeClient _client;

    /// <summary>Creates the check for one client.</summary>
    /// <param name="client">The client to report on.</param>
    public BlinkTradeClientHealthCheck(BlinkTradeClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = _client.State;
        var heartbeatAge = _client.HeartbeatAge;
        var data = new Dictionary<string, object>
        {
            ["state"] = state.ToString(),
        };
        if (heartbeatAge is { } age)
        {
            data["heartbeat_age_seconds"] = age.TotalSeconds;
        }
        var options = _client.Options;
        var result = state switch
        {
            ConnectionState.LoggedIn when heartbeatAge is null || heartbeatAge <= options.HeartbeatInterval + options.HeartbeatTimeout
                => HealthCheckResult.Healthy("Logged in; heartbeats answered.", data),
            ConnectionState.LoggedIn => HealthCheckResult.Degraded($"Logged in, but no heartbeat answer for {heartbeatAge!.Value.TotalSeconds:0.#} s.", data: data),
            ConnectionState.Connected => options.Credentials is null
                ? HealthCheckResult.Healthy("Connected (anonymous session).", data)
                : HealthCheckResult.Degraded("Connected, not logged in yet.", data: data),
            ConnectionState.Connecting => HealthCheckResult.Degraded("Connecting.", data: data),
            ConnectionState.Reconnecting => HealthCheckResult.Degraded("Connection lost; recovering.", data: data),
            _ => new HealthCheckResult(context.Registration.FailureStatus, "Disconnected.", data: data),
        };
        return Task.FromResult(result);
    }
}
