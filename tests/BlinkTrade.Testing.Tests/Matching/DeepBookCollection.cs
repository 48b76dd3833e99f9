namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>CPU-heavy deep-book tests, run alone after the parallel ones: on a 2-core machine they would otherwise starve the
/// gateway's timing-sensitive socket tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeepBookCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Deep book";
}
