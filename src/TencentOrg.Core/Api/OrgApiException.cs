using System;

namespace TencentOrg.Api
{
    /// <summary>Any failure of an Organization API call: the one type callers catch to report an item and go on.</summary>
    public abstract class OrgException : Exception
    {
        protected OrgException(string message, Exception? inner = null) : base(message, inner) { }
    }

    /// <summary>The service answered with Response.Error: a definitive, typed failure.</summary>
    public class OrgApiException : OrgException
    {
        public OrgApiException(string action, string code, string serviceMessage, string? requestId)
            : base(Format(action, ServerText.Clean(code)!, ServerText.Clean(serviceMessage)!, ServerText.Clean(requestId)))
        {
            // Code, message and RequestId come from the server: escaped once, here, before any stream or FQID shows them.
            Action = action;
            Code = ServerText.Clean(code)!;
            ServiceMessage = ServerText.Clean(serviceMessage)!;
            RequestId = ServerText.Clean(requestId);
        }

        public string Action { get; }
        /// <summary>Tencent error code, e.g. FailedOperation.OrganizationIdentityNameUsed.</summary>
        public string Code { get; }
        public string ServiceMessage { get; }
        public string? RequestId { get; }

        /// <summary>
        /// True when an earlier attempt of the same call failed in a way that may have applied it (timeout, reset, 5xx,
        /// InternalError) and this answer came to a resend: a "does not exist" after a delete was resent means done.
        /// </summary>
        public bool EarlierAttemptMayHaveApplied { get; internal set; }

        public bool IsRateLimit => Code == "RequestLimitExceeded" || Code.StartsWith("RequestLimitExceeded.", StringComparison.Ordinal);

        private static string Format(string action, string code, string message, string? requestId) =>
            action + " failed: " + code + ": " + message + (string.IsNullOrEmpty(requestId) ? "" : " (RequestId " + requestId + ")");
    }

    /// <summary>No usable answer: network failure, timeout, HTTP status other than 200, unreadable body.</summary>
    public class OrgTransportException : OrgException
    {
        public OrgTransportException(string action, string code, string message, bool mayHaveReachedServer, Exception? inner = null, bool retryable = true)
            : base(action + " failed: " + code + ": " + ServerText.Clean(message), inner)
        {
            Action = action;
            Code = code;
            MayHaveReachedServer = mayHaveReachedServer;
            IsRetryable = retryable;
        }

        public string Action { get; }
        /// <summary>Client-side code in the SDKs' style: ClientError.NetworkError, ClientError.HttpStatusCodeError, ClientError.ParseJsonError, ClientError.Timeout.</summary>
        public string Code { get; }
        /// <summary>False only when the request provably never left this machine (connection refused, DNS failure).</summary>
        public bool MayHaveReachedServer { get; }
        /// <summary>
        /// False when sending again cannot help (a redirect, an oversized body, a listing that does not end): the same
        /// server would answer the same way, so a read fails at once instead of after every retry.
        /// </summary>
        public bool IsRetryable { get; }
    }

    /// <summary>A create call failed in a way that leaves its effect unknown; the caller must read state before resending.</summary>
    public sealed class OrgAmbiguousResultException : OrgTransportException
    {
        public OrgAmbiguousResultException(string action, Exception cause)
            : base(action, "ClientError.AmbiguousResult", "the request may have been applied: " + cause.Message, true, cause)
        {
        }
    }

    /// <summary>
    /// Something the module itself looked for and did not find (a -Name or -IdentityId no listing returned): no service
    /// answered with an error, so there is no service code and no RequestId.
    /// </summary>
    public sealed class OrgNotFoundException : OrgException
    {
        public OrgNotFoundException(string message) : base(message) { }
    }

    /// <summary>No credential anywhere in the chain; raised before any request.</summary>
    public sealed class OrgCredentialNotFoundException : Exception
    {
        public OrgCredentialNotFoundException(string message) : base(message) { }
    }
}
