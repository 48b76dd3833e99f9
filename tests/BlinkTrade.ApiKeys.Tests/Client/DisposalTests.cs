using BlinkTrade.ApiKeys.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys.Tests.Client;

/// <summary>A client disposes the handler chain it built and nothing it was given.</summary>
public sealed class DisposalTests
{
    [Fact]
    public async Task Disposing_a_client_leaves_the_callers_transport_working()
    {
        await using var exchange = await TestExchange.StartAsync();
        var transport = new DisposeTrackingHandler(exchange.CreateTransport());
        var first = exchange.CreateClient(transport: transport);
        Assert.True((await first.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId))).Value.IsUsable);

        first.Dispose();
        first.Dispose();

        Assert.False(transport.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId)));
        using var second = exchange.CreateClient(transport: transport);
        Assert.True((await second.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId))).Value.IsUsable);
    }

    [Fact]
    public async Task Disposing_a_client_releases_the_http_client_it_built()
    {
        await using var exchange = await TestExchange.StartAsync(HostKind.Kestrel);
        var client = new OwnChainProbe(exchange.ClientOptions(new ApiKeysCredential(exchange.User.Entry.ApiKey, exchange.User.SecretKey)));
        Assert.True((await client.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId))).Value.IsUsable);

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.HttpClient.GetAsync(new Uri("status", UriKind.Relative)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId)));
    }

    [Fact]
    public async Task Disposing_an_admin_client_leaves_the_callers_http_client_working()
    {
        await using var exchange = await TestExchange.StartAsync();
        using var http = new HttpClient(exchange.CreateTransport(), disposeHandler: false) { BaseAddress = exchange.BaseAddress };
        var options = Options.Create(new ApiKeysAdminClientOptions
        {
            Endpoint = exchange.BaseAddress,
            Credential = new ApiKeysCredential(exchange.Admin.Entry.ApiKey, exchange.Admin.SecretKey),
        });
        var admin = new ApiKeysAdminClient(http, options, NullLogger<ApiKeysAdminClient>.Instance);

        admin.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => admin.DisableAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId)));
        using var response = await http.GetAsync(new Uri("api/v1/apikey/status", UriKind.Relative));
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_container_disposes_its_clients_and_keeps_the_factory_handlers()
    {
        await using var exchange = await TestExchange.StartAsync();
        var services = new ServiceCollection();
        services.AddBlinkTradeApiKeys(o =>
        {
            o.Endpoint = exchange.BaseAddress;
            o.Credential = new ApiKeysCredential(exchange.User.Entry.ApiKey, exchange.User.SecretKey);
        }).ConfigurePrimaryHttpMessageHandler(() => exchange.CreateTransport());
        await using var provider = services.BuildServiceProvider();

        ApiKeysClient scoped;
        using (var scope = provider.CreateScope())
        {
            scoped = scope.ServiceProvider.GetRequiredService<ApiKeysClient>();
            Assert.True((await scoped.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId))).Value.IsUsable);
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => scoped.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId)));
        var next = provider.GetRequiredService<ApiKeysClient>();
        Assert.True((await next.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId))).Value.IsUsable);
    }

    // Reaches the HttpClient the client built for itself (a private protected member, visible to this friend assembly's subclass).
    private sealed class OwnChainProbe(ApiKeysClientOptions options) : ApiKeysClient(options)
    {
        public HttpClient HttpClient => Http!;
    }
}
