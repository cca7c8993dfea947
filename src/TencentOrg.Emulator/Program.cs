using System.Globalization;

namespace TencentOrg.Emulator;

/// <summary>Command line: runs the emulator until Ctrl+C. Also safe to reference as a library.</summary>
public static class Program
{
    /// <summary>What --help prints.</summary>
    public const string Usage = """
        Usage: TencentOrg.Emulator [options]
          --port N                  Port on 127.0.0.1 (default 8080; 0 picks a free one).
          --seed FILE               JSON seed file (default: generated organization, see README).
          --rate-limit N            Requests per second per action (default 20; 0 = off).
          --members N               Generated member accounts (default 50).
          --users N                 Generated CIC users (default 20).
          --groups N                Generated CIC groups (default 5).
          --task-polls N            Poll counting: a task answers InProgress N looks (GetTaskStatus, or the first
                                    page of a ListTasks listing), then finishes (default 1). Not used with
                                    --task-seconds.
          --task-seconds N          Time-based: a task finishes N seconds after it was created, as GetTaskStatus,
                                    ListTasks, ListRoleAssignments and ListRoleConfigurationProvisionings see it.
          --list-tasks-retention N  Tasks created more than N seconds ago drop out of ListTasks; GetTaskStatus
                                    still answers for them (default: kept forever).
          -h, --help                Show this text.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (!TryParseArguments(args, out var options, out bool help, out string? error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        await using var server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
        var demo = EmulatorCredential.Demo;
        Console.WriteLine("TencentOrg emulator (Organization API 2021-03-31) listening on " + server.Endpoint);
        Console.WriteLine("  SecretId : " + demo.SecretId);
        Console.WriteLine("  SecretKey: " + demo.SecretKey);
        Console.WriteLine("  ZoneId   : " + server.State.Zone.ZoneId + "   HostUin: " + server.State.Organization.HostUin);
        Console.WriteLine("  Tasks    : " + (options.TaskDuration is TimeSpan duration
            ? "finish " + duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s after creation"
            : "finish after " + options.TaskPollsToComplete.ToString(CultureInfo.InvariantCulture) + " InProgress poll(s)")
            + (options.ListTasksRetention is TimeSpan retention
                ? "; ListTasks keeps " + retention.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s" : ""));
        Console.WriteLine("Point the module at it (PowerShell):");
        Console.WriteLine("  $env:TCORG_ENDPOINT = '" + server.Endpoint + "'");
        Console.WriteLine("  $env:TENCENTCLOUD_SECRET_ID = '" + demo.SecretId + "'");
        Console.WriteLine("  $env:TENCENTCLOUD_SECRET_KEY = '" + demo.SecretKey + "'");
        Console.WriteLine("Press Ctrl+C to stop.");

        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        // docker stop / kill send SIGTERM: stop the same graceful way.
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
        await stop.Task.ConfigureAwait(false);
        Console.WriteLine("Stopping; " + server.Requests.Count + " requests served.");
        return 0;
    }

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--port", "--seed", "--rate-limit", "--members", "--users", "--groups", "--task-polls", "--task-seconds", "--list-tasks-retention",
    };

    /// <summary>Reads the command line into options (port 8080 unless given); false with a message on bad input.</summary>
    public static bool TryParseArguments(string[] args, out EmulatorOptions options, out bool help, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new EmulatorOptions { Port = 8080 };
        help = false;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                error = ValueOptions.Contains(arg) ? arg + " needs a value." : "Unknown argument: " + arg;
                return false;
            }
            string value = args[++i];
            switch (arg)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535:
                    options.Port = port; break;
                case "--seed": options.SeedFile = value; break;
                case "--rate-limit" when TryNonNegative(value, out double rate): options.RateLimitPerSecond = rate; break;
                case "--members" when TryCount(value, out int members): options.GeneratedMemberCount = members; break;
                case "--users" when TryCount(value, out int users): options.GeneratedUserCount = users; break;
                case "--groups" when TryCount(value, out int groups): options.GeneratedGroupCount = groups; break;
                case "--task-polls" when TryCount(value, out int polls): options.TaskPollsToComplete = polls; break;
                case "--task-seconds" when TryNonNegative(value, out double seconds):
                    options.TaskDuration = TimeSpan.FromSeconds(seconds); break;
                case "--list-tasks-retention" when TryNonNegative(value, out double retention):
                    options.ListTasksRetention = TimeSpan.FromSeconds(retention); break;
                case not "--seed" when ValueOptions.Contains(arg):
                    error = arg + " needs a non-negative number; got '" + value + "'.";
                    return false;
                default:
                    error = "Unknown argument: " + arg;
                    return false;
            }
        }
        return true;
    }

    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryNonNegative(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value < TimeSpan.MaxValue.TotalSeconds;
}
