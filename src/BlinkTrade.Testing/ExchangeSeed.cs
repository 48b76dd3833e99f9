using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>
/// The seed file of the reference exchange: brokers, instruments, users with balances and API keys, admin keys.
/// Amounts are 1e8-scaled integers, fees are basis points.
/// </summary>
public sealed record ExchangeSeed
{
    /// <summary>The brokers.</summary>
    [JsonPropertyName("brokers")]
    public IReadOnlyList<SeedBroker> Brokers { get; init => field = value ?? []; } = [];

    /// <summary>The tradable instruments.</summary>
    [JsonPropertyName("instruments")]
    public IReadOnlyList<SeedInstrument> Instruments { get; init => field = value ?? []; } = [];

    /// <summary>The users.</summary>
    [JsonPropertyName("users")]
    public IReadOnlyList<SeedUser> Users { get; init => field = value ?? []; } = [];

    /// <summary>Admin API keys of the REST host.</summary>
    [JsonPropertyName("admins")]
    public IReadOnlyList<SeedAdmin> Admins { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The PBKDF2 iterations of the seeded users' password hashes (and, on the standalone server, of the whole exchange
    /// unless its command line says otherwise); absent: the exchange's <see cref="ReferenceExchangeOptions.PasswordHashIterations"/>.
    /// Lower it only for test servers.
    /// </summary>
    [JsonPropertyName("passwordHashIterations")]
    public int? PasswordHashIterations { get; init; }

    /// <summary>Parses and checks a seed file's JSON. Every list is optional.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="ExchangeSeedException">The JSON is malformed or a field is invalid; the message names the field.</exception>
    public static ExchangeSeed Parse(string json)
    {
        ExchangeSeed? seed;
        try
        {
            seed = System.Text.Json.JsonSerializer.Deserialize(json, SeedJsonContext.Default.ExchangeSeed);
        }
        catch (System.Text.Json.JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            throw new ExchangeSeedException(field, $"not valid JSON for a seed (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})", e);
        }
        if (seed is null)
        {
            throw new ExchangeSeedException("$", "the seed is null; expected an object");
        }
        seed.Validate();
        return seed;
    }

    /// <summary>Checks every field (also done by <see cref="ReferenceExchange.StartAsync"/> for a seed built in code).</summary>
    /// <exception cref="ExchangeSeedException">A field is invalid; the message names it, e.g. <c>users[2].broker</c>.</exception>
    public void Validate() => SeedValidator.Validate(this);

    /// <summary>Reads and parses a seed file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="ExchangeSeedException">The JSON is malformed or a field is invalid; the message names the file and the field.</exception>
    public static async Task<ExchangeSeed> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
}
