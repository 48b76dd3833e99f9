using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client;

/// <summary>
/// The BlinkTrade client: one logical session over a WebSocket that reconnects, logs in again and resubscribes by
/// itself. Every request/response pair is a <c>Task</c>-returning method with a <see cref="CancellationToken"/>;
/// every stream is an <see cref="IObservable{T}"/>. Mock this interface to unit-test code that uses the client.
/// </summary>
public partial interface IBlinkTradeClient : IAsyncDisposable
{
    /// <summary>The current connection state.</summary>
    ConnectionState State { get; }

    /// <summary>Connection-state transitions with reasons; a new subscriber first receives the current state.</summary>
    IObservable<ConnectionStateChange> ConnectionStates { get; }

    /// <summary>Each completed recovery from a lost connection (downtime, subscriptions restored, orders reconciled,
    /// fills synthesized), published once the replacement session is logged in and reconciled, so an application
    /// knows when its view is whole again. Not published for the first connection.</summary>
    IObservable<SessionRecovery> Recoveries { get; }

    /// <summary>Problems the client recovered from: malformed frames, server ERRORs, subscriber faults, lost connections.</summary>
    IObservable<BlinkTradeClientError> Errors { get; }

    /// <summary>Heartbeat round-trip times (TestRequest → Heartbeat); a new subscriber first receives the latest one.</summary>
    IObservable<TimeSpan> Latency { get; }

    /// <summary>Every inbound message, parsed (including <see cref="UnknownMessage"/>s), across reconnects.</summary>
    IObservable<BlinkTradeMessage> Messages { get; }

    /// <summary>Opens the connection and, when credentials are configured, logs in. Completes when the session is
    /// ready; later connection losses are handled by the reconnect policy.</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes when connected (and logged in).</returns>
    /// <exception cref="Transport.ConnectionClosedException">The endpoint could not be reached.</exception>
    /// <exception cref="BlinkTradeLoginException">The credentials were refused.</exception>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Closes the connection and stops reconnecting; pending requests fail with
    /// <see cref="Transport.ConnectionClosedException"/>. Subscriptions stay registered and are restored by the next
    /// <see cref="ConnectAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the close handshake.</param>
    /// <returns>A task that completes when disconnected.</returns>
    Task DisconnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a TestRequest and returns the round-trip time.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The latency.</returns>
    Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends any message without waiting for a response (an escape hatch for messages this SDK does not wrap).</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the wait for the send.</param>
    /// <returns>A task that completes when the frame was handed to the transport.</returns>
    Task SendAsync(BlinkTradeMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends a request and waits for the response of type <paramref name="responseMsgType"/> whose
    /// correlation field (PROTOCOL.md §1.2) equals <paramref name="requestId"/>.</summary>
    /// <param name="request">The request, with <paramref name="requestId"/> in its id field.</param>
    /// <param name="requestId">The correlation value as text.</param>
    /// <param name="responseMsgType">The response's MsgType.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response.</returns>
    /// <exception cref="Requests.BlinkTradeTimeoutException">No response within the request timeout.</exception>
    /// <exception cref="Requests.BlinkTradeErrorException">The server answered with ERROR.</exception>
    /// <exception cref="Transport.ConnectionClosedException">The connection is or became closed.</exception>
    Task<BlinkTradeMessage> RequestAsync(BlinkTradeMessage request, string requestId, string responseMsgType, CancellationToken cancellationToken = default);
}
