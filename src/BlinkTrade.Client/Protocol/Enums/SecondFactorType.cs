using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Which second factor a login needs.</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<SecondFactorType>))]
public readonly partial record struct SecondFactorType : IWireEnum<SecondFactorType>
{
    /// <summary>Time-based one-time password (wire <c>"OTP"</c>).</summary>
    public static SecondFactorType Otp { get; } = new("OTP");

    /// <summary>Emailed token (wire <c>"EMAIL"</c>).</summary>
    public static SecondFactorType Email { get; } = new("EMAIL");

    /// <summary>Both (wire <c>"OTP+EMAIL"</c>).</summary>
    public static SecondFactorType OtpAndEmail { get; } = new("OTP+EMAIL");
}
