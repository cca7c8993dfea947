using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg
{
    /// <summary>Work a command holds but has not sent; dropped when the command stops on an error.</summary>
    internal interface IQueuedWork
    {
        void DropQueued();
    }

    /// <summary>
    /// Collects pipeline items into batches of the API's size and sends them with a bounded number in
    /// flight, so a long pipeline streams (memory stays flat) and throughput reaches the rate budget.
    /// Outputs come out in input order whatever order the batches finish in. Under -ErrorAction Stop one
    /// batch is in flight at a time and nothing is sent once a failure is known.
    /// </summary>
    internal sealed class BatchDispatcher<T> : IQueuedWork
    {
        public const int DefaultMaxInFlight = 4;

        private readonly TcOrgCmdlet _owner;
        private readonly int _batchSize;
        private readonly int _maxInFlight;
        private readonly Func<List<T>, CancellationToken, Task> _send;
        private readonly List<BatchRun> _inFlight = new List<BatchRun>();
        private List<T> _buffer = new List<T>();
        private List<long> _slots = new List<long>();

        /// <param name="owner">The cmdlet whose pipeline thread writes the results.</param>
        /// <param name="batchSize">Items per request, the API's limit.</param>
        /// <param name="send">Sends one batch and posts its outcomes.</param>
        /// <param name="cancel">The command's stop token.</param>
        /// <param name="maxInFlight">Batches sent at once; 0 = derived from the session's -RequestsPerSecond budget.</param>
        public BatchDispatcher(TcOrgCmdlet owner, int batchSize, Func<List<T>, CancellationToken, Task> send, CancellationToken cancel, int maxInFlight = 0)
        {
            _owner = owner;
            _batchSize = batchSize;
            _send = send;
            _maxInFlight = owner.FailFast ? 1 : maxInFlight > 0 ? maxInFlight : InFlightFor(owner.Session.Options.RequestsPerSecond);
            owner.RegisterQueue(this);
        }

        /// <summary>The batches in flight the session's budget calls for (shared with Sync-TcOrgConfiguration).</summary>
        internal static int InFlightFor(double requestsPerSecond) => TencentOrg.Api.OrgClientOptions.CallsInFlightFor(requestsPerSecond);

        public void Add(T item)
        {
            if (_owner.SendingStopped)
            {
                // A failure is known under -ErrorAction Stop: this item is never sent; let the error surface.
                _owner.SkipSlot(_owner.ReserveSlot());
                FinishRunning();
                return;
            }
            _buffer.Add(item);
            _slots.Add(_owner.ReserveSlot());
            if (_buffer.Count >= _batchSize) Flush();
            else _owner.Drain();
        }

        /// <summary>Send what is buffered now, waiting for a free slot if the limit is reached.</summary>
        public void Flush()
        {
            if (_buffer.Count == 0) return;
            while (!_owner.SendingStopped && MustWait())
            {
                _owner.AwaitAny(_owner.FailFast ? _owner.Running.Select(r => r.Task).ToList() : _inFlight.Select(r => r.Task).ToList());
                _inFlight.RemoveAll(r => r.Finished);
            }
            if (_owner.SendingStopped)
            {
                DropQueued();
                FinishRunning();
                return;
            }
            var batch = _buffer;
            var slots = _slots.ToArray();
            _buffer = new List<T>();
            _slots = new List<long>();
            _inFlight.Add(_owner.StartBatch(slots, ct => _send(batch, ct)));
            _owner.Drain();
        }

        // Under -ErrorAction Stop one batch of the whole command runs at a time, so a failure is known before the next is sent.
        private bool MustWait()
        {
            _inFlight.RemoveAll(r => r.Finished);
            return _owner.FailFast ? _owner.Running.Count > 0 : _inFlight.Count >= _maxInFlight;
        }

        /// <summary>Flush and wait for everything in flight.</summary>
        public void Complete()
        {
            Flush();
            FinishRunning();
        }

        private void FinishRunning()
        {
            var running = _owner.Running.Select(r => r.Task).ToList();
            if (running.Count > 0) _owner.Await(Task.WhenAll(running));
            _inFlight.Clear();
        }

        public void DropQueued()
        {
            foreach (var slot in _slots) _owner.SkipSlot(slot);
            _buffer.Clear();
            _slots.Clear();
        }
    }

    /// <summary>One batch on its way: the output slots of its items, and the task sending it.</summary>
    internal sealed class BatchRun
    {
        private static readonly AsyncLocal<BatchRun?> CurrentRun = new AsyncLocal<BatchRun?>();

        public BatchRun(TcOrgCmdlet owner, long[] slots)
        {
            Owner = owner;
            Slots = slots;
        }

        /// <summary>The batch whose send is running on this async flow.</summary>
        public static BatchRun? Current
        {
            get => CurrentRun.Value;
            set => CurrentRun.Value = value;
        }

        public TcOrgCmdlet Owner { get; }
        public long[] Slots { get; }
        public Task Task { get; set; } = Task.CompletedTask;
        /// <summary>An unexpected failure of the send itself (per-item failures are posted as errors).</summary>
        public Exception? Failure { get; set; }
        /// <summary>Set on the pipeline thread once its items have settled.</summary>
        public bool Finished { get; set; }

        /// <summary>The output slot of the batch's item at <paramref name="item"/> (the first one when out of range).</summary>
        public long Slot(int item) => Slots[item >= 0 && item < Slots.Length ? item : 0];

        private readonly HashSet<long> _held = new HashSet<long>();

        /// <summary>Keep the item's slot open when the batch ends (its output comes later, e.g. after -Wait); its slot.</summary>
        public long Hold(int item)
        {
            long slot = Slot(item);
            lock (_held) _held.Add(slot);
            return slot;
        }

        public bool IsHeld(long slot)
        {
            lock (_held) return _held.Contains(slot);
        }
    }

    /// <summary>One object or error written for an item.</summary>
    internal sealed class OutputEntry
    {
        private OutputEntry(object? value, ErrorRecord? record)
        {
            Value = value;
            Record = record;
        }

        public object? Value { get; }
        public ErrorRecord? Record { get; }

        public static OutputEntry Object(object value) => new OutputEntry(value, null);
        public static OutputEntry Error(ErrorRecord record) => new OutputEntry(null, record);
    }

    /// <summary>
    /// Holds outputs by input position (slot) and gives them back in slot order: slot n's entries only after
    /// every earlier slot has completed. Entries may be added from any thread; the rest runs on the pipeline thread.
    /// </summary>
    internal sealed class OrderedOutput
    {
        private readonly object _lock = new object();
        private readonly Dictionary<long, Queue<OutputEntry>> _entries = new Dictionary<long, Queue<OutputEntry>>();
        private readonly HashSet<long> _completed = new HashSet<long>();
        private long _reserved;
        private long _next;

        public long Reserve()
        {
            lock (_lock) return _reserved++;
        }

        public void Add(long slot, OutputEntry entry)
        {
            lock (_lock)
            {
                if (!_entries.TryGetValue(slot, out var queue)) _entries[slot] = queue = new Queue<OutputEntry>();
                queue.Enqueue(entry);
            }
        }

        public void Complete(long slot)
        {
            lock (_lock) _completed.Add(slot);
        }

        /// <summary>The next entry whose turn has come, one at a time, so a write that throws loses nothing after it.</summary>
        public bool TryTakeNext(out OutputEntry entry)
        {
            lock (_lock)
            {
                while (_next < _reserved && _completed.Contains(_next))
                {
                    if (_entries.TryGetValue(_next, out var queue) && queue.Count > 0)
                    {
                        entry = queue.Dequeue();
                        return true;
                    }
                    _entries.Remove(_next);
                    _completed.Remove(_next);
                    _next++;
                }
                entry = null!;
                return false;
            }
        }
    }
}
