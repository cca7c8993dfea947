namespace TencentOrg.Emulator;

public enum WireType { String, Int64, UInt64, Boolean, Object }

/// <summary>One request field: JSON type, presence and the value rules the emulator enforces.</summary>
public sealed class FieldSpec
{
    public FieldSpec(string name, WireType type) { Name = name; Type = type; }

    public string Name { get; }
    public WireType Type { get; }
    public bool Required { get; init; }
    public bool IsArray { get; init; }
    public int? MaxItems { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    public IReadOnlyCollection<string>? Allowed { get; init; }
    public ObjectSchema? Object { get; init; }
}

public sealed class ObjectSchema
{
    public ObjectSchema(string name, params FieldSpec[] fields)
    {
        Name = name;
        Fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string Name { get; }
    public IReadOnlyDictionary<string, FieldSpec> Fields { get; }
}

/// <summary>Known request fields and wire types per action (spec §2, §4). Names are case-sensitive.</summary>
public static class ActionSchemas
{
    private static readonly string[] TargetTypes = { "MemberUin", "ManagerUin" };
    private static readonly string[] PrincipalTypes = { "User", "Group" };
    private static readonly string[] UserStatuses = { "Enabled", "Disabled" };
    private static readonly string[] PrincipalKinds = { "Manual", "Synchronized" };
    private static FieldSpec Bool(string name) => new(name, WireType.Boolean);

    private static FieldSpec Str(string name, bool required = false, IReadOnlyCollection<string>? allowed = null) =>
        new(name, WireType.String) { Required = required, Allowed = allowed };
    private static FieldSpec I64(string name, bool required = false, long? min = null, long? max = null) =>
        new(name, WireType.Int64) { Required = required, Min = min, Max = max };
    private static FieldSpec U64(string name, bool required = false, long? min = null, long? max = null) =>
        new(name, WireType.UInt64) { Required = required, Min = min, Max = max };
    private static FieldSpec Uin(string name, WireType type, bool required = false) =>
        new(name, type) { Required = required, Min = 0 };
    private static FieldSpec Arr(string name, WireType type, bool required = false, int? maxItems = null, ObjectSchema? obj = null) =>
        new(name, type) { Required = required, IsArray = true, MaxItems = maxItems, Object = obj };
    private static FieldSpec ZoneId() => Str("ZoneId", required: true);
    private static FieldSpec MaxResults() => I64("MaxResults", min: 1, max: 100);
    private static FieldSpec OffsetField(WireType type) => new("Offset", type) { Required = true, Min = 0 };
    private static FieldSpec LimitField(WireType type) => new("Limit", type) { Required = true, Min = 1, Max = 50 };

    public static readonly ObjectSchema IdentityPolicy = new("IdentityPolicy",
        U64("PolicyId"), Str("PolicyName"), U64("PolicyType", min: 1, max: 2), Str("PolicyDocument"));

    // All five fields are optional in the metadata but required in practice (spec §12.2).
    public static readonly ObjectSchema RoleAssignmentInfo = new("RoleAssignmentInfo",
        Str("PrincipalId", required: true), Str("PrincipalType", required: true, allowed: PrincipalTypes),
        Uin("TargetUin", WireType.Int64, required: true), Str("TargetType", required: true, allowed: TargetTypes),
        Str("RoleConfigurationId", required: true));

    public static readonly ObjectSchema Tag = new("Tag", Str("TagKey", required: true), Str("TagValue"));

    // Permission configurations and their policies (CIC spec §4).
    private static readonly string[] RolePolicyTypes = { "System", "Custom" };

    public static readonly ObjectSchema PolicyDetail = new("PolicyDetail", I64("PolicyId", required: true, min: 1), Str("PolicyName"));

    private static readonly Dictionary<string, ObjectSchema> Schemas = new ObjectSchema[]
    {
        new("CreateOrganizationIdentity",
            Str("IdentityAliasName", required: true),
            Arr("IdentityPolicy", WireType.Object, required: true, obj: IdentityPolicy),
            Str("Description")),
        new("ListOrganizationIdentity",
            OffsetField(WireType.UInt64), LimitField(WireType.UInt64), Str("SearchKey"),
            U64("IdentityId"), U64("IdentityType", min: 1, max: 2)),
        new("UpdateOrganizationIdentity",
            U64("IdentityId", required: true), Str("Description", required: true),
            Arr("IdentityPolicy", WireType.Object, required: true, obj: IdentityPolicy)),
        new("DeleteOrganizationIdentity", U64("IdentityId", required: true)),
        new("CreateOrganizationMemberAuthIdentity",
            Arr("MemberUins", WireType.UInt64, required: true, maxItems: 10),
            Arr("IdentityIds", WireType.UInt64, required: true, maxItems: 5)),
        new("DescribeOrganizationMemberAuthIdentities",
            OffsetField(WireType.Int64), LimitField(WireType.Int64),
            Uin("MemberUin", WireType.Int64), U64("IdentityId")),
        new("DeleteOrganizationMemberAuthIdentity",
            Uin("MemberUin", WireType.UInt64, required: true), U64("IdentityId", required: true)),
        new("DescribeOrganization", Str("Lang", allowed: new[] { "en", "zh" }), Str("Product")),
        new("DescribeOrganizationMembers",
            OffsetField(WireType.UInt64), LimitField(WireType.UInt64),
            Str("Lang", allowed: new[] { "en", "zh" }), Str("SearchKey"), Str("AuthName"), Str("Product"),
            Arr("Tags", WireType.Object, maxItems: 10, obj: Tag), U64("NodeId"), Str("NodeName")),
        new("DescribeIdentityCenter"),
        new("GetZoneStatistics", ZoneId()),
        new("ListUsers",
            ZoneId(), Str("UserStatus", allowed: new[] { "Enabled", "Disabled" }),
            Str("UserType", allowed: new[] { "Manual", "Synchronized" }), Str("Filter"), MaxResults(), Str("NextToken"),
            Arr("FilterGroups", WireType.String), Str("SortField", allowed: new[] { "CreateTime" }),
            Str("SortType", allowed: new[] { "Desc", "Asc" }), I64("Offset", min: 0)),
        new("ListGroups",
            ZoneId(), Str("NextToken"), MaxResults(), Str("Filter"),
            Str("GroupType", allowed: new[] { "Manual", "Synchronized" }), Arr("FilterUsers", WireType.String),
            Str("SortField", allowed: new[] { "CreateTime" }), Str("SortType", allowed: new[] { "Desc", "Asc" }),
            I64("Offset", min: 0)),
        new("ListRoleConfigurations",
            ZoneId(), Str("NextToken"), MaxResults(), Str("Filter"), Arr("FilterTargets", WireType.Int64), Str("PrincipalId")),
        new("GetRoleConfiguration", ZoneId(), Str("RoleConfigurationId", required: true)),
        new("CreateRoleAssignment",
            ZoneId(), Arr("RoleAssignmentInfo", WireType.Object, maxItems: 50, obj: RoleAssignmentInfo)),
        new("DeleteRoleAssignment",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("TargetType", required: true, allowed: TargetTypes),
            Uin("TargetUin", WireType.Int64, required: true), Str("PrincipalType", required: true, allowed: PrincipalTypes),
            Str("PrincipalId", required: true),
            Str("DeprovisionStrategy", allowed: new[] { "DeprovisionForLastRoleAssignmentOnAccount", "None" })),
        new("ListRoleAssignments",
            ZoneId(), Str("RoleConfigurationId"), MaxResults(), Str("NextToken"), Str("TargetType", allowed: TargetTypes),
            Uin("TargetUin", WireType.Int64), Str("PrincipalType", allowed: PrincipalTypes), Str("PrincipalId"), Str("Filter")),
        new("ProvisionRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("TargetType", required: true, allowed: TargetTypes),
            Uin("TargetUin", WireType.Int64, required: true)),
        new("DismantleRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("TargetType", required: true, allowed: TargetTypes),
            Uin("TargetUin", WireType.Int64, required: true)),
        new("ListRoleConfigurationProvisionings",
            ZoneId(), Str("RoleConfigurationId"), MaxResults(), Str("NextToken"), Str("TargetType", allowed: TargetTypes),
            Uin("TargetUin", WireType.Int64),
            Str("DeploymentStatus", allowed: new[] { "Deployed", "DeployedRequired", "DeployFailed" }), Str("Filter")),
        new("GetTaskStatus", ZoneId(), Str("TaskId", required: true)),
        new("GetProvisioningTaskStatus", ZoneId(), Str("TaskId", required: true)),
        new("ListTasks",
            ZoneId(), Str("PrincipalId"), Str("NextToken"), MaxResults(), Str("PrincipalType", allowed: PrincipalTypes),
            Uin("TargetUin", WireType.Int64), Str("TargetType", allowed: TargetTypes), Str("RoleConfigurationId"),
            Str("Status", allowed: new[] { "InProgress", "Success", "Failed" }), Str("TaskType")),
        // Users, groups, membership, SCIM status and CAM user synchronizations (spec CIC §2, §3, §5); field names as the SDK models.
        new("CreateUser",
            ZoneId(), Str("UserName", required: true), Str("FirstName"), Str("LastName"), Str("DisplayName"), Str("Description"),
            Str("Email"), Str("UserStatus", allowed: UserStatuses), Str("UserType", allowed: PrincipalKinds), Bool("NeedResetPassword")),
        new("GetUser", Str("UserId", required: true), ZoneId()),
        new("UpdateUser",
            ZoneId(), Str("UserId", required: true), Str("NewFirstName"), Str("NewLastName"), Str("NewDisplayName"),
            Str("NewDescription"), Str("NewEmail"), Bool("NeedResetPassword")),
        new("UpdateUserStatus", ZoneId(), Str("UserId", required: true), Str("NewUserStatus", required: true, allowed: UserStatuses)),
        new("DeleteUser", ZoneId(), Str("UserId", required: true)),
        new("CreateGroup", ZoneId(), Str("GroupName", required: true), Str("Description"), Str("GroupType", allowed: PrincipalKinds)),
        new("GetGroup", ZoneId(), Str("GroupId", required: true)),
        new("UpdateGroup", ZoneId(), Str("GroupId", required: true), Str("NewGroupName"), Str("NewDescription")),
        new("DeleteGroup", ZoneId(), Str("GroupId", required: true)),
        new("AddUserToGroup", ZoneId(), Str("GroupId", required: true), Str("UserId", required: true)),
        new("RemoveUserFromGroup", ZoneId(), Str("GroupId", required: true), Str("UserId", required: true)),
        new("ListGroupMembers",
            ZoneId(), Str("GroupId", required: true), Str("NextToken"), MaxResults(), Str("UserType", allowed: PrincipalKinds)),
        new("ListJoinedGroupsForUser", ZoneId(), Str("UserId", required: true), Str("NextToken"), MaxResults()),
        new("GetSCIMSynchronizationStatus", ZoneId()),
        new("ListUserSyncProvisionings",
            ZoneId(), Str("PrincipalId"), Str("NextToken"), MaxResults(), Str("PrincipalType", allowed: PrincipalTypes),
            Uin("TargetUin", WireType.Int64), Str("TargetType", allowed: TargetTypes), Str("Filter")),
        new("DeleteUserSyncProvisioning", ZoneId(), Str("UserProvisioningId", required: true)),
        // Permission configurations and their policies (CIC spec §4.1-4.7; field names as the .NET SDK 3.0.1493 models).
        new("CreateRoleConfiguration",
            ZoneId(), Str("RoleConfigurationName", required: true), Str("Description"),
            I64("SessionDuration", min: 900, max: 43200), Str("RelayState")),
        new("UpdateRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("NewDescription"),
            I64("NewSessionDuration", min: 900, max: 43200), Str("NewRelayState")),
        new("DeleteRoleConfiguration", ZoneId(), Str("RoleConfigurationId", required: true)),
        new("AddPermissionPolicyToRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("RolePolicyType", required: true, allowed: RolePolicyTypes),
            Arr("RolePolicyNames", WireType.String, maxItems: 20), Arr("RolePolicies", WireType.Object, maxItems: 20, obj: PolicyDetail),
            Str("CustomPolicyDocument"), Arr("CustomPolicyDocuments", WireType.String, maxItems: 20), I64("PolicyType", min: 0, max: 1)),
        new("RemovePermissionPolicyFromRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("RolePolicyType", required: true, allowed: RolePolicyTypes),
            Str("RolePolicyName"), I64("RolePolicyId", min: 0)),
        new("ListPermissionPoliciesInRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("RolePolicyType", allowed: RolePolicyTypes), Str("Filter")),
        new("UpdateCustomPolicyForRoleConfiguration",
            ZoneId(), Str("RoleConfigurationId", required: true), Str("CustomPolicyName", required: true), Str("NewCustomPolicyDocument")),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Actions => Schemas.Keys;

    public static bool TryGet(string action, out ObjectSchema schema) => Schemas.TryGetValue(action, out schema!);
}
