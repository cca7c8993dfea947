using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcRoleProvisioning: where permission configurations are deployed (ListRoleConfigurationProvisionings).</summary>
    [Cmdlet(VerbsCommon.Get, "TcRoleProvisioning", SupportsPaging = true)]
    [OutputType(typeof(RoleProvisioning))]
    public sealed class GetTcRoleProvisioningCommand : TcOrgListCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
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

        [Parameter]
        [ValidateSet("Deployed", "DeployedRequired", "DeployFailed")]
        [ApiCase("Deployed", "DeployedRequired", "DeployFailed")]
        public string? DeploymentStatus { get; set; }

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
            var service = new ProvisioningService(Session, Log);
            var request = new ListRoleConfigurationProvisioningsRequest
            {
                ZoneId = zoneId,
                RoleConfigurationId = RoleConfigurationId,
                TargetUin = TargetUin,
                TargetType = TargetType,
                DeploymentStatus = DeploymentStatus,
                Filter = Filter,
            };
            object target = (object?)RoleConfigurationId ?? (object?)TargetUin ?? zoneId;
            List<RoleProvisioning>(emit => service.ListAsync(request, emit, CancelToken), null, target);
        }
    }
}
