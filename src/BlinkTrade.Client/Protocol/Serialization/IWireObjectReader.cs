namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>A hand-written reader of one record, generic over the <see cref="IWireSource"/> it reads from.</summary>
/// <typeparam name="T">The record.</typeparam>
internal interface IWireObjectReader<out T>
{
    /// <summary>Reads the object the source is on (left after its end).</summary>
    static abstract T Read<TSource>(ref TSource source)
        where TSource : IWireSource, allows ref struct;
}
