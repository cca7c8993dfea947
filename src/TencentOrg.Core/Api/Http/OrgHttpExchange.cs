using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Api.Http
{
    /// <summary>One signed POST to the API: everything a transport puts on the wire.</summary>
    internal sealed class OrgHttpRequest
    {
        public OrgHttpRequest(string action, Uri endpoint, string host, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
        {
            Action = action;
            Endpoint = endpoint;
            Host = host;
            Headers = headers;
            Body = body;
        }

        public string Action { get; }
        public Uri Endpoint { get; }
        /// <summary>The Host header, as signed.</summary>
        public string Host { get; }
        /// <summary>Every header but Host and Content-Length, Content-Type first.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
        public byte[] Body { get; }
    }

    /// <summary>What came back: status, the two headers the client reads, and the body in a pooled buffer (returned on Dispose).</summary>
    internal sealed class OrgHttpAnswer : IDisposable
    {
        private readonly string? _dateText;

        /// <summary><paramref name="dateText"/>: the Date header as sent, parsed only when someone asks.</summary>
        public OrgHttpAnswer(int statusCode, string reasonPhrase, string? dateText, string? location, ResponseBody body)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            _dateText = dateText;
            Location = location;
            Body = body;
        }

        public int StatusCode { get; }
        public string ReasonPhrase { get; }
        /// <summary>The server's clock (RFC 1123), for the one skew correction; null when missing or unreadable.</summary>
        public DateTimeOffset? Date =>
            _dateText != null && DateTimeOffset.TryParseExact(_dateText, "r", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
        /// <summary>Only read to name a refused redirect.</summary>
        public string? Location { get; }
        /// <summary>Empty for a redirect: its body is never read.</summary>
        public ResponseBody Body { get; }

        public static bool IsRedirect(int status) => status >= 300 && status < 400;

        public void Dispose() => Body.Dispose();
    }

    /// <summary>
    /// Puts one request on the wire and reads its answer under the size cap. Throws OrgTransportException for anything
    /// the network or the server's HTTP did wrong, and OperationCanceledException when the token fires.
    /// </summary>
    internal interface IOrgHttpTransport
    {
        /// <summary>Which transport, and why when it is not the module's own (Get-TcOrgContext shows it).</summary>
        string Name { get; }

        Task<OrgHttpAnswer> SendAsync(OrgHttpRequest request, long maxResponseBytes, CancellationToken cancellationToken);
    }

    /// <summary>The response size rule both transports apply.</summary>
    internal static class ResponseLimit
    {
        // The largest byte array .NET Framework and .NET allow.
        internal const int MaxArrayLength = 0x7FFFFFC7;

        /// <summary>The most bytes to read: one past the cap is room enough to see that a stream is longer than allowed.</summary>
        public static long ReadLimit(long maxBytes) => maxBytes >= MaxArrayLength ? MaxArrayLength : maxBytes + 1;

        public static OrgTransportException TooLarge(string action, long maxBytes, string what) =>
            new OrgTransportException(action, "ClientError.ResponseTooLarge",
                "the response " + what + " than the limit of " + maxBytes + " bytes (OrgClientOptions.MaxResponseBytes); reading stopped",
                mayHaveReachedServer: true, retryable: false);
    }
}

namespace TencentOrg.Api.Http
{
    internal static class OrgHttpHeaders
    {
        public const string ContentType = "Content-Type";
        public const string JsonMediaType = "application/json";
    }
}
