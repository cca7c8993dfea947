using System;
using System.Linq;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgTask: the status of tasks by ID (GetTaskStatus), or -List to page through ListTasks.</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgTask", DefaultParameterSetName = TaskIdSet, SupportsPaging = true)]
    [OutputType(typeof(RoleTask))]
    public sealed class GetTcOrgTaskCommand : TcOrgListCmdlet
    {
        private const string TaskIdSet = "TaskId";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TaskIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateTaskId]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        public string[] TaskId { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter List { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet(RoleTaskStatus.InProgress, RoleTaskStatus.Success, RoleTaskStatus.Failed)]
        [ApiCase(RoleTaskStatus.InProgress, RoleTaskStatus.Success, RoleTaskStatus.Failed)]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string? RoleConfigurationId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateUin]
        [ExactInteger]
        public long? TargetUin { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidatePrincipalId]
        [ArgumentCompleter(typeof(PrincipalIdCompleter))]
        public string? PrincipalId { get; set; }

        /// <summary>The task kinds the API documents; any case is accepted and sent in the API's case.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet(RoleTasks.CreateRoleAssignment, RoleTasks.DeleteRoleAssignment, RoleTasks.ProvisionRoleConfiguration, RoleTasks.DeprovisionRoleConfiguration)]
        [ApiCase(RoleTasks.CreateRoleAssignment, RoleTasks.DeleteRoleAssignment, RoleTasks.ProvisionRoleConfiguration, RoleTasks.DeprovisionRoleConfiguration)]
        public string? TaskType { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new TaskService(Session, Log);
            if (ParameterSetName == ListSet)
            {
                List<RoleTask>(emit => service.ListRoleTasksAsync(new ListTasksRequest
                {
                    ZoneId = zoneId,
                    Status = Status,
                    RoleConfigurationId = RoleConfigurationId,
                    TargetUin = TargetUin,
                    PrincipalId = PrincipalId,
                    TaskType = RoleTasks.Canonical(TaskType),
                }, emit, CancelToken), null, zoneId);
                return;
            }
            foreach (var id in TaskId) Single(service.GetAsync(zoneId, new RoleTask { TaskId = id, ZoneId = zoneId }, CancelToken), id);
        }
    }
}
