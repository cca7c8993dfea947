using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Add-TcOrgGroupMember: AddUserToGroup, one user per call, calls side by side within the rate budget. A user already in
    /// the group is success (Outcome AlreadyMember).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TcOrgGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgGroupMembership))]
    public sealed class AddTcOrgGroupMemberCommand : UserGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateCicGroupId]
        public string[] GroupId { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateCicUserId]
        public string[] UserId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            foreach (var groupId in GroupId)
            {
                foreach (var userId in UserId)
                {
                    if (!ShouldProcess("CIC user " + userId + " in group " + groupId, "Add to group")) continue;
                    string zone = Zone;
                    Queue(ct => Service.AddMemberAsync(zone, groupId, userId, ct), userId);
                }
            }
        }
    }
}
