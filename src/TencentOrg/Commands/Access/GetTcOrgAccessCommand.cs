using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Get-TcOrgAccess: one object per effective access path (user, direct or through a group, permission configuration
    /// with its policies, account, deployment status), read with listings only; -IncludeMemberIdentities adds the
    /// organization identities granted to member accounts.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgAccess")]
    [OutputType(typeof(OrgAccess))]
    public sealed class GetTcOrgAccessCommand : AccessCmdlet
    {
        protected override void EndProcessing()
        {
            foreach (var path in Review().Paths) WriteObject(path);
        }
    }
}
