namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Tests that change process-wide state (the current directory, environment variables): run alone, after the
/// parallel tests, so no other test sees the change.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process-wide state";
}
