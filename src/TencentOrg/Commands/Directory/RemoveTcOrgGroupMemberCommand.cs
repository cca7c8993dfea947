using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Remove-TcOrgGroupMember: RemoveUserFromGroup, one user per call, calls side by side within the rate budget. A user not
    /// in the group is success (Outcome NotMember). Pipe Get-TcOrgGroupMember into it to empty a group.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OrgGroupMembership))]
    public sealed class RemoveTcOrgGroupMemberCommand : UserGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateCicGroupId]
        public string[] GroupId { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateCicUserId]
        public string[] UserId { get; set; } = new string[0];

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs what was done per user (Removed or NotMember).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var groupId in GroupId)
            {
                foreach (var userId in UserId)
                {
                    if (!ShouldProcess("CIC user " + userId + " in group " + groupId, "Remove from group", Force)) continue;
                    string zone = Zone;
                    Queue(ct => Service.RemoveMemberAsync(zone, groupId, userId, ct), userId, PassThru.IsPresent);
                }
            }
        }
    }
}
