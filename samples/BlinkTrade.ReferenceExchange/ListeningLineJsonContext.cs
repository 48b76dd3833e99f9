using System.Text.Json.Serialization;

namespace BlinkTrade.ReferenceExchange;

/// <summary>Source-generated serialization of <see cref="ListeningLine"/> (no reflection).</summary>
[JsonSerializable(typeof(ListeningLine))]
internal sealed partial class ListeningLineJsonContext : JsonSerializerContext;
