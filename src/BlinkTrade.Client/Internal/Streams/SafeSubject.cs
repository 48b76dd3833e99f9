using Microsoft.Extensions.Logging;

using BlinkTrade.Client.Diagnostics;

namespace BlinkTrade.Client.Internal.Streams;

/// <summary>
/// An <see cref="IObservable{T}"/> that isolates its subscribers from the producer (the receive loop) and from each
/// other. Each subscriber has its own bounded queue, drained by a thread-pool work item of its own whenever it holds
/// items, so:
/// <list type="bullet">
/// <item>an exception thrown by one subscriber's <c>OnNext</c> is logged and reported, and neither the producer nor
/// the other subscribers notice;</item>
/// <item>a slow subscriber never blocks the producer: when its queue is full the <see cref="OverflowPolicy"/> decides
/// (state streams drop the oldest item, event streams unsubscribe the laggard with
/// <see cref="SubscriberOverflowException"/>).</item>
/// </list>
/// Each subscriber sees items in production order and never concurrently (the Rx grammar).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SafeSubject<T> : IObservable<T>
{
    private readonly object _gate = new();
    private readonly string _name;
    private readonly OverflowPolicy _policy;
    private readonly int _capacity;
    private readonly bool _replayLatest;
    private readonly ILogger _logger;
    private readonly Action<BlinkTradeClientError>? _report;
    private readonly Telemetry.ClientMetrics? _metrics;
    private readonly TimeProvider _time;
    private Subscriber[] _subscribers = [];
    private bool _terminated;
    private Exception? _terminalError;
    private T? _latest;
    private bool _hasLatest;

    /// <param name="name">The stream's name, for logs.</param>
    /// <param name="policy">What to do with a subscriber whose queue is full.</param>
    /// <param name="capacity">Items a subscriber may fall behind.</param>
    /// <param name="replayLatest">Whether a new subscriber first receives the latest item (state streams).</param>
    /// <param name="logger">Where subscriber faults are logged.</param>
    /// <param name="report">Where subscriber faults are reported; <see langword="null"/> for the errors stream itself,
    /// whose faults are only logged (reporting them to itself could loop).</param>
    /// <param name="time">The clock for error timestamps.</param>
    /// <param name="metrics">Counts drops and overflows, when given.</param>
    public SafeSubject(string name, OverflowPolicy policy, int capacity, bool replayLatest, ILogger logger, Action<BlinkTradeClientError>? report, TimeProvider time, Telemetry.ClientMetrics? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _name = name;
        _policy = policy;
        _capacity = capacity;
        _replayLatest = replayLatest;
        _logger = logger;
        _report = report;
        _metrics = metrics;
        _time = time;
    }

    /// <summary>Whether every subscriber has delivered everything queued for it (a snapshot, for the test kit's run-until-idle).</summary>
    public bool IsIdle => Array.TrueForAll(Volatile.Read(ref _subscribers), static subscriber => subscriber.IsIdle);

    /// <summary>The number of live subscribers.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscriber = new Subscriber(this, observer);
        lock (_gate)
        {
            if (_terminated)
            {
                subscriber.Terminate(_terminalError);
                return subscriber;
            }
            if (_replayLatest && _hasLatest)
            {
                subscriber.TryEnqueue(_latest!);
            }
            _subscribers = [.. _subscribers, subscriber];
        }
        return subscriber;
    }

    /// <summary>Publishes an item to every subscriber's queue; never blocks and never throws.</summary>
    /// <param name="value">The item.</param>
    public void OnNext(T value)
    {
        // Nobody to deliver to and no latest item to keep (an event stream no one follows, such as the client's message
        // stream, offered every received frame): skip the lock. A Subscribe racing with this call may or may not see
        // the item either way; a terminated stream has no subscribers, so it returns here too.
        if (!_replayLatest && Volatile.Read(ref _subscribers).Length == 0)
        {
            return;
        }
        List<Subscriber>? overflowed = null;
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }
            if (_replayLatest)
            {
                _latest = value;
                _hasLatest = true;
            }
            foreach (var subscriber in _subscribers)
            {
                if (!subscriber.TryEnqueue(value))
                {
                    (overflowed ??= []).Add(subscriber);
                }
            }
        }
        if (overflowed is not null)
        {
            foreach (var subscriber in overflowed)
            {
                ClientLog.SubscriberOverflow(_logger, _name, _capacity);
                _metrics?.SubscriberOverflow(_name);
                var error = new SubscriberOverflowException($"The subscriber of {_name} fell {_capacity} items behind and was unsubscribed.");
                Remove(subscriber);
                subscriber.Terminate(error);
                _report?.Invoke(new BlinkTradeClientError(ClientErrorKind.SubscriberOverflow, error.Message, error, _time.GetUtcNow()));
            }
        }
    }

    /// <summary>Completes every subscriber (after it drained its queue); later subscribers complete at once.</summary>
    public void OnCompleted() => Terminate(null);

    /// <summary>Fails every subscriber (after it drained its queue).</summary>
    /// <param name="error">The error.</param>
    public void OnError(Exception error) => Terminate(error);

    private void Terminate(Exception? error)
    {
        Subscriber[] subscribers;
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }
            _terminated = true;
            _terminalError = error;
            subscribers = _subscribers;
            _subscribers = [];
        }
        foreach (var subscriber in subscribers)
        {
            subscriber.Terminate(error);
        }
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscriber);
            if (index < 0)
            {
                return;
            }
            var copy = new Subscriber[_subscribers.Length - 1];
            Array.Copy(_subscribers, 0, copy, 0, index);
            Array.Copy(_subscribers, index + 1, copy, index, _subscribers.Length - index - 1);
            _subscribers = copy;
        }
    }

    private void ReportFault(Exception exception)
    {
        ClientLog.SubscriberFault(_logger, _name, exception);
        _report?.Invoke(new BlinkTradeClientError(ClientErrorKind.SubscriberFault,
            $"A subscriber of {_name} threw {exception.GetType().Name}; it stays subscribed.", exception, _time.GetUtcNow()));
    }

    // A subscriber's queue and its delivery. Delivery is a thread-pool work item of the subscriber itself, queued when
    // an item arrives and none is queued or running, which drains the queue and ends: no standing pump task, no channel
    // and no async state machine per item, so the one hop each item takes (the receive loop never calls a subscriber)
    // costs one work item and two short locks. Hand-written because this is the per-frame path of every subscriber
    // (docs/performance.md, task 18o); a Channel with an async reader costs an AsyncOperation signal, a state-machine
    // resumption and a wait registration per item on top.
    private sealed class Subscriber : IDisposable, IThreadPoolWorkItem
    {
        private static readonly ContextCallback DrainCallback = static state => ((Subscriber)state!).Drain();

        private readonly SafeSubject<T> _owner;
        private readonly IObserver<T> _observer;
        // Delivery runs in the subscribing code's context, as the awaiting pump it replaces did (AsyncLocal values,
        // Activity.Current); null when the subscriber suppressed the flow.
        private readonly ExecutionContext? _context = ExecutionContext.Capture();
        private readonly Queue<T> _queue = new();
        private bool _scheduled; // guarded by _queue: a drain is queued or running
        private bool _closed; // guarded by _queue: nothing more is queued (terminated or disposed)
        private volatile bool _disposed;
        private bool _terminated;
        private Exception? _terminalError;

        public Subscriber(SafeSubject<T> owner, IObserver<T> observer)
        {
            _owner = owner;
            _observer = observer;
        }

        // Scheduled is set before the first item is queued and cleared only once the queue is empty, so an item is
        // either counted or being delivered.
        public bool IsIdle
        {
            get
            {
                lock (_queue)
                {
                    return !_scheduled && _queue.Count == 0;
                }
            }
        }

        /// <summary>Queues an item; false when the queue is full and the policy is to fault the subscriber.</summary>
        public bool TryEnqueue(T value)
        {
            var dropped = false;
            lock (_queue)
            {
                if (_closed)
                {
                    return true; // gone: nothing will deliver it, and it is no overflow
                }
                if (_queue.Count >= _owner._capacity)
                {
                    if (_owner._policy != OverflowPolicy.DropOldest)
                    {
                        return false;
                    }
                    _queue.Dequeue(); // DropOldest keeps the newest state
                    dropped = true;
                }
                _queue.Enqueue(value);
                ScheduleLocked();
            }
            if (dropped)
            {
                _owner._metrics?.SubscriberDropped(_owner._name); // drops are counted, never silent
            }
            return true;
        }

        /// <summary>Ends the stream: the subscriber gets what is queued, then its terminal call.</summary>
        public void Terminate(Exception? error)
        {
            lock (_queue)
            {
                if (_closed)
                {
                    return;
                }
                _closed = true;
                _terminalError = error;
                _terminated = true;
                ScheduleLocked();
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _owner.Remove(this);
            lock (_queue)
            {
                _closed = true;
                _queue.Clear();
            }
        }

        private void ScheduleLocked()
        {
            if (!_scheduled)
            {
                _scheduled = true;
                // The global queue, not the producer's local one: a pool thread runs its local queue last-in first-out,
                // so the subscribers of one frame (the message stream, then an order's or a book's) were served in the
                // reverse of the order the receive loop produced for them. Measured no slower (docs/performance.md, 18o).
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }

        void IThreadPoolWorkItem.Execute()
        {
            if (_context is null)
            {
                Drain();
            }
            else
            {
                ExecutionContext.Run(_context, DrainCallback, this);
            }
        }

        private void Drain()
        {
            while (true)
            {
                T item;
                lock (_queue)
                {
                    if (_disposed)
                    {
                        _queue.Clear();
                        _scheduled = false;
                        return;
                    }
                    if (!_queue.TryDequeue(out item!))
                    {
                        if (!_terminated)
                        {
                            _scheduled = false;
                            return;
                        }
                        _terminated = false; // delivered once, below; _scheduled stays set, so nothing else runs
                        break;
                    }
                }
                try
                {
                    _observer.OnNext(item);
                }
                catch (Exception e)
                {
                    _owner.ReportFault(e);
                }
            }
            try
            {
                if (_terminalError is { } error)
                {
                    _observer.OnError(error);
                }
                else
                {
                    _observer.OnCompleted();
                }
            }
            catch (Exception e)
            {
                _owner.ReportFault(e);
            }
        }
    }
}
