using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TencentOrg.Emulator;

namespace TencentOrg.Benchmarks
{
    /// <summary>What the emulator child reports once it listens.</summary>
    internal sealed class EmulatorInfo
    {
        public string Endpoint { get; set; } = "";
        public string ZoneId { get; set; } = "";
        public List<long> MemberUins { get; set; } = new();
        public List<string> UserIds { get; set; } = new();
        public List<string> RoleConfigurationIds { get; set; } = new();
        public List<long> IdentityIds { get; set; } = new();
    }

    /// <summary>
    /// The emulator runs in a child process (this exe with --emulator), so the client's CPU time and memory
    /// are measured without the server's. "stats" on stdin answers the per-action error counts.
    /// </summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, EmulatorInfo info)
        {
            _process = process;
            Info = info;
        }

        public EmulatorInfo Info { get; }

        /// <param name="throttledFraction">Share of requests answered RequestLimitExceeded at random (before handling), 0 for none.</param>
        /// <param name="taskSeconds">The emulator's TaskDuration (0: a task is done the first time anything looks); null: poll counting.</param>
        /// <param name="seedFile">An emulator seed file (zone benches), or null for the generated seed.</param>
        public static EmulatorProcess Start(double ratePerSecond, int members, int users, double throttledFraction = 0, double? taskSeconds = null, string? seedFile = null)
        {
            var psi = Program.SelfStartInfo("--emulator", ratePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
                members.ToString(System.Globalization.CultureInfo.InvariantCulture), users.ToString(System.Globalization.CultureInfo.InvariantCulture),
                throttledFraction.ToString(System.Globalization.CultureInfo.InvariantCulture),
                taskSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", seedFile ?? "-");
            psi.RedirectStandardInput = true;
            psi.RedirectStandardOutput = true;
            var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the emulator child");
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null && !line.StartsWith("READY ", StringComparison.Ordinal)) { }
            if (line == null) throw new InvalidOperationException("the emulator child exited before it listened");
            var info = JsonSerializer.Deserialize<EmulatorInfo>(line.Substring(6))!;
            return new EmulatorProcess(process, info);
        }

        /// <summary>Requests answered so far, by "Action/ErrorCode" ("Action/OK" for successes).</summary>
        public Dictionary<string, int> Stats()
        {
            _process.StandardInput.WriteLine("stats");
            _process.StandardInput.Flush();
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) != null && !line.StartsWith("STATS ", StringComparison.Ordinal)) { }
            return line == null ? new() : JsonSerializer.Deserialize<Dictionary<string, int>>(line.Substring(6))!;
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10000)) _process.Kill();
            }
            catch (InvalidOperationException) { }
            _process.Dispose();
        }

        /// <summary>The child's main: serve until stdin closes.</summary>
        public static async Task<int> ServeAsync(double rate, int members, int users, double throttledFraction = 0, double? taskSeconds = null, string? seedFile = null)
        {
            var options = new EmulatorOptions { RateLimitPerSecond = rate, GeneratedMemberCount = members, GeneratedUserCount = users, SeedFile = seedFile };
            if (taskSeconds is double seconds) options.TaskDuration = TimeSpan.FromSeconds(seconds);
            await using var server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
            if (throttledFraction > 0)
                server.Faults.Add(new FaultRule { Kind = FaultKind.RequestLimitExceeded, Probability = throttledFraction });
            var info = new EmulatorInfo
            {
                Endpoint = server.Endpoint.ToString(),
                ZoneId = server.State.Zone.ZoneId,
                MemberUins = server.State.Members.Select(m => m.MemberUin).ToList(),
                UserIds = server.State.Users.Select(u => u.UserId).ToList(),
                RoleConfigurationIds = server.State.RoleConfigurations.Select(c => c.RoleConfigurationId).ToList(),
                IdentityIds = server.State.Identities.Select(i => i.IdentityId).ToList(),
            };
            Console.WriteLine("READY " + JsonSerializer.Serialize(info));
            Console.Out.Flush();
            string? command;
            while ((command = Console.In.ReadLine()) != null)
            {
                if (command == "stats")
                {
                    var counts = server.Requests.Snapshot()
                        .GroupBy(r => r.Action + "/" + (r.ErrorCode ?? (r.StatusCode == 200 ? "OK" : "HTTP" + r.StatusCode)))
                        .ToDictionary(g => g.Key, g => g.Count());
                    Console.WriteLine("STATS " + JsonSerializer.Serialize(counts));
                    Console.Out.Flush();
                }
            }
            return 0;
        }
    }
}
