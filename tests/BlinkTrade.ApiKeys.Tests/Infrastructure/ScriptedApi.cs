using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BlinkTrade.ApiKeys.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net server on a loopback port that answers the contract's paths with whatever a test scripts (a status,
/// headers, a body, a delay), for answers the reference exchange does not give on demand. It checks no signature.
/// </summary>
internal sealed class ScriptedApi : IDisposable
{
    public const string StatusPath = "/api/v1/apikey/status";
    public const string CreatePath = "/api/v1/apikey/create";
    public const string RevokePath = "/api/v1/apikey/revoke";

    /// <summary>A status answer as the contract gives it.</summary>
    public const string StatusJson = """{"apiId":"7","apiKey":"key-7","status":0,"state":"ACTIVE","permissions":["All"]}""";

    /// <summary>A create answer as the contract gives it.</summary>
    public const string CreatedJson =
        """{"apiId":"8","apiKey":"key-8","secretKey":"secret-8","permissions":["Account"],"status":1,"state":"PENDING_APPROVAL","label":"bot","createTime":1767225600000}""";

    private ScriptedApi(WireMockServer server)
    {
        Server = server;
    }

    public WireMockServer Server { get; }

    /// <summary>The client's clock: delays and timeouts only elapse when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static ScriptedApi Start() => new(WireMockServer.Start());

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="response"/>.</summary>
    public void Always(string path, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath(path)).RespondWith(response);

    /// <summary>Answers the first request to <paramref name="path"/> with <paramref name="first"/> and every later one with <paramref name="then"/>.</summary>
    public void FirstThen(string path, IResponseBuilder first, IResponseBuilder then)
    {
        var scenario = "first-then " + path;
        Server.Given(Request.Create().WithPath(path)).InScenario(scenario).WillSetStateTo("answered").RespondWith(first);
        Server.Given(Request.Create().WithPath(path)).InScenario(scenario).WhenStateIs("answered").RespondWith(then);
    }

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static IResponseBuilder Error(int status, int code, string msg, string? retryAfter = null)
    {
        var response = Json(status, $$"""{"code":{{code}},"msg":"{{msg}}"}""");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    }

    /// <summary>The requests the server received on <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<ILogEntry> Requests(string path) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == path).OrderBy(e => e.RequestMessage.DateTime).ToArray();

    public ApiKeysClient CreateClient(Action<ApiKeysClientOptions>? configure = null)
    {
        var options = new ApiKeysClientOptions
        {
            Endpoint = new Uri(Server.Url!),
            Credential = new ApiKeysCredential("key-7", "scripted-secret-scripted-secret-scripted-secret-scripted-secret"),
            TimeProvider = Clock,
            RetryDelay = TimeSpan.FromSeconds(1),
            AttemptTimeout = Timeout.InfiniteTimeSpan,
        };
        configure?.Invoke(options);
        return new ApiKeysClient(options);
    }

    /// <summary>
    /// Moves the client's clock forward in <paramref name="step"/>s until <paramref name="call"/> completes (a retry
    /// delay can only end when the clock passes it), with a real-time safety net.
    /// </summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!call.IsCompleted && DateTime.UtcNow < deadline)
        {
            Clock.Advance(step);
            await Task.Delay(5);
        }
        return await call.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public void Dispose() => Server.Stop();
}
