using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Reads and writes a message that carries one entity's fields at its top level (<c>U19</c>/<c>U23</c> a deposit,
/// <c>U7</c>/<c>U9</c>/<c>U25</c>/<c>U27</c> a withdrawal) into a record holding the entity, so the entity's fields are
/// declared once (the <see cref="Deposit"/> row type) instead of again on every message.
/// </summary>
/// <remarks>
/// Read: the whole object is read as the entity; <c>MsgType</c> (already dispatched on) and the request id land in the
/// entity's extension data and are taken out of it. Write: <c>MsgType</c>, the request id, then the entity's members —
/// the order the flat records wrote.
/// </remarks>
/// <typeparam name="TMessage">The message record.</typeparam>
/// <typeparam name="TEntity">The entity record.</typeparam>
internal sealed class EntityReportConverter<TMessage, TEntity> : JsonConverter<TMessage>
    where TMessage : BlinkTradeMessage, IEntityReport<TMessage, TEntity>
    where TEntity : ProtocolRecord
{
    private const string MsgTypeField = "MsgType";

    /// <inheritdoc />
    public override TMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, got {reader.TokenType}.");
        }
        var entity = JsonSerializer.Deserialize(ref reader, EntityTypeInfo(options))
            ?? throw new JsonException("Expected an object, got null.");
        long? requestId = null;
        if (entity.ExtensionData is { } extension)
        {
            extension.Remove(MsgTypeField);
            if (TMessage.Shape.RequestIdField is { } field && extension.Remove(field, out var value))
            {
                requestId = ReadRequestId(value, field);
            }
            if (extension.Count == 0)
            {
                entity.ExtensionData = null;
            }
        }
        return TMessage.Shape.Create(entity, requestId);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TMessage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(MsgTypeField, value.MsgType);
        if (TMessage.Shape.RequestIdField is { } field && TMessage.Shape.RequestId(value) is { } id)
        {
            writer.WriteNumber(field, id);
        }
        var entity = TMessage.Shape.Entity(value);
        if (Members is { } members && entity is not null && !RecordColumns<TEntity>.HasExtensionData(entity))
        {
            // The entity's own members never include the envelope's names: written straight, no document.
            members.WriteMembers(writer, entity);
        }
        else
        {
            using var document = JsonSerializer.SerializeToDocument(entity!, EntityTypeInfo(options));
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!IsEnvelope(member.Name))
                {
                    member.WriteTo(writer);
                }
            }
        }
        // Unknown fields set on the message itself (a read puts them on the entity) go after the entity's.
        if (value.ExtensionData is { } extension)
        {
            foreach (var (name, element) in extension)
            {
                if (!IsEnvelope(name))
                {
                    writer.WritePropertyName(name);
                    element.WriteTo(writer);
                }
            }
        }
        writer.WriteEndObject();
    }

    // The entity's typed member writers (the gateway answers U19/U23/U7/U9/U25/U27 from records): the serializer's
    // output without the serializer's object machinery and the document the general path needs to drop envelope names.
    private static readonly RecordColumns<TEntity>? Members = RecordColumnTables.Find<TEntity>();

    // MsgType and the request id are the message's own; an entity's or extension's copy is never written twice.
    private static bool IsEnvelope(string name) => name == MsgTypeField || name == TMessage.Shape.RequestIdField;

    // The entity's metadata from the same (source-generated) context as the message: no reflection.
    private static JsonTypeInfo<TEntity> EntityTypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<TEntity>)options.GetTypeInfo(typeof(TEntity));

    // The id as the flat record read it: a number or a numeric string (the global tolerant Int64 reading), or null.
    private static long? ReadRequestId(JsonElement value, string field)
    {
        try
        {
            return value.Deserialize(ProtocolJsonContext.Default.NullableInt64);
        }
        catch (JsonException e)
        {
            throw new JsonException($"The JSON value could not be converted to the request id '{field}'.", "$." + field, null, null, e);
        }
    }
}
