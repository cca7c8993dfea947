using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Connect-TcOrg: choose the credential, site/endpoint and client settings for this runspace.</summary>
    [Cmdlet(VerbsCommunications.Connect, "TcOrg", DefaultParameterSetName = ChainSet)]
    [OutputType(typeof(OrgContext))]
    public sealed class ConnectTcOrgCommand : TcOrgCmdlet
    {
        private const string ChainSet = "Chain";
        private const string KeySet = "Key";
        private const string CredentialSet = "Credential";

        [Parameter(Mandatory = true, ParameterSetName = KeySet)]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(@"^[A-Za-z0-9]{8,128}\z")]
        public string SecretId { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = KeySet)]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = new SecureString();

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SecureString? SessionToken { get; set; }

        /// <summary>Profile in ~/.tccli/&lt;name&gt;.credential or ~/.tencentcloud/credentials; default TCCLI_PROFILE, else "default".</summary>
        [Parameter(ParameterSetName = ChainSet)]
        public string? ProfileName { get; set; }

        [Parameter]
        public OrgSite Site { get; set; } = OrgSite.China;

        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        [Parameter]
        [ValidatePattern(@"^[a-z]{2}-[a-z]+(-[a-z0-9]+)*\z")]
        public string? Region { get; set; }

        [Parameter]
        [ValidateSet("en-US", "zh-CN")]
        [ApiCase("en-US", "zh-CN")]
        public string Language { get; set; } = "en-US";

        /// <summary>Client-side budget per API action; the service allows 20.</summary>
        [Parameter]
        [ValidateRange(0.1, 1000)]
        public double RequestsPerSecond { get; set; } = 20;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = 5;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            OrgCredential credential;
            Uri endpoint;
            try
            {
                credential = ParameterSetName switch
                {
                    KeySet => new OrgCredential(SecretId, Plain(SecretKey), Plain(SessionToken), "Connect-TcOrg -SecretId/-SecretKey"),
                    CredentialSet => new OrgCredential(Credential.UserName, Plain(Credential.Password), Plain(SessionToken), "Connect-TcOrg -Credential"),
                    _ => CredentialResolver.FromProcess().Resolve(MyInvocation.BoundParameters.ContainsKey(nameof(ProfileName)) ? ProfileName : null),
                };
                endpoint = OrgEndpoint.Resolve(Endpoint, Site, Environment.GetEnvironmentVariable);
                // Read here so a bad value is refused like a bad endpoint, before the session is replaced.
                Api.Http.TransportChoice.Asked(Environment.GetEnvironmentVariable);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is OrgCredentialNotFoundException || ex is System.IO.InvalidDataException)
            {
                ThrowCommandError(ex);
                return;
            }

            var options = new OrgClientOptions
            {
                Endpoint = endpoint,
                Region = Region,
                Language = Language,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
            };
            // Only a bound -RequestsPerSecond is an ask; without it the session follows the others' asks.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerSecond))) options.RequestsPerSecond = RequestsPerSecond;
            var session = new OrgSession(credential, options, Site, isExplicit: true);
            SessionStore.Set(session);
            if (session.RateLease.Asking && RequestsPerSecond > OrgClientOptions.DefaultRequestsPerSecond)
                WriteWarning("-RequestsPerSecond " + RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is above the service's limit of "
                    + OrgClientOptions.DefaultRequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) + " per action: expect throttling (the client then slows down), "
                    + "and every session of this process with this SecretId and endpoint runs at it while this one is connected.");
            double inForce = session.RateLease.InForcePerSecond;
            if (inForce != options.RequestsPerSecond)
            {
                WriteWarning("Another session of this process with the same SecretId and endpoint asked for " + inForce.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " requests/s per action; sessions with one key share the service's limit and run at the highest rate a connected session asked for, so "
                    + (session.RateLease.Asking ? "this session's " + RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) + " applies only once no connected session asks for more."
                        : "that budget applies here too until it disconnects; Connect-TcOrg -RequestsPerSecond raises it.")
                    + " Get-TcOrgContext shows the budget in force.");
            }
            WriteVerbose("Connected to " + endpoint + " with SecretId " + credential.MaskedSecretId + " from " + credential.Source
                + "; requests go through " + session.Client.TransportName + ".");
            if (PassThru) WriteObject(GetTcOrgContextCommand.Describe(session));
        }

        private static string Plain(SecureString? secure) =>
            secure == null || secure.Length == 0 ? "" : new NetworkCredential(string.Empty, secure).Password;
    }
}
