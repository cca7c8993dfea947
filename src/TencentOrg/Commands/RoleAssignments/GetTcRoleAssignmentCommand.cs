using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcRoleAssignment: CIC role assignments (ListRoleAssignments); output pipes into Remove-TcRoleAssignment.</summary>
    [Cmdlet(VerbsCommon.Get, "TcRoleAssignment", SupportsPaging = true)]
    [OutputType(typeof(RoleAssignment))]
    public sealed class GetTcRoleAssignmentCommand : TcOrgListCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string? RoleConfigurationId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MemberUin")]
        [ValidateUin]
        [ExactInteger]
        public long? TargetUin { get; set; }

        [Parameter]
        [ValidateSet("MemberUin", "ManagerUin")]
        [ApiCase("MemberUin", "ManagerUin")]
        public string? TargetType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "GroupId")]
        [ValidatePrincipalId]
        [ArgumentCompleter(typeof(PrincipalIdCompleter))]
        public string? PrincipalId { get; set; }

        [Parameter]
        [ValidateSet("User", "Group")]
        [ApiCase("User", "Group")]
        public string? PrincipalType { get; set; }

        /// <summary>Keyword matched against the permission configuration name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new RoleAssignmentService(Session, Log);
            var request = new ListRoleAssignmentsRequest
            {
                ZoneId = zoneId,
                RoleConfigurationId = RoleConfigurationId,
                TargetUin = TargetUin,
                TargetType = TargetType,
                PrincipalId = PrincipalId,
                PrincipalType = PrincipalType,
                Filter = Filter,
            };
            object target = (object?)TargetUin ?? (object?)PrincipalId ?? (object?)RoleConfigurationId ?? zoneId;
            List<RoleAssignment>(emit => service.ListAsync(request, emit, CancelToken), null, target);
        }
    }
}
