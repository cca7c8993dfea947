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

    /// <summary>GetTaskStatus polls answered InProgress before a task finishes (0 = finished on the first poll).</summary>
    public int TaskPollsToComplete { get; set; } = 1;

    /// <summary>When positive, a task also finishes once this much time has passed since it was created.</summary>
    public TimeSpan TaskCompletionDelay { get; set; } = TimeSpan.Zero;

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
