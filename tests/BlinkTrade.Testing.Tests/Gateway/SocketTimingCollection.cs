namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Socket tests whose waits assume the machine is not saturated by the rest of the suite: run alone, after the
/// parallel tests (on a 2-core machine, CPU-bound test classes running beside them can starve the thread pool).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketTimingCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Socket timing";
}
