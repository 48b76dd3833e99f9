namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// A message that carries one entity (a deposit, a withdrawal) at its top level next to an optional request id:
/// on the wire <c>{"MsgType":…,"DepositReqID":…,&lt;the deposit's fields&gt;}</c>, in the record an entity property.
/// <see cref="EntityReportConverter{TMessage, TEntity}"/> flattens and unflattens it as <see cref="Shape"/> says.
/// </summary>
/// <typeparam name="TSelf">The message record.</typeparam>
/// <typeparam name="TEntity">The entity record (also the row type of the entity's list response).</typeparam>
internal interface IEntityReport<TSelf, TEntity>
    where TSelf : BlinkTradeMessage
    where TEntity : ProtocolRecord
{
    /// <summary>How the message maps to its entity and request id.</summary>
    static abstract EntityReportShape<TSelf, TEntity> Shape { get; }
}
