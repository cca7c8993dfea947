using System.Collections.Generic;

namespace TencentOrg.Models
{
    // CIC (Identity Center): zone, users, groups, role configurations, assignments, provisioning, tasks
    // (spec §2.3, §2.4, §4.6-§4.15, §4.18, §4.19).

    internal sealed class EmptyRequest
    {
    }

    internal sealed class DescribeIdentityCenterResponse : ApiResponse
    {
        public string? ZoneId { get; set; }
        public string? ZoneName { get; set; }
        public string? ServiceStatus { get; set; }
        public string? ScimSyncStatus { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
    }

    internal sealed class CreateRoleAssignmentRequest
    {
        public string? ZoneId { get; set; }
        public List<RoleAssignmentInfo>? RoleAssignmentInfo { get; set; }
    }

    internal sealed class CreateRoleAssignmentResponse : ApiResponse
    {
        [AlwaysPresent]
        public List<TaskInfo>? Tasks { get; set; }
    }

    /// <summary>TaskInfo: CreateRoleAssignment.Tasks[], DeleteRoleAssignment.Task, ListTasks.Tasks[]; status field is Status.</summary>
    internal sealed class TaskInfo
    {
        [AlwaysPresent]
        public string? TaskId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetType { get; set; }
        public string? PrincipalId { get; set; }
        public string? PrincipalType { get; set; }
        public string? TaskType { get; set; }
        [AlwaysPresent]
        public string? Status { get; set; }
        public string? FailureReason { get; set; }
    }

    /// <summary>ProvisionRoleConfiguration.Task and DismantleRoleConfiguration.Task; status field is TaskStatus.</summary>
    internal sealed class RoleProvisioningsTask
    {
        [AlwaysPresent]
        public string? TaskId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetType { get; set; }
        public string? TaskType { get; set; }
        public string? TaskStatus { get; set; }
    }

    internal sealed class ProvisionRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
    }

    internal sealed class RoleProvisioningTaskResponse : ApiResponse
    {
        [AlwaysPresent]
        public RoleProvisioningsTask? Task { get; set; }
    }

    internal sealed class GetTaskStatusRequest
    {
        public string? ZoneId { get; set; }
        public string? TaskId { get; set; }
    }

    internal sealed class GetTaskStatusResponse : ApiResponse
    {
        [AlwaysPresent]
        public TaskStatusItem? TaskStatus { get; set; }
    }

    internal sealed class TaskStatusItem
    {
        [AlwaysPresent]
        public string? Status { get; set; }
        public string? TaskId { get; set; }
        public string? TaskType { get; set; }
        public string? FailureReason { get; set; }
    }

    internal sealed class ListRoleAssignmentsRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public long? MaxResults { get; set; }
        public string? NextToken { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalId { get; set; }
        public string? Filter { get; set; }
    }

    internal sealed class ListRoleAssignmentsResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        [AlwaysPresent]
        public List<RoleAssignmentItem>? RoleAssignments { get; set; }
    }

    internal sealed class RoleAssignmentItem
    {
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetType { get; set; }
        public string? PrincipalId { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalName { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        public string? TargetName { get; set; }
    }

    internal sealed class DeleteRoleAssignmentRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalId { get; set; }
        public string? DeprovisionStrategy { get; set; }
    }

    internal sealed class DeleteRoleAssignmentResponse : ApiResponse
    {
        public TaskInfo? Task { get; set; }
    }

    internal sealed class DismantleRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
    }

    internal sealed class ListTasksRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? PrincipalId { get; set; }
        public string? NextToken { get; set; }
        public long? MaxResults { get; set; }
        public string? PrincipalType { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetType { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? Status { get; set; }
        public string? TaskType { get; set; }
    }

    internal sealed class ListTasksResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        [AlwaysPresent]
        public List<TaskInfo>? Tasks { get; set; }
    }

    internal sealed class ListRoleConfigurationProvisioningsRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public long? MaxResults { get; set; }
        public string? NextToken { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? DeploymentStatus { get; set; }
        public string? Filter { get; set; }
    }

    internal sealed class ListRoleConfigurationProvisioningsResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        [AlwaysPresent]
        public List<RoleConfigurationProvisioningItem>? RoleConfigurationProvisionings { get; set; }
    }

    internal sealed class RoleConfigurationProvisioningItem
    {
        public string? DeploymentStatus { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetName { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        public string? TargetType { get; set; }
    }

    internal sealed class ListRoleConfigurationsRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? NextToken { get; set; }
        public long? MaxResults { get; set; }
        public string? Filter { get; set; }
        public List<long>? FilterTargets { get; set; }
        public string? PrincipalId { get; set; }
    }

    internal sealed class ListRoleConfigurationsResponse : ApiResponse, ITokenPage
    {
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        public string? NextToken { get; set; }
        public List<RoleConfigurationItem>? RoleConfigurations { get; set; }
    }

    internal sealed class GetRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
    }

    internal sealed class GetRoleConfigurationResponse : ApiResponse
    {
        [AlwaysPresent]
        public RoleConfigurationItem? RoleConfigurationInfo { get; set; }
    }

    internal sealed class RoleConfigurationItem
    {
        [AlwaysPresent]
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public string? Description { get; set; }
        public long? SessionDuration { get; set; }
        public string? RelayState { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        public bool? IsSelected { get; set; }
    }

    internal sealed class ListUsersRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? UserStatus { get; set; }
        public string? UserType { get; set; }
        public string? Filter { get; set; }
        public long? MaxResults { get; set; }
        public string? NextToken { get; set; }
    }

    internal sealed class ListUsersResponse : ApiResponse, ITokenPage
    {
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        [AlwaysPresent]
        public List<UserItem>? Users { get; set; }
        public string? NextToken { get; set; }
        public bool? IsTruncated { get; set; }
    }

    internal sealed class UserItem
    {
        public string? UserName { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? DisplayName { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public string? UserStatus { get; set; }
        public string? UserType { get; set; }
        [AlwaysPresent]
        public string? UserId { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
    }

    internal sealed class ListGroupsRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? NextToken { get; set; }
        public long? MaxResults { get; set; }
        public string? Filter { get; set; }
        public string? GroupType { get; set; }
    }

    internal sealed class ListGroupsResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        [AlwaysPresent]
        public List<GroupItem>? Groups { get; set; }
        public long? MaxResults { get; set; }
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public bool? IsTruncated { get; set; }
    }

    internal sealed class GroupItem
    {
        public string? GroupName { get; set; }
        public string? Description { get; set; }
        public string? CreateTime { get; set; }
        public string? GroupType { get; set; }
        public string? UpdateTime { get; set; }
        [AlwaysPresent]
        public string? GroupId { get; set; }
        public long? MemberCount { get; set; }
    }
}
