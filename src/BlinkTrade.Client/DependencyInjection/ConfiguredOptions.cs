using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace BlinkTrade.Client.DependencyInjection;

/// <summary>The first step of every <c>AddBlinkTrade…</c> registration in the packages (the client's, the API-key and REST clients').</summary>
internal static class ConfiguredOptions
{
    /// <summary>Checks both arguments and binds the options to <paramref name="configure"/> (run when the options are first read).</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>().Configure(configure);
    }
}
