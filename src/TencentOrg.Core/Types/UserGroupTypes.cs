namespace TencentOrg
{
    /// <summary>A member of a CIC group (ListGroupMembers): a reduced user record plus when it joined. Pipes into Remove-TcOrgGroupMember.</summary>
    public sealed class OrgGroupMember
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        /// <summary>Enabled or Disabled.</summary>
        public string? UserStatus { get; set; }
        /// <summary>Manual or Synchronized.</summary>
        public string? UserType { get; set; }
        public string? Description { get; set; }
        /// <summary>"yyyy-MM-dd HH:mm:ss" as the service gives it (no time zone).</summary>
        public string? JoinTime { get; set; }

        public override string ToString() => UserName + " (" + UserId + ") in " + GroupId;
    }

    /// <summary>What Add-/Remove-TcOrgGroupMember did for one user and group.</summary>
    public sealed class OrgGroupMembership
    {
        public const string Added = "Added";
        public const string AlreadyMember = "AlreadyMember";
        public const string Removed = "Removed";
        public const string NotMember = "NotMember";

        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? UserId { get; set; }
        /// <summary>Added, AlreadyMember (the service said so: nothing to do), Removed or NotMember.</summary>
        public string? Outcome { get; set; }
        /// <summary>The RequestId of the write; null when the state was read back or the service reported nothing to do.</summary>
        public string? RequestId { get; set; }

        public override string ToString() => UserId + " in " + GroupId + ": " + Outcome;
    }
}
