namespace BlinkTrade.ApiKeys;

/// <summary>
/// Settings of <see cref="ApiKeysAdminClient"/>. The <see cref="ApiKeysClientOptions.Credential"/> must be a
/// platform administration key: customer keys are refused by the approval endpoints.
/// </summary>
public sealed class ApiKeysAdminClientOptions : ApiKeysClientOptions
{
}
