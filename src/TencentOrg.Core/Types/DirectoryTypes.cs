using System;

namespace TencentOrg
{
    // Objects the directory cmdlets emit (members, the CIC zone, users, groups, permission configurations). Property
    // names follow the API where they are keys, so the objects pipe by property name into the cmdlets that take those keys.

    /// <summary>A member account of the organization (DescribeOrganizationMembers).</summary>
    public sealed class OrgMember
    {
        public long MemberUin { get; set; }
        public string? Name { get; set; }
        /// <summary>Invite or Create.</summary>
        public string? MemberType { get; set; }
        public long? NodeId { get; set; }
        public string? NodeName { get; set; }
        public string? Remark { get; set; }
        public string? PermissionStatus { get; set; }
        public string? BindStatus { get; set; }
        public string? IsAllowQuit { get; set; }
        public string? PayUin { get; set; }
        public string? PayName { get; set; }
        public string? NickName { get; set; }
        /// <summary>Organization identities granted to the member; text form "101:Ops;102:Auditor".</summary>
        public OrgMemberIdentityList Identities { get; set; } = OrgMemberIdentityList.Empty;
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }

        public override string ToString() => Name + " (" + MemberUin + ")";
    }

    /// <summary>One identity a member holds, as DescribeOrganizationMembers lists it.</summary>
    public sealed class OrgMemberIdentity
    {
        public long IdentityId { get; set; }
        public string? IdentityAliasName { get; set; }

        public override string ToString() => IdentityAliasName + " (" + IdentityId + ")";
    }

    /// <summary>The CIC (Identity Center) space of the organization (DescribeIdentityCenter).</summary>
    public sealed class IdentityCenter
    {
        public string? ZoneId { get; set; }
        public string? ZoneName { get; set; }
        /// <summary>Enabled or Disabled.</summary>
        public string? ServiceStatus { get; set; }
        public string? ScimSyncStatus { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }

        public override string ToString() => ZoneId + " (" + ZoneName + ")";
    }

    /// <summary>A CIC permission configuration (ListRoleConfigurations / GetRoleConfiguration).</summary>
    public sealed class RoleConfiguration : IWriteResult
    {
        /// <summary>How the write that emitted it settled (Created, Existing, Reconciled, Updated); null from a Get- cmdlet.</summary>
        public WriteOutcome? Outcome { get; set; }
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public string? Description { get; set; }
        /// <summary>Maximum session length in seconds.</summary>
        public long? SessionDuration { get; set; }
        public string? RelayState { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }

        public override string ToString() => RoleConfigurationName + " (" + RoleConfigurationId + ")";
    }

    /// <summary>A CIC user (ListUsers). UserId binds to -PrincipalId (alias UserId) of the assignment cmdlets.</summary>
    public sealed class OrgUser : IWriteResult
    {
        /// <summary>How the write that emitted it settled (Created, Existing, Reconciled, Updated); null from a Get- cmdlet.</summary>
        public WriteOutcome? Outcome { get; set; }
        public string? ZoneId { get; set; }
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        /// <summary>Enabled or Disabled.</summary>
        public string? UserStatus { get; set; }
        /// <summary>Manual or Synchronized.</summary>
        public string? UserType { get; set; }
        public string? Description { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        /// <summary>True when the user must change the password at the next sign-in.</summary>
        public bool? NeedResetPassword { get; set; }
        /// <summary>
        /// The initial password, only on the output of New-TcOrgUser (CreateUser is the only answer that carries it) and
        /// only as a SecureString; null everywhere else, and when the create's answer was lost and the user was read back.
        /// </summary>
        public System.Security.SecureString? InitialPassword { get; set; }
        /// <summary>The RequestId of the write that produced this object (New-/Set-TcOrgUser); null on reads.</summary>
        public string? RequestId { get; set; }

        public override string ToString() => UserName + " (" + UserId + ")";
    }

    /// <summary>A CIC user group (ListGroups). GroupId binds to -PrincipalId (alias GroupId).</summary>
    public sealed class OrgGroup : IWriteResult
    {
        /// <summary>How the write that emitted it settled (Created, Existing, Reconciled, Updated); null from a Get- cmdlet.</summary>
        public WriteOutcome? Outcome { get; set; }
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? GroupName { get; set; }
        /// <summary>Manual or Synchronized.</summary>
        public string? GroupType { get; set; }
        public string? Description { get; set; }
        public long? MemberCount { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        /// <summary>The RequestId of the write that produced this object (New-/Set-TcOrgGroup); null on reads.</summary>
        public string? RequestId { get; set; }

        public override string ToString() => GroupName + " (" + GroupId + ")";
    }
}
