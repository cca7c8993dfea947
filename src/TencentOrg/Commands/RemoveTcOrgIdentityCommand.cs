using System;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Remove-TcOrgIdentity: DeleteOrganizationIdentity. The service refuses identities still granted to members.</summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcOrgIdentityCommand : TcOrgCmdlet
    {
        private OrganizationIdentityService? _service;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        public long[] IdentityId { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            foreach (var id in IdentityId)
            {
                if (!ShouldProcess("Organization identity " + id, "Delete")) continue;
                _service ??= new OrganizationIdentityService(Session, Log);
                var outcome = Await(_service.RemoveAsync(id, CancelToken));
                if (outcome.Succeeded) WriteVerbose("Deleted organization identity " + id + ".");
                else WriteItemError(outcome.Error!, id);
            }
        }
    }
}
