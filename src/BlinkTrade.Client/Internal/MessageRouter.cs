using System.Collections.Frozen;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Internal;

/// <summary>
/// The one routing table of the client: each feature registers the inbound message types it handles (an execution
/// report goes to trading, a balance to the account, W/X/Y/f to market data), and the receive loop hands every
/// message of the current connection to its one handler — instead of offering it to every feature in turn.
/// </summary>
/// <remarks>
/// Routed by the message's exact runtime type: only sealed message records can be registered, so a lookup by
/// <see cref="object.GetType"/> finds every instance. A type has at most one handler (its owner). Registration ends
/// with <see cref="Freeze"/>, before the first connection; routing then reads a frozen table without locks.
/// </remarks>
internal sealed class MessageRouter
{
    private readonly Dictionary<Type, Action<BlinkTradeMessage>> _building = [];
    private FrozenDictionary<Type, Action<BlinkTradeMessage>>? _routes;

    /// <summary>Registers the handler of <typeparamref name="TMessage"/>.</summary>
    /// <exception cref="InvalidOperationException">The type already has a handler, the table is frozen, or the type
    /// is not sealed.</exception>
    public void On<TMessage>(Action<TMessage> handler)
        where TMessage : BlinkTradeMessage
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_routes is not null)
        {
            throw new InvalidOperationException("The routing table is frozen.");
        }
        if (!typeof(TMessage).IsSealed)
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name} is not sealed: messages are routed by their exact type.");
        }
        if (!_building.TryAdd(typeof(TMessage), message => handler((TMessage)message)))
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name} already has a handler.");
        }
    }

    /// <summary>Ends registration.</summary>
    public void Freeze() => _routes ??= _building.ToFrozenDictionary();

    /// <summary>The message types that have a handler.</summary>
    public IReadOnlyCollection<Type> Routes => (_routes ?? throw new InvalidOperationException("Not frozen yet.")).Keys;

    /// <summary>Hands <paramref name="message"/> to its handler.</summary>
    /// <returns>Whether a handler took it.</returns>
    public bool Route(BlinkTradeMessage message)
    {
        var routes = _routes ?? throw new InvalidOperationException("The routing table is not frozen yet.");
        if (!routes.TryGetValue(message.GetType(), out var handler))
        {
            return false;
        }
        handler(message);
        return true;
    }
}
