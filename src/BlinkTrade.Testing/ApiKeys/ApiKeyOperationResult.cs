namespace BlinkTrade.Testing.ApiKeys;

/// <summary>The outcome of a store operation, with the key as it is afterwards.</summary>
public sealed class ApiKeyOperationResult
{
    internal ApiKeyOperationResult(ApiKeyOperationStatus status, ApiKeyEntry? entry, IssuedApiKey? issued = null)
    {
        Status = status;
        Entry = entry;
        Issued = issued;
    }

    /// <summary>What happened.</summary>
    public ApiKeyOperationStatus Status { get; }

    /// <summary>The key after the operation (null when <see cref="ApiKeyOperationStatus.NotFound"/>).</summary>
    public ApiKeyEntry? Entry { get; }

    /// <summary>New credentials, for a secret regeneration.</summary>
    public IssuedApiKey? Issued { get; }

    /// <summary>Whether it succeeded.</summary>
    public bool Succeeded => Status == ApiKeyOperationStatus.Ok;

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyOperationResult {{ Status = {Status}, Entry = {Entry} }}";
}
