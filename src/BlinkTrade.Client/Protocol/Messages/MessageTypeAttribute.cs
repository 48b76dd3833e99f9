namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Names a message record's wire type (a <see cref="MessageTypes"/> constant): the source generator
/// (<c>src/BlinkTrade.Client.Generators</c>) writes the record's <see cref="BlinkTradeMessage.MsgType"/> from it.
/// </summary>
/// <param name="msgType">The wire message type.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class MessageTypeAttribute(string msgType) : Attribute
{
    /// <summary>The wire message type.</summary>
    public string MsgType { get; } = msgType;
}
