using System;
using System.Collections.Generic;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Wait-TcOrgTask: follow CIC tasks with backoff until each is Success or Failed: up to 100 a call through ListTasks,
    /// GetTaskStatus for any task no listing shows.
    /// Success is emitted; Failed becomes an error carrying FailureReason; the timeout, an error per task.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "TcOrgTask", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(RoleTask))]
    public sealed class WaitTcOrgTaskCommand : TcOrgTimeoutCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string TaskIdSet = "TaskId";
        private readonly List<RoleTask> _tasks = new List<RoleTask>();

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true, Position = 0)]
        [ValidateNotNull]
        public RoleTask[] InputObject { get; set; } = new RoleTask[0];

        [Parameter(Mandatory = true, ParameterSetName = TaskIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateTaskId]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        public string[] TaskId { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == TaskIdSet)
            {
                foreach (var id in TaskId) _tasks.Add(new RoleTask { TaskId = id, ZoneId = ZoneId, Status = RoleTaskStatus.InProgress });
                return;
            }
            foreach (var task in InputObject)
            {
                if (string.IsNullOrEmpty(task.TaskId) && !task.IsFinished)
                {
                    WriteItemError(new ArgumentException("The task has no TaskId to wait on."), task);
                    continue;
                }
                _tasks.Add(task);
            }
        }

        protected override void EndProcessing()
        {
            if (_tasks.Count == 0) return;
            string zoneId = ZoneId ?? FirstZone() ?? ResolveZoneId(null);
            WaitWithProgress(zoneId, _tasks, TimeoutSec, (_, outcome) => PostOutcome(outcome));
        }

        private string? FirstZone()
        {
            foreach (var task in _tasks) if (!string.IsNullOrEmpty(task.ZoneId)) return task.ZoneId;
            return null;
        }
    }
}
