namespace BlinkTrade.ApiKeys.Serialization;

// One DTO for every key-shaped answer (create, status, list row, revoke, regenerate, admin calls): the contract's
// answers are subsets of the same fields, and unknown extra fields are ignored.
internal sealed class ApiKeyWire
{
    public string? ApiId { get; set; }

    public string? ApiKey { get; set; }

    public string? SecretKey { get; set; }

    public string? ApiPassword { get; set; }

    public List<string>? Permissions { get; set; }

    public List<string>? IpWhiteList { get; set; }

    public int? Status { get; set; }

    public string? State { get; set; }

    public string? Label { get; set; }

    public long? CreateTime { get; set; }

    public long? LastUsedTime { get; set; }

    // Never print secrets, even in a debugger display or an accidental log.
    public override string ToString() => $"ApiKeyWire {{ ApiId = {ApiId}, ApiKey = {ApiKey} }}";
}
