using System.Diagnostics;

namespace TencentOrg.Emulator;

/// <summary>Token bucket per action: burst up to the rate, refilled continuously at rate per second.</summary>
public sealed class RateLimiter
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryAcquire(string action, double ratePerSecond)
    {
        if (ratePerSecond <= 0) return true;
        double now = Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        double capacity = Math.Max(1, ratePerSecond);
        lock (_buckets)
        {
            if (!_buckets.TryGetValue(action, out var bucket))
            {
                bucket = new Bucket { Tokens = capacity, Last = now };
                _buckets[action] = bucket;
            }
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (now - bucket.Last) * ratePerSecond);
            bucket.Last = now;
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    public void Reset()
    {
        lock (_buckets) _buckets.Clear();
    }

    private sealed class Bucket
    {
        public double Tokens;
        public double Last;
    }
}
