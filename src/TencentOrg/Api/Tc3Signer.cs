using System;
using System.Security.Cryptography;
using System.Text;

namespace TencentOrg.Api
{
    /// <summary>What one TC3-HMAC-SHA256 signature covers.</summary>
    public sealed class Tc3Request
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
    public sealed class Tc3Signature
    {
        internal Tc3Signature(string date, string canonicalRequest, string stringToSign, string signature, string authorization)
        {
            Date = date;
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            Signature = signature;
            Authorization = authorization;
        }

        public string Date { get; }
        public string CanonicalRequest { get; }
        public string StringToSign { get; }
        public string Signature { get; }
        public string Authorization { get; }
    }

    /// <summary>
    /// TC3-HMAC-SHA256 request signer (spec §8). Holds one secret key; the derived
    /// signing key is cached per UTC date because it only changes once a day.
    /// </summary>
    public sealed class Tc3Signer
    {
        public const string Algorithm = "TC3-HMAC-SHA256";
        public const string SignedHeaders = "content-type;host";

        private readonly string _secretId;
        private readonly byte[] _secretKeyBytes;
        private DerivedKey? _cached;

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
            string date = UtcDate(request.Timestamp);
            string canonicalRequest = CanonicalRequest(request);
            string credentialScope = date + "/" + request.Service + "/tc3_request";
            string stringToSign = Algorithm + "\n" + request.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"
                + credentialScope + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest));

            byte[] signingKey = SigningKey(date, request.Service);
            string signature;
            using (var hmac = new HMACSHA256(signingKey))
            {
                signature = ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            }

            string authorization = Algorithm + " Credential=" + _secretId + "/" + credentialScope
                + ", SignedHeaders=" + SignedHeaders + ", Signature=" + signature;
            return new Tc3Signature(date, canonicalRequest, stringToSign, signature, authorization);
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

        private byte[] SigningKey(string date, string service)
        {
            var cached = _cached;
            if (cached != null && cached.Date == date && cached.Service == service) return cached.Key;

            byte[] kDate = Hmac(_secretKeyBytes, date);
            byte[] kService = Hmac(kDate, service);
            byte[] kSigning = Hmac(kService, "tc3_request");
            _cached = new DerivedKey(date, service, kSigning);
            return kSigning;
        }

        private static byte[] Hmac(byte[] key, string message)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
        }

        private static string ToHex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        private sealed class DerivedKey
        {
            public DerivedKey(string date, string service, byte[] key) { Date = date; Service = service; Key = key; }
            public string Date { get; }
            public string Service { get; }
            public byte[] Key { get; }
        }

        public override string ToString() => "Tc3Signer(" + _secretId + ")";
    }
}
