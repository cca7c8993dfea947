using System;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgContext: which key, endpoint and settings the next command will use. Never the secret.</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgContext")]
    [OutputType(typeof(OrgContext))]
    public sealed class GetTcOrgContextCommand : TcOrgCmdlet
    {
        protected override void EndProcessing()
        {
            OrgSession session;
            try
            {
                session = SessionStore.CurrentOrImplicit(this);
            }
            catch (Exception ex) when (IsNoSession(ex))
            {
                // Nothing to describe is an answer, not a failure of the script: -ErrorAction decides (if (-not (Get-TcOrgContext -ErrorAction Ignore))).
                WriteError(ErrorMapping.ToErrorRecord(ex, null));
                return;
            }
            WriteObject(Describe(session));
        }

        internal static OrgContext Describe(OrgSession session) => new OrgContext
        {
            SecretId = session.Credential.MaskedSecretId,
            CredentialSource = session.Credential.Source,
            HasSessionToken = session.Credential.HasSessionToken,
            Site = session.Site.ToString(),
            Endpoint = session.Options.Endpoint.ToString(),
            Region = session.Options.Region,
            Language = session.Options.Language,
            ZoneId = session.CachedZoneId,
            RequestsPerSecond = session.RateLease.InForcePerSecond,
            RequestedRequestsPerSecond = session.Options.AskedRequestsPerSecond,
            TimeoutSec = (int)session.Options.Timeout.TotalSeconds,
            MaxRetries = session.Options.MaxRetries,
            Transport = session.Client.TransportName,
            Connected = session.IsExplicit,
        };
    }
}
