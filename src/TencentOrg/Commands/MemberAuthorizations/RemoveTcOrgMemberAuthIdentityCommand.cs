using System;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Remove-TcOrgMemberAuthIdentity: DeleteOrganizationMemberAuthIdentity, one request per member and identity.</summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgMemberAuthIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcOrgMemberAuthIdentityCommand : TcOrgCmdlet
    {
        private MemberAuthorizationService? _service;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uin")]
        [ValidateUin]
        [ExactInteger]
        public long[] MemberUin { get; set; } = new long[0];

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        [ExactInteger]
        [ArgumentCompleter(typeof(IdentityIdCompleter))]
        public long[] IdentityId { get; set; } = new long[0];

        /// <summary>Skips the confirmation prompt; -WhatIf still only describes, and an explicit -Confirm still asks.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var member in MemberUin)
                foreach (var identity in IdentityId)
                {
                    if (!ShouldProcess("Member account " + member, "Revoke organization identity " + identity, Force)) continue;
                    _service ??= new MemberAuthorizationService(Session, Log);
                    var outcome = Await(_service.RevokeAsync(member, identity, CancelToken));
                    if (outcome.Succeeded) WriteVerbose("Revoked identity " + identity + " from member " + member + " (" + outcome.Result!.Outcome + ").");
                    else WriteItemError(outcome.Error!, outcome.Input);
                }
        }
    }
}
