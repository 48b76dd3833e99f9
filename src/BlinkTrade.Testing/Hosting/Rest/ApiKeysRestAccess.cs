namespace BlinkTrade.Testing.Hosting.Rest;

// Who may call an endpoint.
internal enum ApiKeysRestAccess
{
    // Any usable customer key (read-only calls).
    Customer,

    // A usable customer key holding All: managing keys is as powerful as everything the keys can do.
    CustomerAll,

    // A platform administration key, never a customer key.
    Admin,
}
