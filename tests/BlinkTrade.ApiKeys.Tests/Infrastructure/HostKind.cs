namespace BlinkTrade.ApiKeys.Tests.Infrastructure;

/// <summary>Which transport serves the reference exchange's REST endpoints in a test.</summary>
public enum HostKind
{
    /// <summary>In-memory ASP.NET Core TestServer.</summary>
    TestServer,

    /// <summary>Kestrel on 127.0.0.1 with an ephemeral port (real sockets).</summary>
    Kestrel,
}
