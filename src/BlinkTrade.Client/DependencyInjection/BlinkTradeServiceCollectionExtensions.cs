using System.Diagnostics.Metrics;
using BlinkTrade.Client.DependencyInjection;
using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for IServiceCollection extensions, so `services.AddBlinkTradeClient(...)` needs no using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the BlinkTrade client in a service collection.</summary>
public static class BlinkTradeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBlinkTradeClient"/> (and <see cref="BlinkTradeClient"/>) as a singleton configured by
    /// <paramref name="configure"/>. Unless the options set them, the client takes its <see cref="ILoggerFactory"/>,
    /// <see cref="TimeProvider"/>, <see cref="IMeterFactory"/> and <see cref="IBlinkTradeTransport"/> from the container when registered there
    /// (e.g. the reference exchange's in-memory transport in tests). The container disposes the client.
    /// The client is not connected: call <see cref="IBlinkTradeClient.ConnectAsync"/> (e.g. from a hosted service).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (endpoint, broker, credentials…).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBlinkTradeClient(this IServiceCollection services, Action<BlinkTradeClientOptions> configure)
    {
        ConfiguredOptions.Add(services, configure);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BlinkTradeClientOptions>>().Value;
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            options.Transport ??= provider.GetService<IBlinkTradeTransport>();
            options.MeterFactory ??= provider.GetService<IMeterFactory>();
            if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
            {
                options.TimeProvider = time;
            }
            return new BlinkTradeClient(options);
        });
        services.TryAddSingleton<IBlinkTradeClient>(provider => provider.GetRequiredService<BlinkTradeClient>());
        return services;
    }

    /// <summary>
    /// Adds a health check of the registered <see cref="BlinkTradeClient"/> (see <see cref="BlinkTradeClientHealthCheck"/>):
    /// healthy when logged in with a fresh heartbeat, degraded while connecting or recovering, unhealthy when down.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported when the client is down; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>"ready"</c> for a readiness probe).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddBlinkTradeClient(this IHealthChecksBuilder builder, string name = "blinktrade", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name,
            provider => new BlinkTradeClientHealthCheck(provider.GetRequiredService<BlinkTradeClient>()), failureStatus, tags));
    }
}
