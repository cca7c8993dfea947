using System.Collections.Generic;

namespace TencentOrg.Models
{
    // Wire models of the CIC user, group and membership actions (spec CIC §2, §3, §5), field for field as the SDK's.

    public sealed class CreateUserRequest
    {
        public string? ZoneId { get; set; }
        public string? UserName { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? DisplayName { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public string? UserStatus { get; set; }
        public bool? NeedResetPassword { get; set; }
    }

    public sealed class GetUserRequest
    {
        public string? UserId { get; set; }
        public string? ZoneId { get; set; }
    }

    public sealed class UpdateUserRequest
    {
        public string? ZoneId { get; set; }
        public string? UserId { get; set; }
        public string? NewFirstName { get; set; }
        public string? NewLastName { get; set; }
        public string? NewDisplayName { get; set; }
        public string? NewDescription { get; set; }
        public string? NewEmail { get; set; }
        public bool? NeedResetPassword { get; set; }
    }

    public sealed class UpdateUserStatusRequest
    {
        public string? ZoneId { get; set; }
        public string? UserId { get; set; }
        public string? NewUserStatus { get; set; }
    }

    public sealed class DeleteUserRequest
    {
        public string? ZoneId { get; set; }
        public string? UserId { get; set; }
    }

    /// <summary>CreateUser, GetUser and UpdateUser answer with one UserInfo (absent on UpdateUser at times: read back then).</summary>
    public sealed class UserInfoResponse : ApiResponse
    {
        public UserInfoItem? UserInfo { get; set; }
    }

    /// <summary>UserInfo (base spec §3); Password only in the CreateUser answer.</summary>
    public sealed class UserInfoItem
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
        public string? Password { get; set; }
        public bool? NeedResetPassword { get; set; }
    }

    public sealed class CreateGroupRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupName { get; set; }
        public string? Description { get; set; }
    }

    public sealed class GetGroupRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
    }

    public sealed class UpdateGroupRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? NewGroupName { get; set; }
        public string? NewDescription { get; set; }
    }

    public sealed class DeleteGroupRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
    }

    /// <summary>CreateGroup, GetGroup and UpdateGroup answer with one GroupInfo, marked may-be-absent: a missing one is read back.</summary>
    public sealed class GroupInfoResponse : ApiResponse
    {
        public GroupItem? GroupInfo { get; set; }
    }

    /// <summary>AddUserToGroup and RemoveUserFromGroup: one user, one group.</summary>
    public sealed class GroupMembershipRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? UserId { get; set; }
    }

    public sealed class ListGroupMembersRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? NextToken { get; set; }
        public long? MaxResults { get; set; }
        public string? UserType { get; set; }
    }

    public sealed class ListGroupMembersResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        [AlwaysPresent]
        public List<GroupMemberItem>? GroupMembers { get; set; }
    }

    public sealed class GroupMemberItem
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public string? UserStatus { get; set; }
        public string? UserType { get; set; }
        [AlwaysPresent]
        public string? UserId { get; set; }
        public string? JoinTime { get; set; }
    }

    public sealed class ListJoinedGroupsForUserRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? UserId { get; set; }
        public string? NextToken { get; set; }
        public long? MaxResults { get; set; }
    }

    public sealed class ListJoinedGroupsForUserResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        [AlwaysPresent]
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        [AlwaysPresent]
        public List<JoinedGroupItem>? JoinedGroups { get; set; }
    }

    public sealed class JoinedGroupItem
    {
        public string? GroupName { get; set; }
        public string? Description { get; set; }
        [AlwaysPresent]
        public string? GroupId { get; set; }
        public string? GroupType { get; set; }
        public string? JoinTime { get; set; }
    }

    /// <summary>Actions whose only field is the zone (GetSCIMSynchronizationStatus).</summary>
    public sealed class ZoneRequest
    {
        public string? ZoneId { get; set; }
    }

    public sealed class GetSCIMSynchronizationStatusResponse : ApiResponse
    {
        [AlwaysPresent]
        public string? SCIMSynchronizationStatus { get; set; }
    }
}
