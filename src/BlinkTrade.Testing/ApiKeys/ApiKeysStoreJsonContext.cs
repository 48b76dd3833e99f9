using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlinkTrade.Testing.ApiKeys;

// Source-generated metadata for the PermissionList documents the store builds (no reflection serialization).
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ApiKeysStoreJsonContext : JsonSerializerContext
{
}
