using System.Linq;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>The one place a RoleTask is made, from whichever task shape the API answered with (or none).</summary>
    internal static class RoleTasks
    {
        /// <summary>Task type names the API uses.</summary>
        public const string CreateRoleAssignment = "CreateRoleAssignment";
        public const string DeleteRoleAssignment = "DeleteRoleAssignment";
        public const string ProvisionRoleConfiguration = "ProvisionRoleConfiguration";
        public const string DeprovisionRoleConfiguration = "DeprovisionRoleConfiguration";

        /// <summary>A task type typed in any case, in the API's spelling; an unknown value is returned as given.</summary>
        public static string? Canonical(string? value) =>
            value == null ? null : new[] { CreateRoleAssignment, DeleteRoleAssignment, ProvisionRoleConfiguration, DeprovisionRoleConfiguration }
                .FirstOrDefault(t => string.Equals(t, value, System.StringComparison.OrdinalIgnoreCase)) ?? value;

        /// <summary>A TaskInfo (CreateRoleAssignment, DeleteRoleAssignment, ListTasks).</summary>
        public static RoleTask From(TaskInfo task, string zoneId, string? requestId) => new RoleTask
        {
            TaskId = task.TaskId,
            ZoneId = zoneId,
            Status = task.Status,
            TaskType = task.TaskType,
            RoleConfigurationId = task.RoleConfigurationId,
            RoleConfigurationName = task.RoleConfigurationName,
            TargetType = task.TargetType,
            TargetUin = task.TargetUin,
            PrincipalType = task.PrincipalType,
            PrincipalId = task.PrincipalId,
            FailureReason = NullIfEmpty(task.FailureReason),
            RequestId = requestId,
        };

        /// <summary>
        /// A RoleProvisioningsTask (Provision/DismantleRoleConfiguration), whose status field is TaskStatus; what the
        /// answer leaves out is filled from the request.
        /// </summary>
        public static RoleTask From(RoleProvisioningsTask? task, string zoneId, string taskType, string? roleConfigurationId,
            string? targetType, long? targetUin, string? requestId) => new RoleTask
        {
            TaskId = task?.TaskId,
            ZoneId = zoneId,
            Status = task?.TaskStatus ?? RoleTaskStatus.InProgress,
            TaskType = task?.TaskType ?? taskType,
            RoleConfigurationId = task?.RoleConfigurationId ?? roleConfigurationId,
            RoleConfigurationName = task?.RoleConfigurationName,
            TargetType = task?.TargetType ?? targetType,
            TargetUin = task?.TargetUin ?? targetUin,
            RequestId = requestId,
        };

        /// <summary>
        /// A task known only from its request: InProgress when a call started one the answer did not describe, Success when
        /// the state was read back as done and no task is left to wait for.
        /// </summary>
        public static RoleTask ForAssignment(RoleAssignmentInfo item, string zoneId, string taskType, string status, string? requestId) => new RoleTask
        {
            ZoneId = zoneId,
            Status = status,
            TaskType = taskType,
            RoleConfigurationId = item.RoleConfigurationId,
            TargetType = item.TargetType,
            TargetUin = item.TargetUin,
            PrincipalType = item.PrincipalType,
            PrincipalId = item.PrincipalId,
            RequestId = requestId,
        };

        /// <summary>The known task with the state GetTaskStatus reported.</summary>
        public static RoleTask WithStatus(RoleTask known, string zoneId, TaskStatusItem? status, string? requestId) => new RoleTask
        {
            TaskId = known.TaskId,
            ZoneId = zoneId,
            Status = status?.Status ?? known.Status,
            TaskType = status?.TaskType ?? known.TaskType,
            RoleConfigurationId = known.RoleConfigurationId,
            RoleConfigurationName = known.RoleConfigurationName,
            TargetType = known.TargetType,
            TargetUin = known.TargetUin,
            PrincipalType = known.PrincipalType,
            PrincipalId = known.PrincipalId,
            FailureReason = status?.Status == RoleTaskStatus.Failed ? NullIfEmpty(status.FailureReason) : null,
            RequestId = requestId,
            Outcome = known.Outcome,
        };

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
