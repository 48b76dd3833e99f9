using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>Source-generated JSON metadata for the seed file.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ExchangeSeed))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
