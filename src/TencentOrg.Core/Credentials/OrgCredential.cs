using TencentOrg.Api;

namespace TencentOrg.Credentials
{
    /// <summary>
    /// A resolved key pair. The secret key lives only inside the signer; nothing here can print it.
    /// </summary>
    internal sealed class OrgCredential
    {
        public OrgCredential(string secretId, string secretKey, string? sessionToken, string source)
        {
            SecretId = secretId.Trim();
            Signer = new Tc3Signer(SecretId, secretKey.Trim());
            SessionToken = string.IsNullOrWhiteSpace(sessionToken) ? null : sessionToken!.Trim();
            Source = source;
            Fingerprint = Digest(SecretId + "\n" + secretKey.Trim() + "\n" + SessionToken + "\n" + source);
        }

        /// <summary>A one-way digest of id, key, token and source: tells a rotated key or refreshed token apart without keeping either.</summary>
        internal string Fingerprint { get; }

        private static string Digest(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            return System.BitConverter.ToString(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text))).Replace("-", "");
        }

        public string SecretId { get; }
        /// <summary>Where the credential came from, e.g. "environment variables" or "profile 'default' (~/.tccli/default.credential)".</summary>
        public string Source { get; }
        internal string? SessionToken { get; }
        internal Tc3Signer Signer { get; }
        public bool HasSessionToken => SessionToken != null;

        /// <summary>AKID****1234: enough to recognise a key, too little to use it.</summary>
        public string MaskedSecretId => Mask(SecretId);

        public static string Mask(string value) =>
            value.Length <= 8 ? "****" : value.Substring(0, 4) + "****" + value.Substring(value.Length - 4);

        public override string ToString() => MaskedSecretId + " (" + Source + ")";
    }
}
