using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgGroupMember: the members of CIC groups (ListGroupMembers). Output pipes into Remove-TcOrgGroupMember and Get-TcOrgUser.</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgGroupMember", SupportsPaging = true)]
    [OutputType(typeof(OrgGroupMember))]
    public sealed class GetTcOrgGroupMemberCommand : TcOrgListCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateCicGroupId]
        public string[] GroupId { get; set; } = new string[0];

        [Parameter]
        [ValidateSet("Manual", "Synchronized")]
        public string? UserType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new UserGroupService(Session, Log);
            foreach (var groupId in GroupId)
                List<OrgGroupMember>(emit => service.ListGroupMembersAsync(zoneId, groupId, UserType, emit, CancelToken), null, groupId);
        }
    }
}
