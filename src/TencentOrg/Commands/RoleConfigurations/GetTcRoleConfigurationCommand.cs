using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcRoleConfiguration: CIC permission configurations (ListRoleConfigurations), or by ID (GetRoleConfiguration).</summary>
    [Cmdlet(VerbsCommon.Get, "TcRoleConfiguration", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(RoleConfiguration))]
    public sealed class GetTcRoleConfigurationCommand : TcOrgListCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "RoleConfigurationId";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string[] RoleConfigurationId { get; set; } = new string[0];

        /// <summary>Case-insensitive substring of the name or description (matched by the service).</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new DirectoryService(Session, Log);
            if (ParameterSetName == ListSet)
            {
                List<RoleConfiguration>(emit => service.ListRoleConfigurationsAsync(zoneId, Filter, emit, CancelToken), null, (object?)Filter ?? zoneId);
                return;
            }
            foreach (var id in RoleConfigurationId)
                Single(service.GetRoleConfigurationAsync(zoneId, id, CancelToken), id);
        }
    }
}
