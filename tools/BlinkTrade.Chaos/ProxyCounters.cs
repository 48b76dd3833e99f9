namespace BlinkTrade.Chaos;

/// <summary>What the proxy did: faults injected by kind, connections refused, bytes moved. Incremented from the pumps
/// and the fault injector at once, hence the public fields for <see cref="Interlocked"/>.</summary>
internal sealed class ProxyCounters
{
#pragma warning disable CA1051 // Fields, not properties: Interlocked.Increment needs a ref.
    public long Connections;
    public long Refused;
    public long Resets;
    public long DropHoles;
    public long FreezeHoles;
    public long Delays;
    public long Fragments;
    public long RefuseWindows;
    public long BytesUp;
    public long BytesDown;
    public long FragmentWrites;
    public long HeldBytesReleased;
    public long ClientClosed;
    public long ServerClosed;
    public long CutWindows;
    public long CutResponses;
    public long SplitWindows;
    public long SplitChunks;
#pragma warning restore CA1051

    /// <summary>The faults injected, one line (read after the run, when nothing increments any more).</summary>
    public string FaultsLine() =>
        $"{Resets} rst, {DropHoles} drop holes, {FreezeHoles} freeze holes, {Delays} delay, {Fragments} frag, " +
        $"{RefuseWindows} refuse windows ({Refused} refused connects)" +
        (CutWindows + SplitWindows > 0 ? $", {CutWindows} cut windows ({CutResponses} answers cut), {SplitWindows} split windows ({SplitChunks} requests split)" : "");

    public override string ToString() =>
        $"{FaultsLine()}; {Connections} connections, bytes up {BytesUp} down {BytesDown}, {FragmentWrites} fragment writes, " +
        $"{HeldBytesReleased} held bytes released, closed by client {ClientClosed} / exchange {ServerClosed}";
}
