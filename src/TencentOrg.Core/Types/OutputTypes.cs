using System;

namespace TencentOrg
{
    // Objects the cmdlets emit; TencentOrg.format.ps1xml gives each a table and a list view.

    /// <summary>How a write settled one item; set by the one write path (ReconcilingWrite) on every object a write cmdlet emits.</summary>
    public enum WriteOutcome
    {
        /// <summary>Sent, and the service answered that it created it (or started the task that does).</summary>
        Created,
        /// <summary>Already in place before anything was sent (-SkipExisting): nothing was created.</summary>
        Existing,
        /// <summary>
        /// The answer was lost, throttled or refused, and reading back found the wanted state (created, or gone for a remove):
        /// it may be this run's doing or may have been so before the run. A warning says so.
        /// </summary>
        Reconciled,
        /// <summary>Sent, and the service answered that it changed it.</summary>
        Updated,
        /// <summary>Sent, and the service answered that it removed it (or started the task that does).</summary>
        Removed,
    }

    /// <summary>An object a write can emit: it carries the <see cref="WriteOutcome"/> of the write (null when it came from a read).</summary>
    public interface IWriteResult
    {
        /// <summary>How the write settled this item; null for objects from Get- cmdlets.</summary>
        WriteOutcome? Outcome { get; set; }
    }

    /// <summary>An organization (member-access) identity.</summary>
    public sealed class OrgIdentity : IWriteResult
    {
        /// <summary>How the write that emitted it settled (Created, Existing, Reconciled, Updated); null from Get-TcOrgIdentity.</summary>
        public WriteOutcome? Outcome { get; set; }
        public long IdentityId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>Text form "1:AdministratorAccess;2:ReadOnlyAccess" (what -Policy accepts).</summary>
        public IdentityPolicyList Policies { get; set; } = IdentityPolicyList.Empty;
        /// <summary>1 = preset, 2 = custom.</summary>
        public long? IdentityType { get; set; }
        public string? UpdateTime { get; set; }
        public string? RequestId { get; set; }

        public override string ToString() => Name + " (" + IdentityId + ")";
    }

    /// <summary>One identity granted to one member account.</summary>
    public sealed class MemberAuthIdentity : IWriteResult
    {
        /// <summary>How the grant settled (Created, Existing, Reconciled); null from Get-TcOrgMemberAuthIdentity.</summary>
        public WriteOutcome? Outcome { get; set; }
        public long MemberUin { get; set; }
        public string? MemberName { get; set; }
        public long IdentityId { get; set; }
        public string? IdentityRoleName { get; set; }
        public string? IdentityRoleAliasName { get; set; }
        public string? Description { get; set; }
        /// <summary>Configured or NeedsReconfiguration, as the service lists it.</summary>
        public string? Status { get; set; }
        /// <summary>Add-TcOrgMemberAuthIdentity -SkipExisting: the member already held the identity, nothing was sent for it.</summary>
        public bool AlreadyGranted { get; set; }
        public long? IdentityType { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        public string? RequestId { get; set; }

        public override string ToString() => MemberUin + "/" + IdentityId;
    }

    /// <summary>
    /// An asynchronous CIC task (assignment, deletion, provisioning, dismantling). TaskInfo.Status and
    /// RoleProvisioningsTask.TaskStatus are normalized into Status.
    /// </summary>
    public sealed class RoleTask : IWriteResult
    {
        /// <summary>How the write that started it settled (Created, Existing, Reconciled, Removed); null from Get-TcOrgTask.</summary>
        public WriteOutcome? Outcome { get; set; }
        public string? TaskId { get; set; }
        public string? ZoneId { get; set; }
        /// <summary>InProgress, Success or Failed.</summary>
        public string? Status { get; set; }
        public string? TaskType { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalId { get; set; }
        public string? FailureReason { get; set; }
        public string? RequestId { get; set; }

        /// <summary>Success or Failed: nothing left to wait for.</summary>
        public bool IsFinished => Status == RoleTaskStatus.Success || Status == RoleTaskStatus.Failed;

        public override string ToString() => TaskId + " " + Status;
    }

    /// <summary>The values of <see cref="RoleTask.Status"/>.</summary>
    public static class RoleTaskStatus
    {
        /// <summary>Still running.</summary>
        public const string InProgress = "InProgress";
        /// <summary>Finished and done.</summary>
        public const string Success = "Success";
        /// <summary>Finished and not done; FailureReason says why.</summary>
        public const string Failed = "Failed";
    }
}
