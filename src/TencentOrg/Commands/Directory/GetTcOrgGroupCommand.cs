using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgGroup: CIC user groups (ListGroups). Output pipes into New-TcRoleAssignment (GroupId binds -PrincipalId).</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgGroup", SupportsPaging = true)]
    [OutputType(typeof(OrgGroup))]
    public sealed class GetTcOrgGroupCommand : TcOrgListCmdlet
    {
        /// <summary>Group-name filter: a keyword, or "GroupName eq|sw value".</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter]
        [ValidateSet("Manual", "Synchronized")]
        [ApiCase("Manual", "Synchronized")]
        public string? GroupType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new DirectoryService(Session, Log);
            var request = new ListGroupsRequest { ZoneId = zoneId, Filter = Filter, GroupType = GroupType };
            List<OrgGroup>(emit => service.ListGroupsAsync(request, emit, CancelToken), null, (object?)Filter ?? zoneId);
        }
    }
}
