using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Api
{
    /// <summary>
    /// Token bucket per action. Capacity is one token so requests leave evenly spaced and a bulk
    /// pipeline never bursts past the service's per-second limit. When the service still throttles
    /// (its budget is shared with other tools on the same account), the action slows down and recovers
    /// gradually as calls succeed.
    /// </summary>
    public sealed class ActionRateLimiter
    {
        private readonly ConcurrentDictionary<string, Bucket> _buckets = new ConcurrentDictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _ratePerSecond;

        public ActionRateLimiter(double ratePerSecond) { _ratePerSecond = ratePerSecond; }

        /// <summary>Requests per second per action; 0 or less disables the limit.</summary>
        public double RatePerSecond
        {
            get => Volatile.Read(ref _ratePerSecond);
            set => Volatile.Write(ref _ratePerSecond, value);
        }

        /// <summary>How much slower than the budget throttling may push an action.</summary>
        public const double MaxSlowdown = 16;

        public Task WaitAsync(string action, CancellationToken cancellationToken)
        {
            double rate = RatePerSecond;
            if (rate <= 0) return Task.CompletedTask;
            var bucket = _buckets.GetOrAdd(action, _ => new Bucket());
            double interval = Volatile.Read(ref bucket.Slowdown) / rate;
            double now = _clock.Elapsed.TotalSeconds;
            double slot;
            lock (bucket)
            {
                // Reserve the next free slot; an idle bucket may start now.
                slot = Math.Max(now, bucket.NextFree);
                bucket.NextFree = slot + interval;
            }
            double wait = slot - now;
            return wait <= 0.0005 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
        }

        /// <summary>The service throttled this action: halve its rate (down to 1/16 of the budget). Returns the new rate.</summary>
        public double Throttled(string action)
        {
            var bucket = _buckets.GetOrAdd(action, _ => new Bucket());
            lock (bucket) bucket.Slowdown = Math.Min(MaxSlowdown, bucket.Slowdown * 2);
            return CurrentRate(action);
        }

        /// <summary>A call went through: win back 5% of any slowdown.</summary>
        public void Succeeded(string action)
        {
            if (!_buckets.TryGetValue(action, out var bucket) || Volatile.Read(ref bucket.Slowdown) <= 1) return;
            lock (bucket) bucket.Slowdown = Math.Max(1, bucket.Slowdown * 0.95);
        }

        /// <summary>Requests per second the action is held to now.</summary>
        public double CurrentRate(string action) =>
            RatePerSecond / (_buckets.TryGetValue(action, out var bucket) ? Volatile.Read(ref bucket.Slowdown) : 1);

        private sealed class Bucket
        {
            public double NextFree;
            public double Slowdown = 1;
        }
    }
}
