using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>The operation of a BE UserRequest (UserReqTyp).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<UserRequestType>))]
public readonly partial record struct UserRequestType : IWireEnum<UserRequestType>
{
    /// <summary>Log in (wire <c>"1"</c>).</summary>
    public static UserRequestType Login { get; } = new("1");

    /// <summary>Log out (wire <c>"2"</c>).</summary>
    public static UserRequestType Logout { get; } = new("2");

    /// <summary>Change password (wire <c>"3"</c>).</summary>
    public static UserRequestType ChangePassword { get; } = new("3");
}
