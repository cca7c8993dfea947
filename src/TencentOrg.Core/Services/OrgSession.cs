using System;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>
    /// One connection: credential, transport options, the API client and what was discovered once
    /// (the CIC zone). Created by Connect-TcOrg or implicitly from the environment.
    /// </summary>
    internal sealed class OrgSession : IDisposable
    {
        private string? _zoneId;

        public OrgSession(OrgCredential credential, OrgClientOptions options, OrgSite site, bool isExplicit, System.Net.Http.HttpMessageHandler? handler = null)
        {
            Credential = credential;
            Options = options;
            Site = site;
            IsExplicit = isExplicit;
            // The service budget is per account and action: sessions with the same key and endpoint share one limiter.
            var limiter = RateBudgets.For(credential.SecretId, options.Endpoint);
            RateLease = limiter.Join(options.AskedRequestsPerSecond);
            Client = new OrgApiClient(credential, options, limiter, handler);
        }

        public OrgCredential Credential { get; }
        public OrgClientOptions Options { get; }
        public OrgSite Site { get; }
        /// <summary>True when made by Connect-TcOrg; false when resolved from the environment for one command.</summary>
        public bool IsExplicit { get; }
        public OrgApiClient Client { get; }
        /// <summary>This session's ask for -RequestsPerSecond; InForcePerSecond is what all sessions with the key get.</summary>
        public RateLease RateLease { get; }
        public string? CachedZoneId => Volatile.Read(ref _zoneId);

        /// <summary>The session ends: its -RequestsPerSecond ask is withdrawn now, so the budget goes back to what live sessions ask.</summary>
        public void Dispose() => RateLease.Dispose();

        public void SetZoneId(string zoneId) => Volatile.Write(ref _zoneId, zoneId);

        /// <summary>The CIC zone of this organization, asked once with DescribeIdentityCenter.</summary>
        public async Task<string> GetZoneIdAsync(IOrgLog log, CancellationToken cancellationToken)
        {
            var cached = CachedZoneId;
            if (cached != null) return cached;
            var center = await Client.CallAsync<DescribeIdentityCenterResponse>("DescribeIdentityCenter", new EmptyRequest(), ApiCallKind.Read, log, cancellationToken).ConfigureAwait(false);
            // A zone of a disabled CIC would only make every later call fail; say so once, here.
            if (string.IsNullOrEmpty(center.ZoneId) || string.Equals(center.ServiceStatus, "Disabled", StringComparison.OrdinalIgnoreCase))
                throw new OrgApiException("DescribeIdentityCenter", "FailedOperation.IdentityCenterNotOpen",
                    "CIC (Identity Center) is not enabled for this organization" + (string.IsNullOrEmpty(center.ZoneId) ? "." : " (zone " + center.ZoneId + " is Disabled)."), center.RequestId);
            log.Verbose("Using CIC zone " + center.ZoneId + " (" + center.ZoneName + ") from DescribeIdentityCenter.");
            SetZoneId(center.ZoneId!);
            return center.ZoneId!;
        }
    }
}
