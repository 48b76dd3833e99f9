using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>
/// The exchange runs inside its users' processes, so it must not read their configuration: an <c>appsettings.json</c> in
/// the current directory (an ASP.NET app's test project has one) or <c>ASPNETCORE_URLS</c> meant for their app.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AmbientConfigurationTests
{
    [Fact]
    public async Task The_users_appsettings_and_ASPNETCORE_URLS_do_not_reach_the_exchanges_web_host()
    {
        var configuredPort = FreePort();
        var urlsPort = FreePort();
        var directory = Directory.CreateTempSubdirectory("blinktrade-ambient-");
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "appsettings.json"),
            "{\"Kestrel\":{\"Endpoints\":{\"UsersApp\":{\"Url\":\"http://127.0.0.1:" + configuredPort + "\"}}},\"Logging\":{\"LogLevel\":{\"Default\":\"None\"}}}");
        var previousDirectory = Environment.CurrentDirectory;
        var previousUrls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        try
        {
            Environment.CurrentDirectory = directory.FullName;
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", $"http://127.0.0.1:{urlsPort}");
            await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { EnableWebSocketServer = true });

            Assert.False(await IsListeningAsync(configuredPort), "the exchange bound the Kestrel endpoint of the user's appsettings.json");
            Assert.False(await IsListeningAsync(urlsPort), "the exchange bound the user's ASPNETCORE_URLS");

            // The exchange itself still serves its own port.
            // A safety net only: each step ends on its own event (connected, sent, the reply received).
            using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(exchange.WebSocketUri!, safetyNet.Token);
            var ping = Encoding.UTF8.GetBytes("""{"MsgType":"1","TestReqID":"ambient"}""");
            await socket.SendAsync(ping, WebSocketMessageType.Text, endOfMessage: true, safetyNet.Token);
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer, safetyNet.Token);
            Assert.Contains("\"ambient\"", Encoding.UTF8.GetString(buffer, 0, received.Count), StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", previousUrls);
            directory.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
