using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>Disconnect-TcOrg: forget this runspace's session; later commands read the environment chain afresh.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "TcOrg")]
    [OutputType(typeof(void))]
    public sealed class DisconnectTcOrgCommand : TcOrgCmdlet
    {
        protected override void EndProcessing()
        {
            bool wasConnected = SessionStore.Current != null;
            SessionStore.Forget();
            WriteVerbose(wasConnected ? "Disconnected." : "There was no Connect-TcOrg session in this runspace.");
        }
    }
}
