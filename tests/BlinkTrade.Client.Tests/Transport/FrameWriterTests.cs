using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Transport;

/// <summary>The one frame writer of the client session and the exchange session: idle → the caller's thread, busy →
/// the queue, in order.</summary>
public sealed class FrameWriterTests
{
    [Fact]
    public void An_idle_writer_sends_on_the_callers_thread()
    {
        var connection = new GatedConnection();
        var owner = new Owner();
        var writer = new FrameWriter<string>(connection, owner, capacity: null);
        var thread = Environment.CurrentManagedThreadId;

        Assert.True(writer.TrySendDirect("a", CancellationToken.None));

        Assert.Equal(["a"], connection.Sent);
        Assert.Equal(thread, connection.SentOnThread.Single());
        Assert.Equal(["a"], owner.SentItems);
        Assert.Equal(0, writer.Count);
    }

    [Fact]
    public async Task A_busy_writer_queues_and_drains_in_order_after_the_send_in_flight()
    {
        var connection = new GatedConnection();
        var owner = new Owner();
        var writer = new FrameWriter<string>(connection, owner, capacity: null);
        var inFlight = connection.HoldNextSend();

        Assert.True(writer.TrySendDirect("a", CancellationToken.None)); // started; completes in the background
        Assert.False(writer.TrySendDirect("b", CancellationToken.None)); // the slot is taken: it must queue
        Assert.True(writer.TryEnqueue("b"));
        Assert.True(writer.TryEnqueue("c"));
        Assert.False(writer.TrySendDirect("d", CancellationToken.None)); // items are queued: never overtaken
        Assert.True(writer.TryEnqueue("d"));
        Assert.Equal(3, writer.Count);

        var draining = writer.DrainAsync(CancellationToken.None);
        inFlight.SetResult();
        await owner.WaitForSentAsync(4);
        writer.Complete();
        await draining.WaitAsync(TestDefaults.Timeout);

        Assert.Equal(["a", "b", "c", "d"], connection.Sent);
        Assert.Equal(["b", "c", "d"], owner.Dequeued);
        Assert.Equal(0, writer.Count);
        // Idle again: the next frame goes out directly.
        Assert.True(writer.TrySendDirect("e", CancellationToken.None));
        Assert.Equal("e", connection.Sent[^1]);
    }

    [Fact]
    public async Task Items_queued_without_waking_the_writer_are_sent_by_SendQueued_on_the_callers_thread_in_order()
    {
        var connection = new GatedConnection();
        var owner = new Owner();
        var writer = new FrameWriter<string>(connection, owner, capacity: null);
        var draining = writer.DrainAsync(CancellationToken.None); // the writer loop is running, and not woken below

        Assert.True(writer.TryEnqueue("a", wakeWriter: false));
        Assert.False(writer.TrySendDirect("b", CancellationToken.None)); // never overtakes the unsent "a"
        Assert.True(writer.TryEnqueue("b", wakeWriter: false));
        Assert.Equal(2, writer.Count);
        var thread = Environment.CurrentManagedThreadId;
        writer.SendQueued(CancellationToken.None);

        Assert.Equal(["a", "b"], connection.Sent);
        Assert.Equal([thread, thread], connection.SentOnThread);
        Assert.Equal(["a", "b"], owner.SentItems);
        Assert.Equal(0, writer.Count);
        writer.Complete();
        await draining.WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public async Task SendQueued_leaves_the_queue_to_the_writer_when_a_send_is_in_flight_or_has_to_wait()
    {
        var connection = new GatedConnection();
        var owner = new Owner();
        var writer = new FrameWriter<string>(connection, owner, capacity: null);
        var draining = writer.DrainAsync(CancellationToken.None);
        var inFlight = connection.HoldNextSend();
        Assert.True(writer.TrySendDirect("a", CancellationToken.None)); // holds the slot until released

        Assert.True(writer.TryEnqueue("b", wakeWriter: false));
        writer.SendQueued(CancellationToken.None); // the slot is taken: the writer is woken instead
        Assert.Equal(["a"], connection.Sent);
        inFlight.SetResult();
        await owner.WaitForSentAsync(2);
        Assert.Equal(["a", "b"], connection.Sent);

        // A send that does not finish at once: SendQueued returns, and what it left is the writer's.
        var held = connection.HoldNextSend();
        Assert.True(writer.TryEnqueue("c", wakeWriter: false));
        Assert.True(writer.TryEnqueue("d", wakeWriter: false));
        writer.SendQueued(CancellationToken.None);
        Assert.Equal(["a", "b", "c"], connection.Sent);
        held.SetResult();
        await owner.WaitForSentAsync(2);
        Assert.Equal(["a", "b", "c", "d"], connection.Sent);
        writer.Complete();
        await draining.WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public void A_bounded_queue_refuses_an_item_beyond_its_capacity()
    {
        var writer = new FrameWriter<string>(new GatedConnection(), new Owner(), capacity: 2);
        Assert.True(writer.TryEnqueue("a"));
        Assert.True(writer.TryEnqueue("b"));
        Assert.False(writer.TryEnqueue("c"));
        Assert.Equal(2, writer.Count);
        Assert.True(writer.TryTakeQueued(out var first));
        Assert.Equal("a", first);
        Assert.Equal(1, writer.Count);
    }

    [Fact]
    public void The_owner_can_refuse_direct_sends_and_hears_of_a_failed_one()
    {
        var connection = new GatedConnection();
        var owner = new Owner { AllowDirect = false };
        var writer = new FrameWriter<string>(connection, owner, capacity: null);
        Assert.False(writer.TrySendDirect("a", CancellationToken.None));
        Assert.Empty(connection.Sent);

        owner.AllowDirect = true;
        connection.FailNextSend = new ConnectionClosedException("gone");
        Assert.True(writer.TrySendDirect("b", CancellationToken.None));
        var (item, error) = Assert.Single(owner.Failed);
        Assert.Equal("b", item);
        Assert.IsType<ConnectionClosedException>(error);
        // The slot was released: the writer is usable (the owner decides whether the session ends).
        Assert.True(writer.TrySendDirect("c", CancellationToken.None));
        Assert.Equal(["c"], connection.Sent);
    }

    [Fact]
    public async Task Stopping_sends_waits_for_the_send_in_flight_and_keeps_the_slot()
    {
        var connection = new GatedConnection();
        var writer = new FrameWriter<string>(connection, new Owner(), capacity: null);
        var inFlight = connection.HoldNextSend();
        Assert.True(writer.TrySendDirect("a", CancellationToken.None));

        var stopping = writer.StopSendingAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        inFlight.SetResult();
        await stopping.WaitAsync(TestDefaults.Timeout);

        Assert.False(writer.TrySendDirect("b", CancellationToken.None));
        Assert.Equal(["a"], connection.Sent);
    }

    private sealed class Owner : IFrameWriterOwner<string>
    {
        private readonly SemaphoreSlim _sent = new(0);

        public bool AllowDirect { get; set; } = true;

        public ConcurrentQueue<string> SentQueue { get; } = new();

        public List<string> SentItems => [.. SentQueue];

        public List<string> Dequeued { get; } = [];

        public List<(string Item, Exception Error)> Failed { get; } = [];

        public bool CanSendDirect => AllowDirect;

        public ReadOnlyMemory<byte> FrameOf(string item) => Encoding.UTF8.GetBytes(item);

        public void OnDequeued(string item) => Dequeued.Add(item);

        public ValueTask BeforeSendAsync(string item, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void OnSent(string item)
        {
            SentQueue.Enqueue(item);
            _sent.Release();
        }

        public void OnSendFailed(string item, Exception error) => Failed.Add((item, error));

        public async Task WaitForSentAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _sent.WaitAsync(TestDefaults.Timeout), $"only {i} of {count} frames were sent");
            }
        }
    }

    // A connection whose next send can be held open (a send in flight) or made to fail.
    private sealed class GatedConnection : IBlinkTradeConnection
    {
        private TaskCompletionSource? _hold;

        public List<string> Sent { get; } = [];

        public List<int> SentOnThread { get; } = [];

        public Exception? FailNextSend { get; set; }

        public string RemoteDescription => "gated";

        public bool IsOpen => true;

        public TaskCompletionSource HoldNextSend() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
        {
            if (FailNextSend is { } error)
            {
                FailNextSend = null;
                return ValueTask.FromException(error);
            }
            lock (Sent)
            {
                Sent.Add(Encoding.UTF8.GetString(frame.Span));
                SentOnThread.Add(Environment.CurrentManagedThreadId);
            }
            if (Interlocked.Exchange(ref _hold, null) is { } hold)
            {
                return new ValueTask(hold.Task);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken) => ValueTask.FromResult(false);

        public ValueTask CloseAsync(string? reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void Abort()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
