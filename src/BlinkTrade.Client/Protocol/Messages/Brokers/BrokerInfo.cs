using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A broker (exchange operator) as described by a <c>U29</c> row and by the <c>Broker</c> object of <c>BF</c>
/// (PROTOCOL.md §2.9). Nested structures whose shape is open-ended stay <see cref="JsonElement"/>.
/// </summary>
public sealed record BrokerInfo : ProtocolRecord
{
    /// <summary>Broker id (5 = testnet).</summary>
    public int? BrokerID { get; init; }

    /// <summary>Short name (username), e.g. <c>exchange</c>.</summary>
    public string? ShortName { get; init; }

    /// <summary>Business name.</summary>
    public string? BusinessName { get; init; }

    /// <summary>Street address.</summary>
    public string? Address { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>State.</summary>
    public string? State { get; init; }

    /// <summary>Zip code.</summary>
    public string? ZipCode { get; init; }

    /// <summary>Country name.</summary>
    public string? Country { get; init; }

    /// <summary>ISO-2 country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>First phone number.</summary>
    public string? PhoneNumber1 { get; init; }

    /// <summary>Second phone number.</summary>
    public string? PhoneNumber2 { get; init; }

    /// <summary>Skype handle.</summary>
    public string? Skype { get; init; }

    /// <summary>Contact email.</summary>
    public string? Email { get; init; }

    /// <summary>The broker's fiat currency code(s), e.g. <c>USD</c>.</summary>
    public string? Currencies { get; init; }

    /// <summary>Terms of service URL.</summary>
    public string? TosUrl { get; init; }

    /// <summary>Support URL.</summary>
    public string? SupportURL { get; init; }

    /// <summary>Verification form URL template (BF).</summary>
    public string? VerificationForm { get; init; }

    /// <summary>Document upload form URL template (BF).</summary>
    public string? UploadForm { get; init; }

    /// <summary>Label shown at signup.</summary>
    public string? SignupLabel { get; init; }

    /// <summary>Displayed fee table: <c>[{Operation, Fee, Terms}]</c>.</summary>
    public JsonElement? FeeStructure { get; init; }

    /// <summary>Maker fee for buys, basis points.</summary>
    public int? TransactionFeeBuy { get; init; }

    /// <summary>Maker fee for sells, basis points.</summary>
    public int? TransactionFeeSell { get; init; }

    /// <summary>Taker fee for buys, basis points (2016+; null ⇒ maker rate).</summary>
    public int? TakerTransactionFeeBuy { get; init; }

    /// <summary>Taker fee for sells, basis points (2016+; null ⇒ maker rate).</summary>
    public int? TakerTransactionFeeSell { get; init; }

    /// <summary>Status (<c>"1"</c> active).</summary>
    public string? Status { get; init; }

    /// <summary>Display ranking (lower-case <c>ranking</c> on the wire).</summary>
    [JsonPropertyName("ranking")]
    public int? Ranking { get; init; }

    /// <summary>Crypto currencies: <c>[{CurrencyCode, CurrencyDescription, Confirmations, Wallets}]</c>.</summary>
    public JsonElement? CryptoCurrencies { get; init; }

    /// <summary>Withdrawal methods per currency: <c>{"BTC":[{method, percent_fee, fixed_fee, limits, fields…}]}</c>.</summary>
    public JsonElement? WithdrawStructure { get; init; }

    /// <summary><c>[[allowed countries or "*"], [blocked countries]]</c>.</summary>
    public JsonElement? AcceptCustomersFrom { get; init; }

    /// <summary>Whether the broker is a hub for other brokers.</summary>
    public bool? IsBrokerHub { get; init; }
}
