namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>How a message record maps to the entity it carries flat on the wire (see <see cref="IEntityReport{TSelf, TEntity}"/>).</summary>
/// <typeparam name="TMessage">The message record.</typeparam>
/// <typeparam name="TEntity">The entity record.</typeparam>
/// <param name="RequestIdField">The wire name of the request id, or <see langword="null"/> when the message has none.</param>
/// <param name="Entity">Reads the entity off a message.</param>
/// <param name="RequestId">Reads the request id off a message.</param>
/// <param name="Create">Builds the message from the entity and the request id that were read.</param>
internal sealed record EntityReportShape<TMessage, TEntity>(
    string? RequestIdField, Func<TMessage, TEntity> Entity, Func<TMessage, long?> RequestId, Func<TEntity, long?, TMessage> Create);
