namespace TencentOrg
{
    /// <summary>What Get-TcOrgContext shows: where requests go and which key signs them; never the secret key.</summary>
    public sealed class OrgContext
    {
        public string? SecretId { get; set; }
        public string? CredentialSource { get; set; }
        public bool HasSessionToken { get; set; }
        public string? Site { get; set; }
        public string? Endpoint { get; set; }
        public string? Region { get; set; }
        public string? Language { get; set; }
        public string? ZoneId { get; set; }
        /// <summary>
        /// The budget per API action in force: the highest -RequestsPerSecond asked by a live session of this process with
        /// the same SecretId and endpoint (they share the service's limit), or 20 when none asked.
        /// </summary>
        public double RequestsPerSecond { get; set; }
        /// <summary>What this session asked for with Connect-TcOrg -RequestsPerSecond; null when it asked nothing and follows the others' asks.</summary>
        public double? RequestedRequestsPerSecond { get; set; }
        public int TimeoutSec { get; set; }
        public int MaxRetries { get; set; }
        /// <summary>
        /// What carries the requests: "Socket (the module's HTTP/1.1 client)", or HttpClient with the reason: a proxy that
        /// applies to the endpoint (named) or TCORG_HTTP_TRANSPORT=HttpClient.
        /// </summary>
        public string? Transport { get; set; }
        /// <summary>True after Connect-TcOrg; false when resolved from environment variables or a profile per command.</summary>
        public bool Connected { get; set; }

        public override string ToString() => SecretId + " -> " + Endpoint;
    }
}
