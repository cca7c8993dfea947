using System.Globalization;
using System.Text.Json;
using TencentOrg.Emulator;

namespace TencentOrg.EmulatorHost;

/// <summary>
/// Starts the emulator on a free port, prints one JSON line (endpoint, demo key, zone), then answers one
/// JSON line per command read from stdin: requests, clear, state, fail-task &lt;json rule&gt;, quit.
/// Ends when stdin closes, so it never outlives the pwsh that started it.
/// </summary>
public static class Program
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions { Port = 0 };
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--members": options.GeneratedMemberCount = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--task-polls": options.TaskPollsToComplete = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rate-limit": options.RateLimitPerSecond = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": options.SeedFile = value; break;
                default: Console.Error.WriteLine("Unknown argument: " + args[i]); return 2;
            }
        }

        await using var server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
        var demo = EmulatorCredential.Demo;
        Write(new
        {
            Endpoint = server.Endpoint.ToString(), demo.SecretId, demo.SecretKey,
            server.State.Zone.ZoneId, server.State.Organization.HostUin,
        });

        string? line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string command = line.Trim();
            string argument = "";
            int space = command.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                argument = command[(space + 1)..];
                command = command[..space];
            }
            try
            {
                switch (command)
                {
                    case "requests":
                        Write(server.Requests.Snapshot().Select(r => new { r.Action, r.Body, r.StatusCode, r.ErrorCode, r.Handled, r.Fault }));
                        break;
                    case "clear":
                        server.Requests.Clear();
                        Write(new { Cleared = true });
                        break;
                    case "state":
                        var s = server.State;
                        Write(new
                        {
                            s.Organization, s.Zone, s.Members, s.PresetPolicies, s.Identities, s.MemberAuthIdentities,
                            s.Users, s.Groups, s.RoleConfigurations, s.RoleAssignments, s.Provisionings, s.Tasks,
                        });
                        break;
                    case "fail-task":
                        options.TaskFailures.Add(JsonSerializer.Deserialize<TaskFailureRule>(argument)
                            ?? throw new ArgumentException("fail-task needs a JSON rule."));
                        Write(new { Added = true });
                        break;
                    case "quit":
                        return 0;
                    case "":
                        break;
                    default:
                        Write(new { Error = "Unknown command: " + command });
                        break;
                }
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                Write(new { Error = ex.Message });
            }
        }
        return 0;
    }

    private static void Write(object value)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));
        Console.Out.Flush();
    }
}
