using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U38</c> UpdateProfile: changes profile fields (PROTOCOL.md §2.6). Answered by <see cref="UpdateProfileResponse"/>
/// (and a <see cref="ProfileRefresh"/> publication to the user).</summary>
[MessageType(MessageTypes.UpdateProfileRequest)]
public sealed partial record UpdateProfileRequest : BlinkTradeMessage
{
    /// <summary>Correlation id.</summary>
    public long UpdateReqID { get; init; }

    /// <summary>Field name → new value, e.g. <c>{"TwoFactorEnabled":false,"EmailLang":"en"}</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>The customer a broker edits (omit to edit yourself).</summary>
    public long? UserID { get; init; }
}
