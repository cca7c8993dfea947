using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg
{
    /// <summary>
    /// Collects pipeline items into batches of the API's size and sends them with a bounded number in
    /// flight, so a long pipeline streams (memory stays flat) and throughput reaches the rate budget.
    /// </summary>
    internal sealed class BatchDispatcher<T>
    {
        public const int DefaultMaxInFlight = 4;

        private readonly TcOrgCmdlet _owner;
        private readonly int _batchSize;
        private readonly int _maxInFlight;
        private readonly Func<List<T>, CancellationToken, Task> _send;
        private readonly CancellationToken _cancel;
        private readonly List<Task> _inFlight = new List<Task>();
        private List<T> _buffer = new List<T>();

        /// <param name="maxInFlight">Batches sent at once; 0 = derived from the session's -RequestsPerSecond budget.</param>
        public BatchDispatcher(TcOrgCmdlet owner, int batchSize, Func<List<T>, CancellationToken, Task> send, CancellationToken cancel, int maxInFlight = 0)
        {
            _owner = owner;
            _batchSize = batchSize;
            _send = send;
            _cancel = cancel;
            _maxInFlight = maxInFlight > 0 ? maxInFlight : InFlightFor(owner.Session.Options.RequestsPerSecond);
        }

        /// <summary>
        /// Enough concurrent batches to fill the per-action budget at ~200 ms per call (the token bucket does the
        /// pacing, so more in flight never means more than the budget per second), bounded for memory and threads.
        /// </summary>
        internal static int InFlightFor(double requestsPerSecond) =>
            requestsPerSecond <= 0 ? 16 : Math.Max(DefaultMaxInFlight, Math.Min(16, (int)Math.Ceiling(requestsPerSecond / 5)));

        public void Add(T item)
        {
            _buffer.Add(item);
            if (_buffer.Count >= _batchSize) Flush();
            else _owner.Drain();
        }

        /// <summary>Send what is buffered now, waiting for a free slot if the limit is reached.</summary>
        public void Flush()
        {
            if (_buffer.Count == 0) return;
            var batch = _buffer;
            _buffer = new List<T>();
            while (_inFlight.Count >= _maxInFlight)
            {
                _owner.AwaitAny(_inFlight);
                Collect();
            }
            _inFlight.Add(Task.Run(() => _send(batch, _cancel), _cancel));
            _owner.Drain();
        }

        /// <summary>Flush and wait for everything in flight.</summary>
        public void Complete()
        {
            Flush();
            _owner.Await(Task.WhenAll(_inFlight));
            _inFlight.Clear();
        }

        // Rethrows an unexpected failure of a finished batch; per-item errors never get here.
        private void Collect()
        {
            for (int i = _inFlight.Count - 1; i >= 0; i--)
            {
                if (!_inFlight[i].IsCompleted) continue;
                var done = _inFlight[i];
                _inFlight.RemoveAt(i);
                _owner.Await(done);
            }
        }
    }
}
