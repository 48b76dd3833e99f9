using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BlinkTrade.Testing.Hosting;

/// <summary>
/// The builder every host of the reference exchange starts from: ASP.NET Core with none of the process's ambient
/// configuration. The exchange runs inside its users' processes (a test project, often an ASP.NET app's), and
/// <see cref="WebApplication.CreateSlimBuilder()"/> would read their <c>appsettings.json</c> and <c>ASPNETCORE_*</c>
/// variables: a <c>Kestrel:Endpoints</c> section meant for their app made our Kestrel bind their port as well, their
/// <c>Logging</c> section filtered our logs, and each host watched their content root for changes (a file-watch thread
/// and an inotify instance per exchange). Everything a host needs comes from <see cref="ReferenceExchangeOptions"/>.
/// </summary>
internal static class IsolatedWebApplication
{
    /// <summary>A builder with no configuration sources, no logging providers and no server; the host adds its own.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        return builder;
    }
}
