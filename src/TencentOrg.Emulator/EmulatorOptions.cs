namespace TencentOrg.Emulator;

/// <summary>A key pair the emulator accepts. A non-null Token must be sent as X-TC-Token.</summary>
public sealed record EmulatorCredential(string SecretId, string SecretKey, string? Token = null)
{
    public static EmulatorCredential Demo { get; } =
        new("AKIDEMULATORDEMO0000000000000000000", "EmulatorDemoSecretKey0000000000000");
}

/// <summary>Makes tasks fail when every non-null criterion matches the task.</summary>
public sealed class TaskFailureRule
{
    public long? TargetUin { get; set; }
    public string? PrincipalId { get; set; }
    public string? RoleConfigurationId { get; set; }
    /// <summary>e.g. CreateRoleAssignment, DeleteRoleAssignment, ProvisionRoleConfiguration, DeprovisionRoleConfiguration.</summary>
    public string? TaskType { get; set; }
    public string FailureReason { get; set; } = "Emulated task failure.";

    internal bool Matches(EmulatedTask task) =>
        (TargetUin is null || TargetUin == task.TargetUin)
        && (PrincipalId is null || string.Equals(PrincipalId, task.PrincipalId, StringComparison.Ordinal))
        && (RoleConfigurationId is null || string.Equals(RoleConfigurationId, task.RoleConfigurationId, StringComparison.Ordinal))
        && (TaskType is null || string.Equals(TaskType, task.TaskType, StringComparison.Ordinal));
}

public sealed class EmulatorOptions
{
    public int Port { get; set; } = 0;

    public List<EmulatorCredential> Credentials { get; } = new() { EmulatorCredential.Demo };

    /// <summary>Requests per second per action (token bucket, burst = rate); &lt;= 0 turns limiting off.</summary>
    public double RateLimitPerSecond { get; set; } = 20;

    /// <summary>Per-action overrides of <see cref="RateLimitPerSecond"/>.</summary>
    public Dictionary<string, double> RateLimitPerAction { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Poll counting, used while <see cref="TaskDuration"/> is null: GetTaskStatus answers InProgress this many
    /// times, then the task finishes (0 = finished on the first poll). The first page of a ListTasks listing counts as
    /// one poll of every task the listing matches; other listings do not count.
    /// </summary>
    public int TaskPollsToComplete { get; set; } = 1;

    /// <summary>
    /// Time-based completion, as the service works (CLI --task-seconds): a task finishes this long after it was
    /// created on <see cref="Clock"/>, however often it is polled, and GetTaskStatus, ListTasks, ListRoleAssignments
    /// and ListRoleConfigurationProvisionings all see it finish at that moment. Null = poll counting.
    /// </summary>
    public TimeSpan? TaskDuration { get; set; }

    /// <summary>
    /// When set (CLI --list-tasks-retention), tasks created longer ago than this drop out of ListTasks while
    /// GetTaskStatus still answers for them. The real retention is undocumented (spec §4.9). Null = kept forever.
    /// </summary>
    public TimeSpan? ListTasksRetention { get; set; }

    /// <summary>
    /// The emulated service's clock: task ages and the CreateTime/UpdateTime stamps of new resources. Signature
    /// expiry and the Date header keep real time (both plus <see cref="ServerClockOffset"/>). Tests pass a
    /// <see cref="ManualClock"/> and advance it instead of sleeping.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public List<TaskFailureRule> TaskFailures { get; } = new();

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Shifts the server clock (signature expiry check and the Date response header).</summary>
    public TimeSpan ServerClockOffset { get; set; } = TimeSpan.Zero;

    public string? SeedFile { get; set; }

    public int GeneratedMemberCount { get; set; } = 50;
    public int GeneratedUserCount { get; set; } = 20;
    public int GeneratedGroupCount { get; set; } = 5;

    /// <summary>Seed of the Random used by probabilistic fault rules, so runs repeat.</summary>
    public int FaultRandomSeed { get; set; } = 20210331;

    internal object SyncRoot { get; } = new();

    internal double RateFor(string action)
    {
        lock (SyncRoot)
        {
            return RateLimitPerAction.TryGetValue(action, out var rate) ? rate : RateLimitPerSecond;
        }
    }
}
