using System.Text.Json;

namespace TencentOrg.Emulator;

/// <summary>
/// The seed file: every section is optional; a missing (null) section falls back to the generated default.
/// See README.md and seed.sample.json.
/// </summary>
public sealed class EmulatorSeed
{
    public OrganizationInfo? Organization { get; set; }
    public List<OrgMember>? Members { get; set; }
    public List<PresetPolicy>? PresetPolicies { get; set; }
    public List<OrgIdentity>? Identities { get; set; }
    public List<MemberAuthIdentity>? MemberAuthIdentities { get; set; }
    /// <summary>Null keeps the default zone; a zone with ServiceStatus Disabled makes CIC calls fail with IdentityCenterNotOpen.</summary>
    public IdentityCenterZone? Zone { get; set; }
    public List<CicUser>? Users { get; set; }
    public List<CicGroup>? Groups { get; set; }
    public List<RoleConfiguration>? RoleConfigurations { get; set; }
    public List<RoleAssignment>? RoleAssignments { get; set; }
    public List<RoleProvisioning>? Provisionings { get; set; }
    /// <summary>CAM user synchronizations (none by default).</summary>
    public List<UserSyncProvisioning>? UserProvisionings { get; set; }

    public static EmulatorSeed Load(string path)
    {
        var seed = JsonSerializer.Deserialize<EmulatorSeed>(File.ReadAllText(path),
            new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return seed ?? new EmulatorSeed();
    }

    public const long FirstMemberUin = 100000000001;
    public const string DefaultZoneId = "z-emulator0001";

    public static List<OrgMember> DefaultMembers(int count) =>
        Enumerable.Range(1, Math.Max(0, count)).Select(i => new OrgMember
        {
            MemberUin = FirstMemberUin + i - 1,
            Name = "member-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();

    public static List<PresetPolicy> DefaultPresetPolicies() => new()
    {
        new() { PolicyId = 1, PolicyName = "AdministratorAccess" },
        new() { PolicyId = 2, PolicyName = "ReadOnlyAccess" },
        new() { PolicyId = 3, PolicyName = "QcloudCAMFullAccess" },
        new() { PolicyId = 4, PolicyName = "QcloudFinanceFullAccess" },
        new() { PolicyId = 5, PolicyName = "QcloudCVMFullAccess" },
        new() { PolicyId = 6, PolicyName = "QcloudCOSReadOnlyAccess" },
    };

    public static List<OrgIdentity> DefaultIdentities() => new()
    {
        new()
        {
            IdentityId = 1, IdentityAliasName = "OrganizationAccessControl", IdentityType = 1,
            IdentityRoleName = "OrganizationAccessControlRole", Description = "Preset administrator identity",
            IdentityPolicy = { new() { PolicyId = 1, PolicyName = "AdministratorAccess", PolicyType = 2 } },
        },
    };

    public static List<CicUser> DefaultUsers(int count) =>
        Enumerable.Range(1, Math.Max(0, count)).Select(i =>
        {
            string n = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            return new CicUser
            {
                UserId = "u-emuuser" + n, UserName = "user" + n, FirstName = "User", LastName = n,
                DisplayName = "User " + n, Email = "user" + n + "@emulator.example", Description = "Generated user",
            };
        }).ToList();

    public static List<CicGroup> DefaultGroups(int count, IReadOnlyList<CicUser> users) =>
        Enumerable.Range(1, Math.Max(0, count)).Select(i =>
        {
            string n = i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            return new CicGroup
            {
                GroupId = "g-emugroup" + n, GroupName = "group" + n, Description = "Generated group",
                // Users are spread round-robin so every group has members when there are enough users.
                UserIds = users.Where((_, idx) => idx % count == i - 1).Select(u => u.UserId).ToList(),
            };
        }).ToList();

    public static List<RoleConfiguration> DefaultRoleConfigurations() => new()
    {
        new()
        {
            RoleConfigurationId = "rc-emuconfig001", RoleConfigurationName = "AdministratorAccess", Description = "Full access",
            Policies = { SystemPolicy(1, "AdministratorAccess") },
        },
        new()
        {
            RoleConfigurationId = "rc-emuconfig002", RoleConfigurationName = "ReadOnlyAccess", Description = "Read-only access",
            Policies = { SystemPolicy(2, "ReadOnlyAccess") },
        },
        new()
        {
            RoleConfigurationId = "rc-emuconfig003", RoleConfigurationName = "FinanceAccess", Description = "Billing and finance",
            Policies = { SystemPolicy(4, "QcloudFinanceFullAccess"), CustomPolicy("finance-deny-cam", "deny", "name/cam:*") },
        },
        new()
        {
            RoleConfigurationId = "rc-emuconfig004", RoleConfigurationName = "DeveloperAccess", Description = "CVM and COS for developers",
            Policies = { SystemPolicy(5, "QcloudCVMFullAccess"), SystemPolicy(6, "QcloudCOSReadOnlyAccess"), CustomPolicy("dev-vpc", "allow", "name/vpc:*") },
        },
    };

    private static RolePolicyEntry SystemPolicy(long id, string name) =>
        new() { RolePolicyId = id, RolePolicyName = name, RolePolicyType = "System" };

    private static RolePolicyEntry CustomPolicy(string name, string effect, string action) => new()
    {
        RolePolicyName = name, RolePolicyType = "Custom",
        RolePolicyDocument = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"" + effect + "\",\"action\":[\"" + action + "\"],\"resource\":[\"*\"]}]}",
    };
}
