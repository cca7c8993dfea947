using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Api
{
    /// <summary>
    /// Token bucket per action. Capacity is one token so requests leave evenly spaced and a bulk
    /// pipeline never bursts past the service's per-second limit.
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

        public Task WaitAsync(string action, CancellationToken cancellationToken)
        {
            double rate = RatePerSecond;
            if (rate <= 0) return Task.CompletedTask;
            var bucket = _buckets.GetOrAdd(action, _ => new Bucket());
            double interval = 1.0 / rate;
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

        private sealed class Bucket
        {
            public double NextFree;
        }
    }
}
