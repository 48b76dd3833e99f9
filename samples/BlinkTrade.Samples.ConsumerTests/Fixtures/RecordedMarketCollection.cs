namespace BlinkTrade.Samples.ConsumerTests.Fixtures;

/// <summary>The test classes that share one <see cref="RecordedMarketFixture"/> (xunit runs them one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RecordedMarketCollection : ICollectionFixture<RecordedMarketFixture>
{
    /// <summary>The collection's name, for <c>[Collection(RecordedMarketCollection.Name)]</c>.</summary>
    public const string Name = "recorded market";
}
