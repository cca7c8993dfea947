using System;
using System.Net;

namespace TencentOrg.Api
{
    public enum OrgSite
    {
        China,
        International,
    }

    /// <summary>Resolves and checks the Organization API endpoint.</summary>
    internal static class OrgEndpoint
    {
        public const string ChinaHost = "organization.tencentcloudapi.com";
        public const string InternationalHost = "organization.intl.tencentcloudapi.com";
        /// <summary>Overrides the endpoint for unattended runs (runbooks, tests, the emulator).</summary>
        public const string EndpointVariable = "TCORG_ENDPOINT";

        public static Uri ForSite(OrgSite site) =>
            new Uri("https://" + (site == OrgSite.International ? InternationalHost : ChinaHost) + "/");

        /// <summary>Explicit endpoint wins, then TCORG_ENDPOINT, then the site's host.</summary>
        public static Uri Resolve(Uri? explicitEndpoint, OrgSite site, Func<string, string?> getEnv)
        {
            if (explicitEndpoint != null) return Validate(explicitEndpoint);
            string? fromEnv = getEnv(EndpointVariable);
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                if (!Uri.TryCreate(fromEnv!.Trim(), UriKind.Absolute, out var parsed))
                    throw new ArgumentException(EndpointVariable + " is not an absolute URI" + (fromEnv.IndexOf('@') >= 0 ? "." : ": '" + ServerText.Clean(fromEnv) + "'."));
                try
                {
                    return Validate(parsed);
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException(EndpointVariable + ": " + ex.Message, ex);
                }
            }
            return ForSite(site);
        }

        /// <summary>Only https, except plain http to a loopback host (the local emulator): keys must not cross a network in clear.</summary>
        public static Uri Validate(Uri endpoint)
        {
            if (!endpoint.IsAbsoluteUri)
                throw new ArgumentException("The endpoint must be an absolute URI such as https://organization.tencentcloudapi.com/.");
            // Never echo the userinfo: it may be a password.
            string shown = ServerText.Clean(endpoint.Scheme + "://" + (endpoint.UserInfo.Length > 0 ? "***@" : "") + endpoint.Authority)!;
            if (endpoint.UserInfo.Length > 0)
                throw new ArgumentException("The endpoint '" + shown + "/' carries a user name or password: the API is signed with the key, give the endpoint without 'user:password@'.");
            if (endpoint.AbsolutePath != "/")
                throw new ArgumentException("The endpoint '" + shown + "' has the path '" + ServerText.Clean(endpoint.AbsolutePath) + "': the API is served at '/' only; give " + shown + "/.");
            if (endpoint.Query.Length > 0 || endpoint.OriginalString.IndexOf('?') >= 0)
                throw new ArgumentException("The endpoint '" + shown + "/' has a query ('?...', not shown: it may hold a secret): give the endpoint without it.");
            if (endpoint.Fragment.Length > 0 || endpoint.OriginalString.IndexOf('#') >= 0)
                throw new ArgumentException("The endpoint '" + shown + "/' has a fragment ('#...', not shown: it may hold a secret): give the endpoint without it.");
            if (endpoint.Scheme == Uri.UriSchemeHttps) return Normalize(endpoint);
            if (endpoint.Scheme == Uri.UriSchemeHttp)
            {
                if (IsLoopback(endpoint)) return Normalize(endpoint);
                throw new ArgumentException("Refusing plain http:// endpoint '" + endpoint.GetLeftPart(UriPartial.Authority)
                    + "': only https is allowed, except to a loopback address (127.0.0.1, ::1, localhost).");
            }
            throw new ArgumentException("Unsupported endpoint scheme '" + endpoint.Scheme + "': use https.");
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

        private static Uri Normalize(Uri uri) => new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
