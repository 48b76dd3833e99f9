using System.Threading.Channels;
using Microsoft.Extensions.Logging;

using BlinkTrade.Client.Diagnostics;

namespace BlinkTrade.Client.Internal.Streams;

/// <summary>
/// An <see cref="IObservable{T}"/> that isolates its subscribers from the producer (the receive loop) and from each
/// other. Each subscriber has its own bounded queue drained by its own task, so:
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
                subscriber.Start();
                return subscriber;
            }
            if (_replayLatest && _hasLatest)
            {
                subscriber.TryEnqueue(_latest!);
            }
            _subscribers = [.. _subscribers, subscriber];
        }
        subscriber.Start();
        return subscriber;
    }

    /// <summary>Publishes an item to every subscriber's queue; never blocks and never throws.</summary>
    /// <param name="value">The item.</param>
    public void OnNext(T value)
    {
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

    private sealed class Subscriber : IDisposable
    {
        private readonly SafeSubject<T> _owner;
        private readonly IObserver<T> _observer;
        private readonly Channel<T> _queue;
        private volatile bool _disposed;
        private volatile bool _terminated;
        private volatile bool _delivering;
        private Exception? _terminalError;

        public Subscriber(SafeSubject<T> owner, IObserver<T> observer)
        {
            _owner = owner;
            _observer = observer;
            _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(owner._capacity)
            {
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
                // DropOldest keeps the newest state; Wait makes TryWrite fail when full, which we turn into a fault.
                FullMode = owner._policy == OverflowPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            }, owner._metrics is { } metrics ? _ => metrics.SubscriberDropped(owner._name) : null); // drops are counted, never silent
        }

        public void Start() => _ = Task.Run(PumpAsync);

        // Read busy first: the pump sets it before it takes an item, so an item is either counted or being delivered.
        public bool IsIdle => !_delivering && _queue.Reader.Count == 0;

        public bool TryEnqueue(T value) => _queue.Writer.TryWrite(value);

        public void Terminate(Exception? error)
        {
            _terminalError = error;
            _terminated = true;
            _queue.Writer.TryComplete();
        }

        public void Dispose()
        {
            _disposed = true;
            _owner.Remove(this);
            _queue.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                _delivering = true;
                while (reader.TryRead(out var item))
                {
                    if (_disposed)
                    {
                        _delivering = false;
                        return;
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
                _delivering = false;
            }
            if (_disposed || !_terminated)
            {
                return;
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
