using System;
using System.Security.Cryptography;
using System.Text;

namespace TencentOrg.Api
{
    /// <summary>What one TC3-HMAC-SHA256 signature covers.</summary>
    internal sealed class Tc3Request
    {
        public string Method { get; set; } = "POST";
        public string Host { get; set; } = "";
        public string Service { get; set; } = "organization";
        /// <summary>Exactly the Content-Type header value sent on the wire.</summary>
        public string ContentType { get; set; } = "application/json";
        /// <summary>Exactly the query string sent (empty for POST).</summary>
        public string QueryString { get; set; } = "";
        public byte[] Payload { get; set; } = Array.Empty<byte>();
        /// <summary>Unix seconds; also sent as X-TC-Timestamp.</summary>
        public long Timestamp { get; set; }
    }

    /// <summary>Every intermediate value, so tests can compare each against the SDK's vectors.</summary>
    internal sealed class Tc3Signature
    {
        // CanonicalRequest and StringToSign are only read by tests and traces: they are rebuilt on first
        // read from what was hashed, so a request pays for the Authorization header alone.
        private readonly Tc3Signer.Parts? _parts;
        private string? _canonicalRequest;
        private string? _stringToSign;

        internal Tc3Signature(string date, string canonicalRequest, string stringToSign, string signature, string authorization)
        {
            Date = date;
            _canonicalRequest = canonicalRequest;
            _stringToSign = stringToSign;
            Signature = signature;
            Authorization = authorization;
        }

        internal Tc3Signature(string date, Tc3Signer.Parts parts, string signature, string authorization)
        {
            Date = date;
            _parts = parts;
            Signature = signature;
            Authorization = authorization;
        }

        public string Date { get; }
        public string CanonicalRequest => _canonicalRequest ??= _parts!.CanonicalRequest();
        public string StringToSign => _stringToSign ??= _parts!.StringToSign();
        public string Signature { get; }
        public string Authorization { get; }
    }

    /// <summary>
    /// TC3-HMAC-SHA256 request signer (spec §8). Holds one secret key; the derived
    /// signing key is cached per UTC date because it only changes once a day.
    /// Signing reuses one SHA-256 and one HMAC instance per thread and writes the canonical request and
    /// string to sign into per-thread buffers, so a signature allocates little more than its header text.
    /// </summary>
    internal sealed class Tc3Signer
    {
        public const string Algorithm = "TC3-HMAC-SHA256";
        public const string SignedHeaders = "content-type;host";

        private readonly string _secretId;
        private readonly byte[] _secretKeyBytes;
        private DerivedKey? _cached;

        [ThreadStatic] private static SHA256? t_sha;
        [ThreadStatic] private static HMACSHA256? t_hmac;
        [ThreadStatic] private static byte[]? t_hmacKey;
        [ThreadStatic] private static TextBuffer? t_text;
        [ThreadStatic] private static byte[]? t_bytes;

        public Tc3Signer(string secretId, string secretKey)
        {
            if (string.IsNullOrEmpty(secretId)) throw new ArgumentException("SecretId is empty.", nameof(secretId));
            if (string.IsNullOrEmpty(secretKey)) throw new ArgumentException("SecretKey is empty.", nameof(secretKey));
            _secretId = secretId;
            _secretKeyBytes = Encoding.UTF8.GetBytes("TC3" + secretKey);
        }

        public string SecretId => _secretId;

        public Tc3Signature Sign(Tc3Request request)
        {
            var key = SigningKey(request.Timestamp, request.Service);
            var sha = t_sha ??= SHA256.Create();
            var parts = new Parts(request.Method, request.QueryString, request.ContentType, request.Host,
                sha.ComputeHash(request.Payload ?? Array.Empty<byte>()), request.Timestamp, key.Scope);

            var text = t_text ??= new TextBuffer();
            text.Clear();
            parts.WriteCanonicalRequest(text);
            parts.CanonicalHash = sha.ComputeHash(Utf8(text, out int length), 0, length);

            text.Clear();
            parts.WriteStringToSign(text);
            byte[] signatureBytes = Hmac(key.Key).ComputeHash(Utf8(text, out length), 0, length);

            text.Clear();
            text.AppendHex(signatureBytes);
            string signature = text.ToString();

            text.Clear();
            text.Append(Algorithm).Append(" Credential=").Append(_secretId).Append('/').Append(key.Scope)
                .Append(", SignedHeaders=").Append(SignedHeaders).Append(", Signature=").Append(signature);
            return new Tc3Signature(key.Date, parts, signature, text.ToString());
        }

        public static string CanonicalRequest(Tc3Request request) =>
            request.Method.ToUpperInvariant() + "\n/\n" + request.QueryString + "\n"
            + "content-type:" + request.ContentType + "\nhost:" + request.Host + "\n\n"
            + SignedHeaders + "\n" + Sha256Hex(request.Payload);

        /// <summary>The date in the scope is always the UTC date of the timestamp, never local time.</summary>
        public static string UtcDate(long unixSeconds) =>
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(unixSeconds)
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public static string Sha256Hex(byte[] data)
        {
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(data));
        }

        private static long UtcDay(long unixSeconds) => unixSeconds >= 0 ? unixSeconds / 86400 : (unixSeconds - 86399) / 86400;

        private DerivedKey SigningKey(long timestamp, string service)
        {
            long day = UtcDay(timestamp);
            var cached = _cached;
            if (cached != null && cached.Day == day && cached.Service == service) return cached;

            string date = UtcDate(timestamp);
            byte[] kDate = HmacOnce(_secretKeyBytes, date);
            byte[] kService = HmacOnce(kDate, service);
            byte[] kSigning = HmacOnce(kService, "tc3_request");
            var derived = new DerivedKey(day, date, service, kSigning);
            _cached = derived;
            return derived;
        }

        /// <summary>This thread's HMAC keyed with the signing key; re-keyed only when another key is used.</summary>
        private static HMACSHA256 Hmac(byte[] key)
        {
            var hmac = t_hmac;
            if (hmac != null && ReferenceEquals(t_hmacKey, key)) return hmac;
            hmac?.Dispose();
            t_hmac = hmac = new HMACSHA256(key);
            t_hmacKey = key;
            return hmac;
        }

        private static byte[] HmacOnce(byte[] key, string message)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
        }

        private static byte[] Utf8(TextBuffer text, out int length)
        {
            int max = Encoding.UTF8.GetMaxByteCount(text.Length);
            var bytes = t_bytes;
            if (bytes == null || bytes.Length < max) t_bytes = bytes = new byte[Math.Max(max, 1024)];
            length = Encoding.UTF8.GetBytes(text.Chars, 0, text.Length, bytes, 0);
            return bytes;
        }

        private static string ToHex(byte[] bytes)
        {
            var text = new TextBuffer();
            text.AppendHex(bytes);
            return text.ToString();
        }

        /// <summary>What the canonical request and string to sign are made of.</summary>
        internal sealed class Parts
        {
            private readonly string _method;
            private readonly string _queryString;
            private readonly string _contentType;
            private readonly string _host;
            private readonly byte[] _payloadHash;
            private readonly long _timestamp;
            private readonly string _scope;

            public Parts(string method, string queryString, string contentType, string host, byte[] payloadHash, long timestamp, string scope)
            {
                _method = method;
                _queryString = queryString;
                _contentType = contentType;
                _host = host;
                _payloadHash = payloadHash;
                _timestamp = timestamp;
                _scope = scope;
            }

            public byte[] CanonicalHash { get; set; } = Array.Empty<byte>();

            public void WriteCanonicalRequest(TextBuffer text) =>
                text.Append(_method.ToUpperInvariant()).Append("\n/\n").Append(_queryString).Append('\n')
                    .Append("content-type:").Append(_contentType).Append("\nhost:").Append(_host).Append("\n\n")
                    .Append(SignedHeaders).Append('\n').AppendHex(_payloadHash);

            public void WriteStringToSign(TextBuffer text) =>
                text.Append(Algorithm).Append('\n').Append(_timestamp).Append('\n').Append(_scope).Append('\n').AppendHex(CanonicalHash);

            public string CanonicalRequest()
            {
                var text = new TextBuffer();
                WriteCanonicalRequest(text);
                return text.ToString();
            }

            public string StringToSign()
            {
                var text = new TextBuffer();
                WriteStringToSign(text);
                return text.ToString();
            }
        }

        /// <summary>A growable char buffer (netstandard2.0 has no string.Create / span formatting).</summary>
        internal sealed class TextBuffer
        {
            private const string HexDigits = "0123456789abcdef";

            public char[] Chars = new char[512];
            public int Length;

            public void Clear() => Length = 0;

            private void Ensure(int extra)
            {
                if (Length + extra <= Chars.Length) return;
                var bigger = new char[Math.Max(Chars.Length * 2, Length + extra)];
                Array.Copy(Chars, bigger, Length);
                Chars = bigger;
            }

            public TextBuffer Append(string? value)
            {
                if (string.IsNullOrEmpty(value)) return this;
                Ensure(value!.Length);
                value.CopyTo(0, Chars, Length, value.Length);
                Length += value.Length;
                return this;
            }

            public TextBuffer Append(char value)
            {
                Ensure(1);
                Chars[Length++] = value;
                return this;
            }

            public TextBuffer Append(long value)
            {
                if (value < 0)
                {
                    // Never sent (timestamps are positive); keep the invariant text without a fast path.
                    return Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                Ensure(20);
                int start = Length;
                do
                {
                    Chars[Length++] = (char)('0' + (int)(value % 10));
                    value /= 10;
                }
                while (value != 0);
                Array.Reverse(Chars, start, Length - start);
                return this;
            }

            public TextBuffer AppendHex(byte[] bytes)
            {
                Ensure(bytes.Length * 2);
                for (int i = 0; i < bytes.Length; i++)
                {
                    Chars[Length++] = HexDigits[bytes[i] >> 4];
                    Chars[Length++] = HexDigits[bytes[i] & 0xF];
                }
                return this;
            }

            public override string ToString() => new string(Chars, 0, Length);
        }

        private sealed class DerivedKey
        {
            public DerivedKey(long day, string date, string service, byte[] key)
            {
                Day = day;
                Date = date;
                Service = service;
                Key = key;
                Scope = date + "/" + service + "/tc3_request";
            }

            public long Day { get; }
            public string Date { get; }
            public string Service { get; }
            public byte[] Key { get; }
            /// <summary>The credential scope: date/service/tc3_request.</summary>
            public string Scope { get; }
        }

        public override string ToString() => "Tc3Signer(" + _secretId + ")";
    }
}
