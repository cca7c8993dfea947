using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Api.Http
{
    /// <summary>
    /// The module's own HTTP/1.1 transport. Each request goes to a worker thread that owns one keep-alive connection and
    /// does blocking socket calls; the caller gets a task. Why not HttpClient: on a round trip most of HttpClient's CPU is
    /// the async socket machinery (an event thread handing each read to the thread pool, whose workers spin while they
    /// wait), which costs several times the work of the exchange itself. A thread blocked in the kernel costs nothing while
    /// it waits. Callers keep their concurrency: requests in flight at once go to as many workers (and connections).
    /// </summary>
    internal sealed class SocketTransport : IOrgHttpTransport
    {
        /// <summary>Beyond this many requests in flight to one endpoint, requests wait their turn.</summary>
        internal const int MostWorkers = 64;
        /// <summary>A worker with nothing to do this long closes its connection and ends; well under the keep-alive time of common gateways.</summary>
        internal static readonly TimeSpan DefaultIdleLife = TimeSpan.FromSeconds(15);

        private static readonly ConcurrentDictionary<string, SocketTransport> ByOrigin = new ConcurrentDictionary<string, SocketTransport>(StringComparer.Ordinal);

        private readonly Uri _origin;
        private readonly RemoteCertificateValidationCallback? _validate;
        private readonly TimeSpan _idleLife;
        private readonly object _gate = new object();
        // Last in, first out: the worker that finished last has the warmest connection.
        private readonly List<Worker> _idle = new List<Worker>();
        private readonly Queue<Job> _waiting = new Queue<Job>();
        // Every worker alive, for the rescue of parked requests.
        private readonly List<Worker> _all = new List<Worker>();
        private bool _watching;
        private int _workers;
        private long _connectionsOpened;

        /// <summary>A transport of its own (tests: a certificate check, a short idle life); the module shares one per origin (<see cref="For"/>).</summary>
        internal SocketTransport(Uri origin, RemoteCertificateValidationCallback? validate = null, TimeSpan? idleLife = null)
        {
            _origin = new Uri(origin.GetLeftPart(UriPartial.Authority));
            _validate = validate;
            _idleLife = idleLife ?? DefaultIdleLife;
        }

        /// <summary>How long a parked request may wait for its worker before another worker takes it.</summary>
        internal const int ParkedMostMs = 5;

        public static SocketTransport For(Uri endpoint) =>
            ByOrigin.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority), origin => new SocketTransport(new Uri(origin)));

        public string Name => "Socket (the module's HTTP/1.1 client)";

        /// <summary>Connections opened so far (a test sees keep-alive reuse).</summary>
        internal long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

        /// <summary>Worker threads alive now.</summary>
        internal int Workers
        {
            get { lock (_gate) return _workers; }
        }

        public Task<OrgHttpAnswer> SendAsync(OrgHttpRequest request, long maxResponseBytes, CancellationToken cancellationToken)
        {
            if (Uri.Compare(request.Endpoint, _origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new ArgumentException("This transport sends to " + _origin + " only.", nameof(request));
            if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<OrgHttpAnswer>(cancellationToken);

            var job = new Job(request, maxResponseBytes, cancellationToken);
            if (cancellationToken.CanBeCanceled) job.Registration = cancellationToken.Register(j => ((Job)j!).Cancel(), job);
            // Asked from a continuation that a worker of this transport is running: park the request on that worker, which
            // takes it as soon as the continuation yields, with no other thread woken (a wake costs more than the exchange).
            // A continuation that blocks instead would wait forever for its own worker: the rescue hands it on after 5 ms.
            if (Worker.Completing is { } self && self.Owner == this && self.Park(job)) return job.Completion.Task;
            Dispatch(job);
            return job.Completion.Task;
        }

        /// <summary>To an idle worker (the last to go idle), else a new one, else the queue.</summary>
        private void Dispatch(Job job)
        {
            Worker? idle = null;
            bool start = false;
            lock (_gate)
            {
                if (_idle.Count > 0)
                {
                    idle = _idle[_idle.Count - 1];
                    _idle.RemoveAt(_idle.Count - 1);
                    idle.Assign(job);
                }
                else if (_workers < MostWorkers)
                {
                    _workers++;
                    start = true;
                    if (!_watching)
                    {
                        _watching = true;
                        new Thread(Watch) { IsBackground = true, Name = "TencentOrg HTTP rescue" }.Start();
                    }
                }
                else
                {
                    _waiting.Enqueue(job);
                }
            }
            if (idle != null) idle.Wake();
            else if (start) new Worker(this, job).Start();
        }

        /// <summary>
        /// While workers live, every 5 ms: hands on requests parked longer than that. A sleeping thread, not a timer: a timer's
        /// callback wakes a thread-pool worker, whose spinning cost more than the parking saves.
        /// </summary>
        private void Watch()
        {
            while (true)
            {
                Thread.Sleep(ParkedMostMs);
                Worker[] workers;
                lock (_gate)
                {
                    if (_workers == 0)
                    {
                        _watching = false;
                        return;
                    }
                    workers = _all.ToArray();
                }
                foreach (var worker in workers)
                {
                    if (worker.HasParked && worker.ParkedFor >= ParkedMostMs && worker.TakeParked() is { } job) Dispatch(job);
                }
            }
        }

        /// <summary>The next job for a worker that finished one: a waiting one, or one assigned while it idles; null when it idled out.</summary>
        private Job? NextFor(Worker worker)
        {
            lock (_gate)
            {
                if (_waiting.Count > 0) return _waiting.Dequeue();
                _idle.Add(worker);
            }
            if (worker.WaitForAssignment(_idleLife)) return worker.TakeAssigned();
            lock (_gate)
            {
                // Assigned between the wait's end and this lock: whoever assigned took it off the idle list.
                if (worker.HasAssignment) return worker.TakeAssigned();
                _idle.Remove(worker);
                _all.Remove(worker);
                _workers--;
                return null;
            }
        }

        private sealed class Job
        {
            public Job(OrgHttpRequest request, long maxBytes, CancellationToken token)
            {
                Request = request;
                MaxBytes = maxBytes;
                Token = token;
            }

            public OrgHttpRequest Request { get; }
            public long MaxBytes { get; }
            public CancellationToken Token { get; }
            public CancellationTokenRegistration Registration;
            /// <summary>The connection the job is on, for a cancellation to abort.</summary>
            public Http11Connection? Connection;

            // No RunContinuationsAsynchronously: the caller's continuation runs on the worker that completes the job. Handing
            // it to the thread pool would cost more CPU than the exchange; the worker has nothing else to do meanwhile.
            public TaskCompletionSource<OrgHttpAnswer> Completion { get; } = new TaskCompletionSource<OrgHttpAnswer>();

            /// <summary>
            /// Aborts the exchange, then completes on the thread pool: the caller's continuation must not run inside the token's
            /// callback, which the worker waits for. Cancellations are rare, so the hand-off costs nothing that matters.
            /// </summary>
            public void Cancel()
            {
                Volatile.Read(ref Connection)?.Abort();
                ThreadPool.QueueUserWorkItem(job => ((Job)job!).Completion.TrySetCanceled(((Job)job!).Token), this);
            }
        }

        private sealed class Worker
        {
            private readonly SocketTransport _owner;
            private readonly object _signal = new object();
            private Job? _first;
            private Job? _assigned;
            private Http11Connection? _connection;

            private Job? _parked;
            private int _parkedAt;

            public Worker(SocketTransport owner, Job first)
            {
                _owner = owner;
                _first = first;
                lock (owner._gate) owner._all.Add(this);
            }

            /// <summary>The worker whose thread is running the continuations of the job it just completed.</summary>
            [ThreadStatic] public static Worker? Completing;

            public SocketTransport Owner => _owner;
            public bool HasParked => Volatile.Read(ref _parked) != null;
            public int ParkedFor => Environment.TickCount - Volatile.Read(ref _parkedAt);

            /// <summary>One request at most waits for this worker; false when one already does.</summary>
            public bool Park(Job job)
            {
                Volatile.Write(ref _parkedAt, Environment.TickCount);
                return Interlocked.CompareExchange(ref _parked, job, null) == null;
            }

            /// <summary>The parked request, for whoever comes first: this worker when its continuation yields, or the rescue.</summary>
            public Job? TakeParked() => Interlocked.Exchange(ref _parked, null);

            public void Start() => new Thread(Run) { IsBackground = true, Name = "TencentOrg HTTP" }.Start();

            public bool HasAssignment => Volatile.Read(ref _assigned) != null;

            /// <summary>Called under the owner's gate, after taking this worker off the idle list.</summary>
            public void Assign(Job job) => Volatile.Write(ref _assigned, job);

            public Job TakeAssigned()
            {
                var job = _assigned!;
                _assigned = null;
                return job;
            }

            public void Wake()
            {
                lock (_signal) Monitor.Pulse(_signal);
            }

            public bool WaitForAssignment(TimeSpan life)
            {
                int until = Environment.TickCount + (int)life.TotalMilliseconds;
                lock (_signal)
                {
                    while (!HasAssignment)
                    {
                        int left = until - Environment.TickCount;
                        if (left <= 0 || !Monitor.Wait(_signal, left)) return HasAssignment;
                    }
                    return true;
                }
            }

            private void Run()
            {
                try
                {
                    for (Job? job = _first; job != null; job = TakeParked() ?? _owner.NextFor(this))
                    {
                        _first = null;
                        Serve(job);
                    }
                }
                finally
                {
                    _connection?.Dispose();
                }
            }

            private void Serve(Job job)
            {
                if (job.Completion.Task.IsCompleted)
                {
                    job.Registration.Dispose();
                    return;
                }
                OrgHttpAnswer? answer = null;
                Exception? failure = null;
                bool wrote = false;
                try
                {
                    if (_connection != null && !_connection.IsAlive())
                    {
                        _connection.Dispose();
                        _connection = null;
                    }
                    if (_connection == null)
                    {
                        _connection = Http11Connection.Open(_owner._origin, _owner._validate, job.Token);
                        Interlocked.Increment(ref _owner._connectionsOpened);
                    }
                    // A full fence between the write and the read, so this and Cancel cannot both miss each other.
                    Interlocked.Exchange(ref job.Connection, _connection);
                    if (job.Token.IsCancellationRequested) _connection.Abort();
                    answer = _connection.Exchange(job.Request, job.MaxBytes);
                }
                catch (Exception ex)
                {
                    failure = ex;
                    wrote = _connection?.WroteRequest ?? false;
                }
                // After this no Cancel runs, so an abort it made shows in Aborted below.
                job.Registration.Dispose();
                Volatile.Write(ref job.Connection, null);
                if (_connection != null && (failure != null || !_connection.Reusable || _connection.Aborted))
                {
                    _connection.Dispose();
                    _connection = null;
                }

                Completing = this;
                try
                {
                    if (failure == null)
                    {
                        if (!job.Completion.TrySetResult(answer!)) answer!.Dispose();
                    }
                    else if (job.Token.IsCancellationRequested) job.Completion.TrySetCanceled(job.Token);
                    else job.Completion.TrySetException(Describe(job.Request.Action, failure, wrote, _owner._origin));
                }
                finally
                {
                    Completing = null;
                }
            }
        }

        /// <summary>
        /// A failure in the client's words. Only a failure before any byte of the request was written is "never reached the
        /// server"; a TLS failure is not retried (the same certificate would fail again).
        /// </summary>
        internal static Exception Describe(string action, Exception failure, bool wroteRequest, Uri origin)
        {
            if (failure is OrgTransportException) return failure;
            if (failure is AuthenticationException)
            {
                // Before the request: the certificate or protocol is refused, and would be again. After it: an answer lost.
                return new OrgTransportException(action, "ClientError.NetworkError",
                    (wroteRequest ? "TLS failed after the request was sent: " : "the TLS handshake with the endpoint failed: ") + failure.Message,
                    mayHaveReachedServer: wroteRequest, failure, retryable: wroteRequest);
            }
            if (failure is SocketException || failure is IOException || failure is ObjectDisposedException)
            {
                Exception innermost = failure;
                while (innermost.InnerException != null) innermost = innermost.InnerException;
                // Before the request, the failure is reaching the host (DNS, connect): name it, the runtime's text may not.
                string hostPort = origin.Host + ":" + origin.Port;
                string where = wroteRequest || innermost.Message.Contains(hostPort) ? "" : " (" + hostPort + ")";
                return new OrgTransportException(action, "ClientError.NetworkError", innermost.Message + where, mayHaveReachedServer: wroteRequest, failure);
            }
            // Anything else is a fault in this code or the runtime: still an error in the client's words, never a guess.
            return new OrgTransportException(action, "ClientError.NetworkError", failure.GetType().Name + ": " + failure.Message,
                mayHaveReachedServer: wroteRequest, failure, retryable: false);
        }
    }
}
