namespace BlinkTrade.Testing.ApiKeys;

/// <summary>Settings of <see cref="ApiKeyStore"/>.</summary>
public sealed class ApiKeyStoreOptions
{
    /// <summary>
    /// PBKDF2-SHA256 iterations for APIPassword hashes. The default is modest because this is a test exchange
    /// that creates many keys; it is still a salted, slow hash, never the password itself.
    /// </summary>
    public int PasswordHashIterations { get; set; } = 10_000;

    /// <summary>The first <c>apiId</c> handed out; ids then increase by one and are never reused.</summary>
    public long FirstApiId { get; set; } = 1001;
}
