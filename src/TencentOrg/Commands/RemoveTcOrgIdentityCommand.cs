using System;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Remove-TcOrgIdentity: DeleteOrganizationIdentity. The service refuses identities still granted to members.</summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcOrgIdentityCommand : TcOrgCmdlet
    {
        private OrganizationService? _service;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        public long[] IdentityId { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            foreach (var id in IdentityId)
            {
                if (!ShouldProcess("Organization identity " + id, "Delete")) continue;
                _service ??= new OrganizationService(Session, Log);
                try
                {
                    Await(_service.DeleteIdentityAsync(id, CancelToken));
                    WriteVerbose("Deleted organization identity " + id + ".");
                }
                catch (OrgException error)
                {
                    WriteItemError(error, id);
                }
            }
        }
    }
}
