using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Api
{
    /// <summary>
    /// Token bucket per action. Capacity is one token so requests leave evenly spaced and a bulk
    /// pipeline never bursts past the service's per-second limit. When the service still throttles
    /// (its budget is shared with other tools on the same account), the action slows down, and speeds
    /// up again as calls succeed.
    /// </summary>
    /// <remarks>
    /// The budget (requests per second per action) is the highest one asked by a live <see cref="RateLease"/>:
    /// every session with the same credential and endpoint holds one, and all of them report the same budget.
    /// Highest, so a runspace that lowered the budget cannot hold the others to it: any session can raise it back
    /// by asking, and it returns as soon as the lowering session ends. Sessions that ask nothing follow the asks;
    /// with no ask live the constructor's rate applies.
    /// </remarks>
    internal sealed class ActionRateLimiter
    {
        /// <summary>How much slower than the budget throttling may push an action.</summary>
        public const double MaxSlowdown = 16;

        /// <summary>Successes counted to estimate what the service grants an action (seconds).</summary>
        internal const double GrantWindowSeconds = 2;

        private readonly ConcurrentDictionary<string, Bucket> _buckets = new ConcurrentDictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly Func<double> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        // The asks, not the leases: a lease nobody holds any more must be collectable so its finalizer withdraws the ask.
        private readonly List<RateAsk> _asks = new List<RateAsk>();
        private readonly double _defaultRate;
        private double _ratePerSecond;

        public ActionRateLimiter(double ratePerSecond) : this(ratePerSecond, null, null) { }

        /// <summary>With a clock (seconds) and a delay of the caller's, so tests drive time themselves.</summary>
        internal ActionRateLimiter(double ratePerSecond, Func<double>? clock, Func<TimeSpan, CancellationToken, Task>? delay)
        {
            _defaultRate = ratePerSecond;
            _ratePerSecond = ratePerSecond;
            if (clock == null)
            {
                var stopwatch = Stopwatch.StartNew();
                clock = () => stopwatch.Elapsed.TotalSeconds;
            }
            _clock = clock;
            _delay = delay ?? ((wait, ct) => Task.Delay(wait, ct));
        }

        /// <summary>Requests per second per action in force; 0 or less disables the limit.</summary>
        public double RatePerSecond => Volatile.Read(ref _ratePerSecond);

        /// <summary>Asks for a budget (null: follows the others' asks) for as long as the lease lives (until disposed or collected).</summary>
        public RateLease Join(double? requestedPerSecond)
        {
            var ask = new RateAsk(requestedPerSecond ?? _defaultRate);
            if (requestedPerSecond == null) return new RateLease(this, ask, asking: false);
            lock (_asks)
            {
                _asks.Add(ask);
                Recompute();
            }
            return new RateLease(this, ask, asking: true);
        }

        internal void Leave(RateAsk ask)
        {
            lock (_asks)
            {
                if (_asks.Remove(ask)) Recompute();
            }
        }

        // 0 or less is "no limit", the highest ask of all.
        private void Recompute() =>
            Volatile.Write(ref _ratePerSecond, _asks.Count == 0 ? _defaultRate : _asks.Any(a => a.PerSecond <= 0) ? 0 : _asks.Max(a => a.PerSecond));

        public Task WaitAsync(string action, CancellationToken cancellationToken)
        {
            double rate = RatePerSecond;
            if (rate <= 0) return Task.CompletedTask;
            var bucket = _buckets.GetOrAdd(action, _ => new Bucket());
            double now = _clock();
            double interval, slot;
            lock (bucket)
            {
                // One interval at today's rate after the last reserved slot (a raised budget applies at once); an idle bucket starts now.
                interval = 1 / (rate * bucket.Share);
                slot = Math.Max(now, bucket.LastSlot + interval);
                bucket.LastSlot = slot;
            }
            double wait = slot - now;
            return wait <= 0.0005 ? Task.CompletedTask : WaitForSlotAsync(bucket, interval, wait, cancellationToken);
        }

        private async Task WaitForSlotAsync(Bucket bucket, double interval, double wait, CancellationToken cancellationToken)
        {
            try
            {
                await _delay(TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A stopped command gives its slot back, so what comes next is not held up by calls never sent.
                lock (bucket) bucket.LastSlot -= interval;
                throw;
            }
        }

        /// <summary>
        /// The service throttled this action. Random throttles (a shared account, a busy service) must not pull the rate down
        /// for good, while a real lower limit must be found quickly. They differ in how often they come: over the last
        /// <see cref="RecentAnswers"/> answers random ones stay rare, while sending above a real limit throttles a large share.
        /// A rare throttle costs 5% of the rate (won back within a few successes); a clustered one halves it, but never below
        /// what the service granted the action over the last seconds, since that much evidently goes through. Returns the new rate.
        /// </summary>
        public double Throttled(string action)
        {
            var bucket = _buckets.GetOrAdd(action, _ => new Bucket());
            double rate = RatePerSecond;
            double now = _clock();
            lock (bucket)
            {
                bucket.RecordAnswer(throttled: true);
                if (bucket.ThrottledShare() <= RandomThrottleShare)
                {
                    bucket.Share = Math.Max(1 / MaxSlowdown, bucket.Share * 0.95);
                }
                else
                {
                    double granted = rate > 0 ? bucket.GrantedPerSecond(now) / rate : 0;
                    double share = Math.Max(bucket.Share / 2, granted);
                    bucket.Share = Math.Max(1 / MaxSlowdown, Math.Min(bucket.Share, share));
                }
            }
            return CurrentRate(action);
        }

        /// <summary>Answers looked at to tell random throttling from a real limit.</summary>
        internal const int RecentAnswers = 20;

        /// <summary>Up to this share of throttled answers (4 in 20) counts as random; 10% random throttling exceeds it 4% of the time.</summary>
        internal const double RandomThrottleShare = 0.2;

        /// <summary>A call went through: count it as granted and win back 5% of the rate.</summary>
        public void Succeeded(string action)
        {
            var bucket = _buckets.GetOrAdd(action, _ => new Bucket());
            double now = _clock();
            lock (bucket)
            {
                bucket.RecordSuccess(now);
                bucket.RecordAnswer(throttled: false);
                if (bucket.Share < 1) bucket.Share = Math.Min(1, bucket.Share * 1.05);
            }
        }

        /// <summary>Requests per second the action is held to now.</summary>
        public double CurrentRate(string action) =>
            RatePerSecond * (_buckets.TryGetValue(action, out var bucket) ? Volatile.Read(ref bucket.Share) : 1);

        /// <summary>Seconds until the action's next free slot (0 when a call may leave now).</summary>
        internal double NextFreeIn(string action)
        {
            double rate = RatePerSecond;
            if (rate <= 0 || !_buckets.TryGetValue(action, out var bucket)) return 0;
            lock (bucket) return Math.Max(0, bucket.LastSlot + 1 / (rate * bucket.Share) - _clock());
        }

        private sealed class Bucket
        {
            /// <summary>When the last reserved call leaves (seconds on the limiter's clock).</summary>
            public double LastSlot = double.NegativeInfinity;
            /// <summary>Fraction of the budget the action runs at (1/MaxSlowdown to 1).</summary>
            public double Share = 1;
            private readonly Queue<double> _successes = new Queue<double>();
            private readonly bool[] _recent = new bool[RecentAnswers];
            private int _answers;

            public void RecordAnswer(bool throttled) => _recent[_answers++ % RecentAnswers] = throttled;

            /// <summary>Share of throttled answers among the last ones; few answers yet (a cold start) count as random.</summary>
            public double ThrottledShare()
            {
                if (_answers < RecentAnswers / 2) return 0;
                int seen = Math.Min(_answers, RecentAnswers);
                int throttled = 0;
                for (int i = 0; i < seen; i++) if (_recent[i]) throttled++;
                return (double)throttled / seen;
            }

            public void RecordSuccess(double now)
            {
                _successes.Enqueue(now);
                Prune(now);
            }

            /// <summary>Calls that went through per second over the last window.</summary>
            public double GrantedPerSecond(double now)
            {
                Prune(now);
                return _successes.Count / GrantWindowSeconds;
            }

            private void Prune(double now)
            {
                while (_successes.Count > 0 && _successes.Peek() < now - GrantWindowSeconds) _successes.Dequeue();
            }
        }
    }

    internal sealed class RateAsk
    {
        public RateAsk(double perSecond) { PerSecond = perSecond; }

        public double PerSecond { get; }
    }

    /// <summary>A session's ask for a budget; the limiter applies the highest live ask. Dispose (or drop) to withdraw it.</summary>
    internal sealed class RateLease : IDisposable
    {
        private readonly RateAsk _ask;
        private ActionRateLimiter? _limiter;

        internal RateLease(ActionRateLimiter limiter, RateAsk ask, bool asking)
        {
            _limiter = limiter;
            _ask = ask;
            Asking = asking;
            if (!asking) GC.SuppressFinalize(this);
        }

        /// <summary>False when the session asked nothing and follows the others' asks.</summary>
        public bool Asking { get; }

        public double RequestedPerSecond => _ask.PerSecond;

        /// <summary>The budget in force for everyone sharing the limiter.</summary>
        public double InForcePerSecond => _limiter?.RatePerSecond ?? RequestedPerSecond;

        public void Dispose()
        {
            Interlocked.Exchange(ref _limiter, null)?.Leave(_ask);
            GC.SuppressFinalize(this);
        }

        // A runspace closed without Disconnect-TcOrg: its ask goes once the session is collected.
        ~RateLease()
        {
            Interlocked.Exchange(ref _limiter, null)?.Leave(_ask);
        }
    }

    /// <summary>
    /// The process's limiters, one per credential (SecretId) and endpoint: the service limits the account per action, so every
    /// runspace using that key shares one budget, and different organizations never slow each other.
    /// </summary>
    internal static class RateBudgets
    {
        private static readonly ConcurrentDictionary<string, ActionRateLimiter> Limiters =
            new ConcurrentDictionary<string, ActionRateLimiter>(StringComparer.Ordinal);

        public static string KeyOf(string secretId, Uri endpoint) => secretId + "@" + endpoint.Authority.ToLowerInvariant();

        // The rate with no ask live is the service's default, never the first session's ask.
        public static ActionRateLimiter For(string secretId, Uri endpoint) =>
            Limiters.GetOrAdd(KeyOf(secretId, endpoint), _ => new ActionRateLimiter(OrgClientOptions.DefaultRequestsPerSecond));
    }
}
