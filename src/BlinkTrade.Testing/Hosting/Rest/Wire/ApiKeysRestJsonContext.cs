using System.Text.Json.Serialization;

namespace BlinkTrade.Testing.Hosting.Rest.Wire;

// Source-generated serialization of the REST answers (no reflection).
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RestErrorBody))]
[JsonSerializable(typeof(RestKeyBody))]
[JsonSerializable(typeof(RestListBody))]
internal sealed partial class ApiKeysRestJsonContext : JsonSerializerContext
{
}
