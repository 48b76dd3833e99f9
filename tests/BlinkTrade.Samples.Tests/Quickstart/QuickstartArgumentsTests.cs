using BlinkTrade.Samples.Tests.Support;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>
/// The quickstart as a process, refusing what it cannot do: bad arguments and an unreachable server end with a
/// readable message and a non-zero exit code, without a stack trace. (A separate class from
/// <see cref="QuickstartProcessTests"/> so xunit runs both in parallel.)
/// </summary>
public sealed class QuickstartArgumentsTests
{
    [Theory]
    [InlineData("--duration=-1", "--duration")]
    [InlineData("--duration=0", "--duration")]
    [InlineData("--duration=soon", "soon")]
    [InlineData("--url=ws://127.0.0.1:9/trade/", "--user")]
    [InlineData("--url=http://127.0.0.1:9/trade/", "ws://")]
    [InlineData("--user=alice", "--url")]
    [InlineData("--no-such-option", "--no-such-option")]
    public async Task Invalid_arguments_exit_with_a_non_zero_code_and_say_what_is_wrong(string argument, string mentioned)
    {
        var run = await QuickstartProcess.RunAsync(TimeSpan.FromSeconds(15), argument);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(mentioned, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Starting the embedded", run.Output, StringComparison.Ordinal); // refused before doing anything
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_without_a_stack_trace_or_the_password()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        var run = await QuickstartProcess.RunAsync(TimeSpan.FromSeconds(20),
            "--url", "ws://127.0.0.1:9/trade/", "--user", "alice", "--password", "hunter2-secret", "--duration", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Could not connect", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
