using BenchmarkDotNet.Running;

namespace BlinkTrade.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher (pick benchmarks by filter), plus custom commands.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/>.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "replay")
        {
            return Replay.ReplayCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "md-throughput")
        {
            return Client.MdThroughputCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "order-latency")
        {
            return Client.OrderLatencyCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "login-burst")
        {
            return Client.LoginBurstCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "parse-ratio")
        {
            return Protocol.ParseRatioCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "scale")
        {
            return Client.ScaleCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "scale-server")
        {
            return Client.ScaleServerCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "scale-placer")
        {
            return Client.ScalePlacerCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] is "socket-floor" or "socket-floor-server")
        {
            return args[0] == "socket-floor" ? Client.SocketFloorCommand.Run(args[1..]) : Client.SocketFloorServerCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "gateway-throughput")
        {
            return Client.GatewayThroughputCommand.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
