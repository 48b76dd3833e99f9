using System.Text.Json.Serialization;

namespace BlinkTrade.ApiKeys.Serialization;

// Source-generated so the client stays trimming/AOT-safe (no reflection serialization).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApiKeyWire))]
[JsonSerializable(typeof(ApiKeyListWire))]
[JsonSerializable(typeof(ApiErrorWire))]
internal sealed partial class ApiKeysJsonContext : JsonSerializerContext
{
}
