using System;

namespace TencentOrg.Api
{
    /// <summary>The one backoff rule for resends: the client's retries and ReconcilingWrite's resends after a read-back.</summary>
    internal static class Backoff
    {
        private static readonly Random Jitter = new Random();

        /// <summary>Exponential backoff with jitter, capped: attempt n waits between half and all of min(max, base x 2^(n-1)).</summary>
        public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            double ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
            double jittered;
            lock (Jitter) jittered = ceiling / 2 + Jitter.NextDouble() * ceiling / 2;
            return TimeSpan.FromMilliseconds(jittered);
        }
    }
}
