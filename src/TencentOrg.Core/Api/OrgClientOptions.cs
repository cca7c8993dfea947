using System;

namespace TencentOrg.Api
{
    /// <summary>Transport settings for one connection to the Organization API.</summary>
    internal sealed class OrgClientOptions
    {
        public const string ApiVersion = "2021-03-31";
        public const string ServiceName = "organization";

        public Uri Endpoint { get; set; } = OrgEndpoint.ForSite(OrgSite.China);
        /// <summary>Sent as X-TC-Region only when set; no Organization action needs it.</summary>
        public string? Region { get; set; }
        /// <summary>zh-CN or en-US: the language of error messages.</summary>
        public string Language { get; set; } = "en-US";
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>The service allows 20 requests/second per action and account.</summary>
        public const double DefaultRequestsPerSecond = 20;

        private double? _askedRequestsPerSecond;

        /// <summary>Client-side budget per action: what was set, else the default.</summary>
        public double RequestsPerSecond
        {
            get => _askedRequestsPerSecond ?? DefaultRequestsPerSecond;
            set => _askedRequestsPerSecond = value;
        }

        /// <summary>Set only when someone asked for a budget (Connect-TcOrg -RequestsPerSecond); other sessions follow the asks.</summary>
        public double? AskedRequestsPerSecond => _askedRequestsPerSecond;

        /// <summary>
        /// Batched calls to keep in flight: enough to fill the per-action budget at ~200 ms per call (the token bucket
        /// does the pacing, so more in flight never means more than the budget per second), bounded for memory and threads.
        /// </summary>
        internal static int CallsInFlightFor(double requestsPerSecond) =>
            requestsPerSecond <= 0 ? 16 : Math.Max(4, Math.Min(16, (int)Math.Ceiling(requestsPerSecond / 5)));
        public int MaxRetries { get; set; } = 5;
        public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromSeconds(120);
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Largest response body read, in bytes (32 MiB). The biggest real answer (a 100-row page) is well under 1 MiB;
        /// a larger body is a broken or hostile server, so reading stops there with ClientError.ResponseTooLarge.
        /// </summary>
        public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;
        public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        public OrgClientOptions Clone() => (OrgClientOptions)MemberwiseClone();
    }
}
