namespace BlinkTrade.Testing.Hosting.Rest.Wire;

// Every key-shaped answer; null members are omitted, so each endpoint answers exactly its contract's fields.
internal sealed class RestKeyBody
{
    public string? ApiId { get; init; }

    public string? ApiKey { get; init; }

    public string? SecretKey { get; init; }

    public string? ApiPassword { get; init; }

    public IReadOnlyList<string>? Permissions { get; init; }

    public IReadOnlyList<string>? IpWhiteList { get; init; }

    public int? Status { get; init; }

    public string? State { get; init; }

    public string? Label { get; init; }

    public long? CreateTime { get; init; }

    public long? LastUsedTime { get; init; }

    public override string ToString() => $"RestKeyBody {{ ApiId = {ApiId}, ApiKey = {ApiKey} }}";
}
