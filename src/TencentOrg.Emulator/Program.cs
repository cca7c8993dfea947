using System.Globalization;

namespace TencentOrg.Emulator;

/// <summary>Command line: runs the emulator until Ctrl+C. Also safe to reference as a library.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions { Port = 8080 };
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(arg + " needs a value.");
            switch (arg)
            {
                case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": options.SeedFile = Next(); break;
                case "--rate-limit": options.RateLimitPerSecond = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--members": options.GeneratedMemberCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--users": options.GeneratedUserCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--groups": options.GeneratedGroupCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--task-polls": options.TaskPollsToComplete = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-h":
                case "--help":
                    Console.WriteLine("Usage: TencentOrg.Emulator [--port 8080] [--seed data.json] [--rate-limit 20] [--members 50] [--users 20] [--groups 5] [--task-polls 1]");
                    return 0;
                default:
                    Console.Error.WriteLine("Unknown argument: " + arg);
                    return 2;
            }
        }

        await using var server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
        var demo = EmulatorCredential.Demo;
        Console.WriteLine("TencentOrg emulator (Organization API 2021-03-31) listening on " + server.Endpoint);
        Console.WriteLine("  SecretId : " + demo.SecretId);
        Console.WriteLine("  SecretKey: " + demo.SecretKey);
        Console.WriteLine("  ZoneId   : " + server.State.Zone.ZoneId + "   HostUin: " + server.State.Organization.HostUin);
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
}
