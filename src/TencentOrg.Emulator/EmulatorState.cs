using System.Globalization;

namespace TencentOrg.Emulator;

/// <summary>
/// All emulated resources. Handlers mutate it under <see cref="SyncRoot"/>; the public getters return
/// snapshots so tests can inspect it from any thread.
/// </summary>
public sealed class EmulatorState
{
    private readonly EmulatorOptions _options;
    private readonly Func<DateTimeOffset> _clock;
    private long _nextIdentityId;
    private long _taskCounter;

    public EmulatorState(EmulatorOptions options, Func<DateTimeOffset> clock)
    {
        _options = options;
        _clock = clock;
        var seed = options.SeedFile is null ? new EmulatorSeed() : EmulatorSeed.Load(options.SeedFile);
        Organization = seed.Organization ?? new OrganizationInfo();
        MemberList = seed.Members ?? EmulatorSeed.DefaultMembers(options.GeneratedMemberCount);
        PresetPolicyList = seed.PresetPolicies ?? EmulatorSeed.DefaultPresetPolicies();
        IdentityList = seed.Identities ?? EmulatorSeed.DefaultIdentities();
        MemberAuthList = seed.MemberAuthIdentities ?? new List<MemberAuthIdentity>();
        Zone = seed.Zone ?? new IdentityCenterZone();
        UserList = seed.Users ?? EmulatorSeed.DefaultUsers(options.GeneratedUserCount);
        GroupList = seed.Groups ?? EmulatorSeed.DefaultGroups(options.GeneratedGroupCount, UserList);
        RoleConfigurationList = seed.RoleConfigurations ?? EmulatorSeed.DefaultRoleConfigurations();
        AssignmentList = new AssignmentTable(seed.RoleAssignments);
        ProvisioningList = seed.Provisionings ?? new List<RoleProvisioning>();
        UserSyncProvisioningList = seed.UserProvisionings ?? new List<UserSyncProvisioning>();
        _nextIdentityId = Math.Max(100, IdentityList.Count == 0 ? 0 : IdentityList.Max(i => i.IdentityId)) + 1;
    }

    /// <summary>Lock held by every handler; take it when reading several collections consistently.</summary>
    public object SyncRoot { get; } = new();

    public OrganizationInfo Organization { get; }
    public IdentityCenterZone Zone { get; }

    internal List<OrgMember> MemberList { get; }
    internal List<PresetPolicy> PresetPolicyList { get; }
    internal List<OrgIdentity> IdentityList { get; }
    internal List<MemberAuthIdentity> MemberAuthList { get; }
    internal List<CicUser> UserList { get; }
    internal List<CicGroup> GroupList { get; }
    internal List<RoleConfiguration> RoleConfigurationList { get; }
    internal AssignmentTable AssignmentList { get; }
    internal List<RoleProvisioning> ProvisioningList { get; }
    internal List<EmulatedTask> TaskList { get; } = new();
    internal List<UserSyncProvisioning> UserSyncProvisioningList { get; }
    internal List<UserSyncTask> UserSyncTaskList { get; } = new();
    // GetTaskStatus by id stays O(1) when a wait falls back to polling each of 10,000 tasks.
    private readonly Dictionary<string, EmulatedTask> _tasksById = new(StringComparer.Ordinal);

    public IReadOnlyList<OrgMember> Members => Snap(MemberList);
    public IReadOnlyList<PresetPolicy> PresetPolicies => Snap(PresetPolicyList);
    public IReadOnlyList<OrgIdentity> Identities => Snap(IdentityList);
    public IReadOnlyList<MemberAuthIdentity> MemberAuthIdentities => Snap(MemberAuthList);
    public IReadOnlyList<CicUser> Users => Snap(UserList);
    public IReadOnlyList<CicGroup> Groups => Snap(GroupList);
    public IReadOnlyList<RoleConfiguration> RoleConfigurations => Snap(RoleConfigurationList);
    public IReadOnlyList<RoleAssignment> RoleAssignments => Snap(AssignmentList);
    public IReadOnlyList<RoleProvisioning> Provisionings => Snap(ProvisioningList);
    public IReadOnlyList<EmulatedTask> Tasks => Snap(TaskList);
    public IReadOnlyList<UserSyncProvisioning> UserSyncProvisionings => Snap(UserSyncProvisioningList);

    private IReadOnlyList<T> Snap<T>(IEnumerable<T> list)
    {
        lock (SyncRoot) return list.ToList();
    }

    internal DateTimeOffset Now => _clock();

    internal string NowText => Stamp(_clock());

    private static string Stamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    internal long NextIdentityId() => _nextIdentityId++;

    /// <summary>Task ids look like the real ones: t- plus 12 lowercase letters/digits.</summary>
    internal string NextTaskId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        long n = ++_taskCounter * 7919 + 104729;
        var chars = new char[12];
        for (int i = 11; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(n % alphabet.Length)];
            n /= alphabet.Length;
        }
        return "t-" + new string(chars);
    }

    internal EmulatedTask? FindTask(string taskId) => _tasksById.TryGetValue(taskId, out var task) ? task : null;

    internal OrgMember? FindMember(long uin) => MemberList.FirstOrDefault(m => m.MemberUin == uin);

    /// <summary>Name of a target account: the management account or a member.</summary>
    internal string TargetName(string targetType, long uin) =>
        targetType == "ManagerUin" && uin == Organization.HostUin ? Organization.NickName : FindMember(uin)?.Name ?? "";

    internal string PrincipalName(string principalType, string principalId) =>
        principalType == "User"
            ? UserList.FirstOrDefault(u => u.UserId == principalId)?.UserName ?? ""
            : GroupList.FirstOrDefault(g => g.GroupId == principalId)?.GroupName ?? "";

    internal EmulatedTask NewTask(string taskType, string configId, string targetType, long targetUin,
        string? principalType = null, string? principalId = null)
    {
        var task = new EmulatedTask
        {
            TaskId = NextTaskId(), TaskType = taskType, RoleConfigurationId = configId, TargetType = targetType,
            TargetUin = targetUin, PrincipalType = principalType, PrincipalId = principalId, CreatedAt = Now,
        };
        TaskList.Add(task);
        _tasksById.Add(task.TaskId, task);
        return task;
    }

    /// <summary>
    /// Moves a task on. With <see cref="EmulatorOptions.TaskDuration"/> only its age counts; otherwise GetTaskStatus
    /// polls count toward <see cref="EmulatorOptions.TaskPollsToComplete"/> and listings change nothing.
    /// </summary>
    internal void Advance(EmulatedTask task, bool isPoll)
    {
        if (task.Status != "InProgress") return;
        DateTimeOffset finishedAt;
        if (_options.TaskDuration is TimeSpan duration)
        {
            finishedAt = task.CreatedAt + duration;
            if (Now < finishedAt) return;
        }
        else
        {
            if (!isPoll) return;
            if (task.PollsSeen < _options.TaskPollsToComplete)
            {
                task.PollsSeen++;
                return;
            }
            finishedAt = Now;
        }

        TaskFailureRule? failure;
        lock (_options.SyncRoot) failure = _options.TaskFailures.FirstOrDefault(r => r.Matches(task));
        if (failure is not null)
        {
            task.Status = "Failed";
            task.FailureReason = failure.FailureReason;
        }
        else
        {
            task.Status = "Success";
        }
        task.FinishedAt = finishedAt;
        ApplyOutcome(task);
    }

    internal void AdvanceAll()
    {
        foreach (var task in TaskList) Advance(task, isPoll: false);
    }

    private void ApplyOutcome(EmulatedTask task)
    {
        bool ok = task.Status == "Success";
        switch (task.TaskType)
        {
            case "CreateRoleAssignment":
                if (ok) SetProvisioning(task, "Deployed");
                else
                {
                    // A failed create leaves nothing behind, so the client may retry it.
                    AssignmentList.RemoveAll(a => a.RoleConfigurationId == task.RoleConfigurationId && a.TargetType == task.TargetType
                        && a.TargetUin == task.TargetUin && a.PrincipalType == task.PrincipalType && a.PrincipalId == task.PrincipalId);
                }
                break;
            case "DeleteRoleAssignment":
                if (ok && task.DeprovisionLast && !HasAssignments(task.RoleConfigurationId, task.TargetType, task.TargetUin))
                    RemoveProvisioning(task);
                break;
            case "ProvisionRoleConfiguration":
                SetProvisioning(task, ok ? "Deployed" : "DeployFailed");
                break;
            case "DeprovisionRoleConfiguration":
                if (ok) RemoveProvisioning(task);
                break;
        }
    }

    internal bool HasAssignments(string configId, string targetType, long targetUin) =>
        AssignmentList.Any(a => a.RoleConfigurationId == configId && a.TargetType == targetType && a.TargetUin == targetUin);

    internal RoleProvisioning? FindProvisioning(string configId, string targetType, long targetUin) =>
        ProvisioningList.FirstOrDefault(p => p.RoleConfigurationId == configId && p.TargetType == targetType && p.TargetUin == targetUin);

    private void SetProvisioning(EmulatedTask task, string status)
    {
        string when = Stamp(task.FinishedAt ?? Now);
        var existing = FindProvisioning(task.RoleConfigurationId, task.TargetType, task.TargetUin);
        if (existing is null)
        {
            ProvisioningList.Add(new RoleProvisioning
            {
                RoleConfigurationId = task.RoleConfigurationId, TargetType = task.TargetType, TargetUin = task.TargetUin,
                DeploymentStatus = status, CreateTime = when, UpdateTime = when,
            });
        }
        else
        {
            existing.DeploymentStatus = status;
            existing.UpdateTime = when;
        }
    }

    private void RemoveProvisioning(EmulatedTask task) =>
        ProvisioningList.RemoveAll(p => p.RoleConfigurationId == task.RoleConfigurationId && p.TargetType == task.TargetType && p.TargetUin == task.TargetUin);
}
