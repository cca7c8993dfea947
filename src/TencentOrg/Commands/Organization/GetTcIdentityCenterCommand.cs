using System;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcIdentityCenter: the organization's CIC space (DescribeIdentityCenter); also remembers its zone for the session.</summary>
    [Cmdlet(VerbsCommon.Get, "TcIdentityCenter")]
    [OutputType(typeof(IdentityCenter))]
    public sealed class GetTcIdentityCenterCommand : TcOrgCmdlet
    {
        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(Await(new DirectoryService(Session, Log).DescribeIdentityCenterAsync(CancelToken)));
            }
            catch (OrgException error)
            {
                WriteItemError(error, "DescribeIdentityCenter");
            }
        }
    }
}
