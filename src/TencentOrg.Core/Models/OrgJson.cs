using System.Text.Json;
using System.Text.Json.Serialization;

namespace TencentOrg.Models
{
    /// <summary>
    /// Source-generated JSON: no reflection at first call (fast import and first request), nulls omitted
    /// as the SDKs do, PascalCase names as on the wire.
    /// </summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(EmptyRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<EmptyResponse>))]
    [JsonSerializable(typeof(CreateOrganizationIdentityRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<CreateOrganizationIdentityResponse>))]
    [JsonSerializable(typeof(ListOrganizationIdentityRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListOrganizationIdentityResponse>))]
    [JsonSerializable(typeof(UpdateOrganizationIdentityRequest))]
    [JsonSerializable(typeof(DeleteOrganizationIdentityRequest))]
    [JsonSerializable(typeof(CreateOrganizationMemberAuthIdentityRequest))]
    [JsonSerializable(typeof(DescribeOrganizationMemberAuthIdentitiesRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<DescribeOrganizationMemberAuthIdentitiesResponse>))]
    [JsonSerializable(typeof(DeleteOrganizationMemberAuthIdentityRequest))]
    [JsonSerializable(typeof(DescribeOrganizationRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<DescribeOrganizationResponse>))]
    [JsonSerializable(typeof(DescribeOrganizationMembersRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<DescribeOrganizationMembersResponse>))]
    [JsonSerializable(typeof(ResponseEnvelope<DescribeIdentityCenterResponse>))]
    [JsonSerializable(typeof(CreateRoleAssignmentRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<CreateRoleAssignmentResponse>))]
    [JsonSerializable(typeof(ProvisionRoleConfigurationRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<RoleProvisioningTaskResponse>))]
    [JsonSerializable(typeof(GetTaskStatusRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<GetTaskStatusResponse>))]
    [JsonSerializable(typeof(ListRoleAssignmentsRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListRoleAssignmentsResponse>))]
    [JsonSerializable(typeof(DeleteRoleAssignmentRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<DeleteRoleAssignmentResponse>))]
    [JsonSerializable(typeof(DismantleRoleConfigurationRequest))]
    [JsonSerializable(typeof(ListTasksRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListTasksResponse>))]
    [JsonSerializable(typeof(ListRoleConfigurationProvisioningsRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListRoleConfigurationProvisioningsResponse>))]
    [JsonSerializable(typeof(ListRoleConfigurationsRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListRoleConfigurationsResponse>))]
    [JsonSerializable(typeof(GetRoleConfigurationRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<GetRoleConfigurationResponse>))]
    [JsonSerializable(typeof(ListUsersRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListUsersResponse>))]
    [JsonSerializable(typeof(ListGroupsRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListGroupsResponse>))]
    // CIC users, groups and membership (UserGroupModels.cs)
    [JsonSerializable(typeof(CreateUserRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<UserInfoResponse>))]
    [JsonSerializable(typeof(GetUserRequest))]
    [JsonSerializable(typeof(UpdateUserRequest))]
    [JsonSerializable(typeof(UpdateUserStatusRequest))]
    [JsonSerializable(typeof(DeleteUserRequest))]
    [JsonSerializable(typeof(CreateGroupRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<GroupInfoResponse>))]
    [JsonSerializable(typeof(GetGroupRequest))]
    [JsonSerializable(typeof(UpdateGroupRequest))]
    [JsonSerializable(typeof(DeleteGroupRequest))]
    [JsonSerializable(typeof(GroupMembershipRequest))]
    [JsonSerializable(typeof(ListGroupMembersRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListGroupMembersResponse>))]
    [JsonSerializable(typeof(ListJoinedGroupsForUserRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListJoinedGroupsForUserResponse>))]
    [JsonSerializable(typeof(ZoneRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<GetSCIMSynchronizationStatusResponse>))]
    // Permission configurations and their policies (CIC spec §4).
    [JsonSerializable(typeof(CreateRoleConfigurationRequest))]
    [JsonSerializable(typeof(UpdateRoleConfigurationRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<RoleConfigurationInfoResponse>))]
    [JsonSerializable(typeof(DeleteRoleConfigurationRequest))]
    [JsonSerializable(typeof(AddPermissionPolicyToRoleConfigurationRequest))]
    [JsonSerializable(typeof(RemovePermissionPolicyFromRoleConfigurationRequest))]
    [JsonSerializable(typeof(ListPermissionPoliciesInRoleConfigurationRequest))]
    [JsonSerializable(typeof(ResponseEnvelope<ListPermissionPoliciesInRoleConfigurationResponse>))]
    [JsonSerializable(typeof(UpdateCustomPolicyForRoleConfigurationRequest))]
    internal sealed partial class OrgJsonContext : JsonSerializerContext
    {
    }

    public static class OrgJson
    {
        public static byte[] Serialize(object request) =>
            JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), OrgJsonContext.Default);

        /// <summary>The wire form of any model object (a page of items), to tell whether two answers are the same.</summary>
        public static byte[] SerializeModel(object value) =>
            JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), OrgJsonContext.Default);

        public static ResponseEnvelope<T>? DeserializeEnvelope<T>(byte[] body) where T : ApiResponse =>
            (ResponseEnvelope<T>?)JsonSerializer.Deserialize(body, typeof(ResponseEnvelope<T>), OrgJsonContext.Default);
    }
}
