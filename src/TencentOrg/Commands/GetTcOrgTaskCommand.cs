using System;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgTask: the status of tasks by ID (GetTaskStatus), or -List to page through ListTasks.</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgTask", DefaultParameterSetName = TaskIdSet)]
    [OutputType(typeof(RoleTask))]
    public sealed class GetTcOrgTaskCommand : TcOrgCmdlet
    {
        private const string TaskIdSet = "TaskId";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TaskIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateTaskId]
        public string[] TaskId { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter List { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("InProgress", "Success", "Failed")]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRoleConfigurationId]
        public string? RoleConfigurationId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateUin]
        [ExactInteger]
        public long? TargetUin { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidatePrincipalId]
        public string? PrincipalId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public string? TaskType { get; set; }

        /// <summary>Stop after this many tasks.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = int.MaxValue;

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new TaskService(Session, Log);
            if (ParameterSetName == ListSet)
            {
                int emitted = 0;
                try
                {
                    Await(service.ListRoleTasksAsync(new ListTasksRequest
                    {
                        ZoneId = zoneId,
                        Status = Status,
                        RoleConfigurationId = RoleConfigurationId,
                        TargetUin = TargetUin,
                        PrincipalId = PrincipalId,
                        TaskType = TaskType,
                    }, task =>
                    {
                        PostObject(task);
                        return ++emitted < First;
                    }, CancelToken));
                }
                catch (OrgException error)
                {
                    WriteItemError(error, zoneId);
                }
                return;
            }
            foreach (var id in TaskId)
            {
                try
                {
                    WriteObject(Await(service.GetAsync(zoneId, new RoleTask { TaskId = id, ZoneId = zoneId }, CancelToken)));
                }
                catch (OrgException error)
                {
                    WriteItemError(error, id);
                }
            }
        }
    }
}
