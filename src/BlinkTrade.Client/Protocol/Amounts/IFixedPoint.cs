namespace BlinkTrade.Client.Protocol;

/// <summary>A 1e8-scaled wire value type (<see cref="Price"/>, <see cref="Quantity"/>, <see cref="Amount"/>).</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IFixedPoint<TSelf> where TSelf : struct, IFixedPoint<TSelf>
{
    /// <summary>The 1e8-scaled wire integer.</summary>
    long Satoshis { get; }

    /// <summary>Wraps a wire integer.</summary>
    /// <param name="satoshis">The 1e8-scaled value.</param>
    /// <returns>The typed value.</returns>
    static abstract TSelf FromSatoshis(long satoshis);
}
