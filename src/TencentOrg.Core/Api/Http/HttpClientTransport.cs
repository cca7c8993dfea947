using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TencentOrg.Api.Http
{
    /// <summary>
    /// The transport through System.Net.Http: used for a handler a caller hands in (tests, in-memory) and whenever a proxy
    /// applies to the endpoint or the user chose it (<see cref="TransportChoice"/>).
    /// </summary>
    internal sealed class HttpClientTransport : IOrgHttpTransport
    {
        private static readonly Lazy<HttpClient> SharedHttp = new Lazy<HttpClient>(CreateHttpClient);
        private static readonly Lazy<HttpClientTransport> SharedInstance = new Lazy<HttpClientTransport>(() => new HttpClientTransport(SharedHttp.Value, "HttpClient (TCORG_HTTP_TRANSPORT)", null));
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue(OrgHttpHeaders.JsonMediaType);

        private readonly HttpClient _http;
        private readonly Uri? _proxy;

        private HttpClientTransport(HttpClient http, string name, Uri? proxy)
        {
            _http = http;
            Name = name;
            _proxy = proxy;
        }

        public string Name { get; }

        /// <summary>One client for the process: pooled connections, the system proxy honoured.</summary>
        public static HttpClientTransport Shared => SharedInstance.Value;

        /// <summary>The shared client, for an endpoint a proxy applies to: its errors name the proxy.</summary>
        public static HttpClientTransport Through(Uri? proxy) =>
            new HttpClientTransport(SharedHttp.Value, "HttpClient (proxy " + (proxy?.ToString() ?? "of the system settings") + ")", proxy);

        public static HttpClientTransport Over(HttpMessageHandler handler)
        {
            NeverRedirect(handler);
            return new HttpClientTransport(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, "HttpClient (handler)", null);
        }

        public async Task<OrgHttpAnswer> SendAsync(OrgHttpRequest request, long maxResponseBytes, CancellationToken cancellationToken)
        {
            using var message = ToMessage(request);
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                // The header as sent: both transports read the server's clock by the one rule in OrgHttpAnswer.Date.
                string? date = response.Headers.TryGetValues("Date", out var dates) ? System.Linq.Enumerable.FirstOrDefault(dates) : null;
                // Disposing an unread body lets the handler drain at most 1 MB of it before it closes the connection.
                if (OrgHttpAnswer.IsRedirect(status))
                    return new OrgHttpAnswer(status, response.ReasonPhrase ?? "", date, response.Headers.Location?.OriginalString, default);
                var body = await ReadBodyAsync(request.Action, response, maxResponseBytes, cancellationToken).ConfigureAwait(false);
                return new OrgHttpAnswer(status, response.ReasonPhrase ?? "", date, null, body);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException || ex is SocketException)
            {
                if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
                bool neverSent = NeverReachedServer(ex);
                // A proxy's failure reads like the endpoint's: say which proxy, and how to go around it.
                string through = _proxy == null ? "" : " (through the proxy " + _proxy.GetLeftPart(UriPartial.Authority) + "; NO_PROXY names hosts to reach directly)";
                throw new OrgTransportException(request.Action, "ClientError.NetworkError", Innermost(ex).Message + through, !neverSent, ex);
            }
        }

        private static HttpRequestMessage ToMessage(OrgHttpRequest request)
        {
            // ByteArrayContent with an explicit header: the signed Content-Type must equal the sent one byte for byte.
            var content = new ByteArrayContent(request.Body);
            var message = new HttpRequestMessage(HttpMethod.Post, request.Endpoint) { Content = content };
            message.Headers.Host = request.Host;
            foreach (var header in request.Headers)
            {
                if (header.Key == OrgHttpHeaders.ContentType) content.Headers.ContentType = JsonContentType;
                else message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return message;
        }

        /// <summary>
        /// Reads the body into a pooled buffer, up to maxBytes: a larger announced length is refused unread, a longer stream is
        /// cut off as soon as it passes the cap. The buffer starts at Content-Length (or 16 KB) and doubles, so a usual answer
        /// costs no allocation and a large one is copied a few times at most; the caller disposes the result to return it.
        /// </summary>
        internal static async Task<ResponseBody> ReadBodyAsync(string action, HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
        {
            long? announced = response.Content.Headers.ContentLength;
            if (announced > maxBytes) throw ResponseLimit.TooLarge(action, maxBytes, "announces " + announced + " bytes, more");
            long most = ResponseLimit.ReadLimit(maxBytes);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(most, announced is long n && n > 0 ? n + 1 : 16 * 1024));
            int count = 0;
            try
            {
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        if (count >= most) throw ResponseLimit.TooLarge(action, maxBytes, "is longer than an array can hold, and");
                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(most, buffer.Length * 2L));
                        Buffer.BlockCopy(buffer, 0, larger, 0, count);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    // ReadAsStreamAsync has no token on netstandard2.0; ReadAsync does.
                    int read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
                    if (read == 0) return new ResponseBody(buffer, count);
                    count += read;
                    if (count > maxBytes) throw ResponseLimit.TooLarge(action, maxBytes, "is longer");
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        /// <summary>Redirects off on every handler the client sends through, also one wrapped in delegating handlers.</summary>
        private static void NeverRedirect(HttpMessageHandler? handler)
        {
            while (handler is DelegatingHandler outer) handler = outer.InnerHandler;
            if (handler is HttpClientHandler inner && inner.AllowAutoRedirect) inner.AllowAutoRedirect = false;
        }

        /// <summary>
        /// True only for failures that happen before any byte is sent: refused connection, unknown host. A socket error below
        /// an IOException happened on an established connection, after which the request may have gone out.
        /// </summary>
        internal static bool NeverReachedServer(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is IOException) return false;
                if (e is SocketException se)
                {
                    switch (se.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
                if (e is WebException we && (we.Status == WebExceptionStatus.ConnectFailure
                    || we.Status == WebExceptionStatus.NameResolutionFailure
                    || we.Status == WebExceptionStatus.ProxyNameResolutionFailure))
                {
                    return true;
                }
            }
            return false;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        private static HttpClient CreateHttpClient()
        {
            var handler = new HttpClientHandler
            {
                UseProxy = true,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }
}
