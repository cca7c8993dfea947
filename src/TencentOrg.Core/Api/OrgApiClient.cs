using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api.Http;
using TencentOrg.Credentials;
using TencentOrg.Models;

namespace TencentOrg.Api
{
    /// <summary>Whether resending a call is harmless.</summary>
    internal enum ApiCallKind
    {
        /// <summary>Reads: retried on any transient failure.</summary>
        Read,
        /// <summary>
        /// Creates: resent only when the request provably never reached the server; otherwise (including a throttling
        /// answer, which a server may give after applying it) OrgAmbiguousResultException, for ReconcilingWrite to read back.
        /// </summary>
        Write,
        /// <summary>
        /// Updates and deletes whose repetition converges to the same state: retried like reads. When a retry then fails
        /// with a definitive error (e.g. a delete's "does not exist"), the exception has EarlierAttemptMayHaveApplied set,
        /// so the caller can tell "already done by my first attempt" from a real failure.
        /// </summary>
        IdempotentWrite,
    }

    /// <summary>
    /// The one HTTP client for the Organization API: serialize, throttle, sign, send, parse, retry.
    /// Everything above it speaks in typed requests and responses; everything below is the wire.
    /// </summary>
    internal sealed class OrgApiClient
    {
        public static readonly string ModuleVersion =
            typeof(OrgApiClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        public static readonly string RequestClient = "PS_TENCENTORG_" + ModuleVersion;

        private readonly IOrgHttpTransport _transport;
        private readonly OrgCredential _credential;
        private readonly OrgClientOptions _options;
        private readonly ActionRateLimiter _rateLimiter;
        private long _clockOffsetSeconds;

        /// <summary>
        /// A client sending through <paramref name="handler"/> when given (tests, in-memory), else through the transport
        /// <see cref="TransportChoice"/> picks for the endpoint.
        /// </summary>
        public OrgApiClient(OrgCredential credential, OrgClientOptions options, ActionRateLimiter? rateLimiter = null, HttpMessageHandler? handler = null)
            : this(credential, options, rateLimiter, handler == null
                ? TransportChoice.For((options ?? throw new ArgumentNullException(nameof(options))).Endpoint, Environment.GetEnvironmentVariable)
                : HttpClientTransport.Over(handler))
        {
        }

        internal OrgApiClient(OrgCredential credential, OrgClientOptions options, ActionRateLimiter? rateLimiter, IOrgHttpTransport transport)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _rateLimiter = rateLimiter ?? new ActionRateLimiter(options.RequestsPerSecond);
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        }

        public OrgClientOptions Options => _options;
        /// <summary>Which transport carries the requests, and why when it is not the module's own.</summary>
        public string TransportName => _transport.Name;
        public OrgCredential Credential => _credential;
        /// <summary>Seconds added to the local clock after the server reported skew.</summary>
        public long ClockOffsetSeconds => Interlocked.Read(ref _clockOffsetSeconds);

        /// <summary>
        /// Sends one action and returns its Response object, or throws OrgApiException / OrgTransportException.
        /// A write is never resent here once it may have reached the server (a lost answer, a 5xx, InternalError, or a
        /// throttling answer, which a server may give after applying it): OrgAmbiguousResultException hands it to
        /// ReconcilingWrite, which reads back before any resend.
        /// </summary>
        public async Task<TResponse> CallAsync<TResponse>(string action, object request, ApiCallKind kind, IOrgLog? log, CancellationToken cancellationToken)
            where TResponse : ApiResponse
        {
            log ??= NullOrgLog.Instance;
            byte[] body = OrgJson.Serialize(request);
            var started = Stopwatch.StartNew();
            bool skewCorrected = false;
            bool mayHaveApplied = false;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A stopping command sends no new write; a call already sent finishes with its retries.
                if (attempt == 1 && kind != ApiCallKind.Read) SendGate.ThrowIfClosed(action);
                await _rateLimiter.WaitAsync(action, cancellationToken).ConfigureAwait(false);

                Exception failure;
                try
                {
                    var response = await SendOnceAsync<TResponse>(action, body, log, cancellationToken).ConfigureAwait(false);
                    if (response.Result is { } ok)
                    {
                        if (_rateLimiter.RatePerSecond > 0) _rateLimiter.Succeeded(action);
                        return ok;
                    }
                    var apiError = response.Error!;
                    if (apiError.IsRateLimit && _rateLimiter.RatePerSecond > 0)
                    {
                        log.Verbose(action + ": throttled by the service (" + apiError.Code + "); slowing to "
                            + _rateLimiter.Throttled(action).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " requests/s.");
                    }

                    if (apiError.Code == "AuthFailure.SignatureExpire" && !skewCorrected && response.ServerDate is { } serverDate)
                    {
                        // The request was rejected unapplied, so one resend with the server's clock is safe.
                        long offset = serverDate.ToUnixTimeSeconds() - DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                        Interlocked.Exchange(ref _clockOffsetSeconds, offset);
                        skewCorrected = true;
                        log.Warning("The local clock differs from the Tencent Cloud server clock by " + offset
                            + " s; the request timestamp was corrected and " + action + " is sent again. Synchronize this machine's clock.");
                        continue;
                    }
                    // A write that failed inside the service may or may not have been applied: the caller must read state.
                    if (kind == ApiCallKind.Write && (apiError.IsRateLimit || IsAmbiguousForWrite(apiError.Code)))
                        throw new OrgAmbiguousResultException(action, apiError);
                    if (!IsRetryable(apiError, kind))
                    {
                        apiError.EarlierAttemptMayHaveApplied = mayHaveApplied;
                        throw apiError;
                    }
                    if (IsAmbiguousForWrite(apiError.Code)) mayHaveApplied = true;
                    failure = apiError;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OrgTransportException transport)
                {
                    if (kind == ApiCallKind.Write && transport.MayHaveReachedServer)
                        throw new OrgAmbiguousResultException(action, transport);
                    if (!transport.IsRetryable) throw;
                    if (transport.MayHaveReachedServer) mayHaveApplied = true;
                    failure = transport;
                }

                TimeSpan delay = Backoff.Delay(attempt, _options.RetryBaseDelay, _options.RetryMaxDelay);
                if (attempt > _options.MaxRetries || started.Elapsed + delay > _options.MaxRetryTime)
                {
                    log.Verbose(action + ": giving up after " + attempt + " attempt(s) in " + (int)started.Elapsed.TotalMilliseconds + " ms.");
                    if (failure is OrgApiException last) last.EarlierAttemptMayHaveApplied = mayHaveApplied;
                    throw failure;
                }
                log.Verbose(action + ": " + Describe(failure) + "; retry " + attempt + "/" + _options.MaxRetries
                    + " in " + (int)delay.TotalMilliseconds + " ms.");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool IsRetryable(OrgApiException error, ApiCallKind kind)
        {
            // Reads and idempotent writes are resent after throttling; creates never get here (see CallAsync).
            if (error.IsRateLimit) return true;
            if (kind == ApiCallKind.Write) return false;
            return error.Code == "InternalError" || error.Code == "ServiceUnavailable"
                || error.Code == "ResourceUnavailable" || error.Code == "ResourceInUse";
        }

        /// <summary>Service answers that do not say whether a write ran: it may have been applied before the failure.</summary>
        internal static bool IsAmbiguousForWrite(string code) =>
            code == "InternalError" || code.StartsWith("InternalError.", StringComparison.Ordinal)
            || code == "ServiceUnavailable" || code == "ResourceUnavailable" || code == "FailedOperation.DBOperationError";

        private static string Describe(Exception failure) =>
            failure is OrgApiException api ? api.Code + (api.RequestId == null ? "" : " (RequestId " + api.RequestId + ")")
            : failure is OrgTransportException t ? t.Code + ": " + (t.InnerException?.Message ?? t.Message)
            : failure.Message;

        private readonly struct Attempt<TResponse>
        {
            public Attempt(TResponse? result, OrgApiException? error, DateTimeOffset? serverDate)
            {
                Result = result;
                Error = error;
                ServerDate = serverDate;
            }

            public TResponse? Result { get; }
            public OrgApiException? Error { get; }
            public DateTimeOffset? ServerDate { get; }
        }

        private async Task<Attempt<TResponse>> SendOnceAsync<TResponse>(string action, byte[] body, IOrgLog log, CancellationToken cancellationToken)
            where TResponse : ApiResponse
        {
            var request = BuildRequest(action, body);
            // The trace text (headers, redaction regex, body) costs as much as the rest of the client: built only when read.
            bool trace = OrgLog.WantsDebug(log);
            if (trace) log.Debug(HttpTrace.Request(request));

            // No caller token (the common case for the shared client): a plain source, no linked registration.
            using var timeout = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
            timeout.CancelAfter(_options.Timeout);
            OrgHttpAnswer answer;
            try
            {
                answer = await _transport.SendAsync(request, _options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OrgTransportException(action, "ClientError.Timeout",
                    "no response within " + _options.Timeout.TotalSeconds + " s", mayHaveReachedServer: true);
            }

            // The body sits in a pooled buffer: everything that reads it happens before it goes back.
            using (answer)
            {
                if (OrgHttpAnswer.IsRedirect(answer.StatusCode)) throw RedirectRefused(action, answer);
                if (trace) log.Debug(HttpTrace.Response(answer));
                return ParseAnswer<TResponse>(action, answer);
            }
        }

        private static Attempt<TResponse> ParseAnswer<TResponse>(string action, OrgHttpAnswer answer)
            where TResponse : ApiResponse
        {
            if (answer.StatusCode != 200)
            {
                throw new OrgTransportException(action, "ClientError.HttpStatusCodeError",
                    "HTTP " + answer.StatusCode + " " + answer.ReasonPhrase, mayHaveReachedServer: true);
            }

            ResponseEnvelope<TResponse>? envelope;
            try
            {
                envelope = OrgJson.DeserializeEnvelope<TResponse>(answer.Body.Span);
            }
            catch (JsonException ex)
            {
                throw new OrgTransportException(action, "ClientError.ParseJsonError", "the response is not valid JSON: " + ex.Message, true, ex);
            }
            var result = envelope?.Response
                ?? throw new OrgTransportException(action, "ClientError.ParseJsonError", "the response has no Response object", true);
            if (result.Error != null)
            {
                return new Attempt<TResponse>(default, new OrgApiException(action, result.Error.Code ?? "UnknownError",
                    result.Error.Message ?? "", result.RequestId), answer.Date);
            }
            // An answer without the result it always carries is not a success (an IdentityId of 0, a task without TaskId).
            if (ResponseValidator.FirstMissing(result) is { } missing)
            {
                throw new OrgTransportException(action, "ClientError.ParseJsonError",
                    "the response has no " + missing + ", which the API always returns" + (string.IsNullOrEmpty(result.RequestId) ? "" : " (RequestId " + result.RequestId + ")"), true);
            }
            result.RequestId = ServerText.Clean(result.RequestId);
            return new Attempt<TResponse>(result, null, null);
        }

        private OrgHttpRequest BuildRequest(string action, byte[] body)
        {
            Uri endpoint = _options.Endpoint;
            long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ClockOffsetSeconds;
            string host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;
            var signature = _credential.Signer.Sign(new Tc3Request
            {
                Method = "POST",
                Host = host,
                Service = OrgClientOptions.ServiceName,
                ContentType = OrgHttpHeaders.JsonMediaType,
                Payload = body,
                Timestamp = timestamp,
            });

            // The signed Content-Type goes first and as signed, byte for byte.
            var headers = new List<KeyValuePair<string, string>>(9)
            {
                new KeyValuePair<string, string>(OrgHttpHeaders.ContentType, OrgHttpHeaders.JsonMediaType),
                new KeyValuePair<string, string>("Authorization", signature.Authorization),
                new KeyValuePair<string, string>("X-TC-Action", action),
                new KeyValuePair<string, string>("X-TC-Version", OrgClientOptions.ApiVersion),
                new KeyValuePair<string, string>("X-TC-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (!string.IsNullOrEmpty(_options.Region)) headers.Add(new KeyValuePair<string, string>("X-TC-Region", _options.Region!));
            if (_credential.SessionToken is { Length: > 0 } token) headers.Add(new KeyValuePair<string, string>("X-TC-Token", token));
            headers.Add(new KeyValuePair<string, string>("X-TC-Language", _options.Language));
            headers.Add(new KeyValuePair<string, string>("X-TC-RequestClient", RequestClient));
            return new OrgHttpRequest(action, endpoint, host, headers, body);
        }

        /// <summary>
        /// Redirects are never followed: the signed body and X-TC-Token would go to a host nobody chose, and a 302/303 would
        /// turn a create into a GET. The server's Location is named (shortened, control characters dropped) so a proxy is easy to spot.
        /// </summary>
        private static OrgTransportException RedirectRefused(string action, OrgHttpAnswer answer)
        {
            string location = answer.Location ?? "(no Location header)";
            var clean = new StringBuilder(Math.Min(location.Length, 200));
            foreach (char c in location)
            {
                if (clean.Length == 200) { clean.Append("..."); break; }
                if (!char.IsControl(c)) clean.Append(c);
            }
            return new OrgTransportException(action, "ClientError.HttpStatusCodeError",
                "HTTP " + answer.StatusCode + " " + answer.ReasonPhrase + " redirects to " + clean
                + "; redirects are not followed. Check -Endpoint (and any proxy in between).",
                mayHaveReachedServer: true, retryable: false);
        }
    }

    /// <summary>A response body in a buffer rented from the shared pool; valid until disposed, which returns the buffer.</summary>
    internal readonly struct ResponseBody : IDisposable
    {
        public ResponseBody(byte[] buffer, int length)
        {
            Buffer = buffer;
            Length = length;
        }

        public byte[] Buffer { get; }
        public int Length { get; }
        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(Buffer, 0, Length);

        /// <summary>Returns the buffer; a default body (a redirect's, never read) has none.</summary>
        public void Dispose()
        {
            if (Buffer != null) ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
