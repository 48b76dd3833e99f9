using FsCheck;
using FsCheck.Fluent;

namespace BlinkTrade.ApiKeys.Tests.Client;

/// <summary>Properties over generated inputs (FsCheck).</summary>
public sealed class PropertyTests
{
    [Fact]
    public void A_signature_verifies_for_its_payload_and_no_other() =>
        Prop.ForAll<NonEmptyString, string>((secret, payload) =>
        {
            payload ??= string.Empty;
            var signature = ApiKeysSignature.Compute(secret.Get, payload);
            return signature.Length == 64
                && signature == signature.ToLowerInvariant()
                && ApiKeysSignature.Verify(secret.Get, payload, signature)
                && !ApiKeysSignature.Verify(secret.Get, payload + "&", signature)
                && !ApiKeysSignature.Verify(secret.Get + "x", payload, signature);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Permission_sets_round_trip_through_their_wire_names() =>
        Prop.ForAll<byte>(bits =>
        {
            var permissions = (ApiKeyPermissions)(bits % 63 + 1);
            return ApiKeyPermissionNames.TryParse(ApiKeyPermissionNames.Format(permissions).ToUpperInvariant(), out var parsed) && parsed == permissions
                && ApiKeyPermissionNames.FromNames(ApiKeyPermissionNames.ToNames(permissions)) == permissions;
        }).QuickCheckThrowOnFailure();
}
