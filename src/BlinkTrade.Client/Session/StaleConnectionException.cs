using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Session;

/// <summary>The connection stopped answering heartbeats and was dropped (it is replaced when reconnect is enabled).</summary>
public sealed class StaleConnectionException : ConnectionClosedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="missedHeartbeats">How many heartbeats went unanswered in a row.</param>
    public StaleConnectionException(int missedHeartbeats)
        : base($"The connection is stale: {missedHeartbeats} heartbeats in a row went unanswered.")
        => MissedHeartbeats = missedHeartbeats;

    /// <summary>Creates the exception.</summary>
    public StaleConnectionException() : base("The connection is stale.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public StaleConnectionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public StaleConnectionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>How many heartbeats went unanswered in a row.</summary>
    public int MissedHeartbeats { get; }
}
