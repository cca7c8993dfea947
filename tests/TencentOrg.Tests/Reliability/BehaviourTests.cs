using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>-SkipExisting, Ctrl+C, clock skew and secrets, through the imported module against the emulator.</summary>
    public class BehaviourTests
    {
        private readonly ITestOutputHelper _output;
        public BehaviourTests(ITestOutputHelper output) { _output = output; }

        [Fact]
        public async Task SkipExisting_identity_name_used_becomes_a_warning_and_the_existing_identity()
        {
            await using var env = await ReliabilityEnv.StartAsync();
            var first = env.Run("New-TcOrgIdentity -Name 'Dup' -Policy '2:ReadOnlyAccess'").AssertSuccess();
            long id = (long)first.Output.Single().Properties["IdentityId"].Value;

            var plain = env.Run("New-TcOrgIdentity -Name 'Dup' -Policy '2:ReadOnlyAccess'");
            Assert.Equal("FailedOperation.OrganizationIdentityNameUsed,TencentOrg.NewTcOrgIdentityCommand", Assert.Single(plain.Errors).FullyQualifiedErrorId);
            Assert.Equal("Dup", plain.Errors[0].TargetObject);

            var skipped = env.Run("New-TcOrgIdentity -Name 'Dup' -Policy '2:ReadOnlyAccess' -SkipExisting").AssertSuccess();
            Assert.Equal(id, (long)skipped.Output.Single().Properties["IdentityId"].Value);
            Assert.Contains(skipped.Warnings, w => w.Contains("already exists"));
            Assert.Single(env.Emulator.State.Identities, i => i.IdentityAliasName == "Dup");
        }

        [Fact]
        public async Task SkipExisting_grant_already_granted_becomes_a_warning_and_the_existing_grant()
        {
            await using var env = await ReliabilityEnv.StartAsync();
            long id = (long)env.Run("New-TcOrgIdentity -Name 'G' -Policy '2:ReadOnlyAccess'").AssertSuccess().Output.Single().Properties["IdentityId"].Value;
            env.Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $id", new Dictionary<string, object?> { ["id"] = id }).AssertSuccess();
            int creates = env.Emulator.Requests.ForAction("CreateOrganizationMemberAuthIdentity").Count;

            var skipped = env.Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId $id -SkipExisting -PassThru",
                new Dictionary<string, object?> { ["id"] = id }).AssertSuccess();
            Assert.Contains(skipped.Warnings, w => w.Contains("already granted") && w.Contains("100000000001"));
            Assert.Equal(2, skipped.Output.Count);
            Assert.Equal(true, skipped.Output.Single(o => (long)o.Properties["MemberUin"].Value == 100000000001).Properties["AlreadyGranted"].Value);
            Assert.Equal("Configured", skipped.Output.Single(o => (long)o.Properties["MemberUin"].Value == 100000000002).Properties["Status"].Value);
            Assert.Equal(false, skipped.Output.Single(o => (long)o.Properties["MemberUin"].Value == 100000000002).Properties["AlreadyGranted"].Value);
            // Only the missing member is sent.
            var sent = env.Emulator.Requests.ForAction("CreateOrganizationMemberAuthIdentity").Skip(creates).Single();
            Assert.DoesNotContain("100000000001", sent.Body);
            Assert.Single(env.Emulator.State.MemberAuthIdentities, a => a.MemberUin == 100000000001 && a.IdentityId == id);
        }

        [Fact]
        public async Task SkipExisting_role_assignment_already_exists_becomes_a_warning_and_a_finished_task()
        {
            await using var env = await ReliabilityEnv.StartAsync();
            const string assign = "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001";
            env.Run(assign).AssertSuccess();

            var plain = env.Run(assign);
            Assert.StartsWith("FailedOperation.RoleConfigurationAuthorizationAlreadyExist,", Assert.Single(plain.Errors).FullyQualifiedErrorId);
            Assert.Equal(100000000001L, PSObject.AsPSObject(plain.Errors[0].TargetObject).Properties["TargetUin"].Value);

            var skipped = env.Run(assign + ",100000000002 -SkipExisting").AssertSuccess();
            Assert.Contains(skipped.Warnings, w => w.Contains("already exists"));
            Assert.Equal(2, skipped.Output.Count);
            // The new one is a started task; the existing one, read from the listing, a finished task with nothing sent for it.
            Assert.StartsWith("t-", (string)skipped.Output[1].Properties["TaskId"].Value);
            Assert.Equal("Success", skipped.Output[0].Properties["Status"].Value);
            Assert.Equal(100000000001L, skipped.Output[0].Properties["TargetUin"].Value);
            Assert.Equal(1, env.Emulator.Requests.ForAction("CreateRoleAssignment").Count(r => r.Body.Contains("100000000002") && !r.Body.Contains("100000000001")));
            Assert.Equal(2, env.Emulator.State.RoleAssignments.Count);
        }

        /// <summary>A runspace of our own so the test can BeginInvoke and Stop (Ctrl+C) a pipeline.</summary>
        private static Runspace OpenConnected(EmulatorServer emulator, string connectArguments)
        {
            var runspace = RunspaceFactory.CreateRunspace(new RecordingHost(), InitialSessionState.CreateDefault2());
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            runspace.SessionStateProxy.SetVariable("endpoint", emulator.Endpoint);
            runspace.SessionStateProxy.SetVariable("secretKey", ModuleTestBase.Secure(EmulatorCredential.Demo.SecretKey));
            ps.AddScript("Import-Module '" + TestSetup.ModuleManifest.Replace("'", "''") + "' -ErrorAction Stop; Connect-TcOrg -Endpoint $endpoint -SecretId '"
                + EmulatorCredential.Demo.SecretId + "' -SecretKey $secretKey " + connectArguments);
            ps.Invoke();
            Assert.False(ps.HadErrors);
            return runspace;
        }

        private double StopAfter(Runspace runspace, string script, Func<bool> started)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var async = ps.BeginInvoke();
            var wait = Stopwatch.StartNew();
            while (!started() && wait.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(20);
            Assert.True(started(), "the pipeline never reached the blocking point");
            Assert.False(async.IsCompleted);
            var clock = Stopwatch.StartNew();
            ps.Stop();
            clock.Stop();
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            return clock.Elapsed.TotalSeconds;
        }

        [Fact]
        public async Task CtrlC_cancels_a_hanging_request_instead_of_waiting_for_its_timeout()
        {
            await using var env = await ReliabilityEnv.StartAsync(connect: false);
            env.Emulator.Faults.Add(new FaultRule { Action = "CreateOrganizationIdentity", Kind = FaultKind.Hang });
            using var runspace = OpenConnected(env.Emulator, "-TimeoutSec 120");
            double seconds = StopAfter(runspace, "1..50 | ForEach-Object { [pscustomobject]@{ Name = 'hang' + $_ } } | New-TcOrgIdentity -Policy '2:ReadOnlyAccess'",
                () => env.Emulator.Faults.InjectedCount >= 1);
            Report.Line(_output, "FIGURES Ctrl+C during a hanging CreateOrganizationIdentity: stopped in " + seconds.ToString("F3") + " s");
            // Stopped (StopAfter checks) with only the hanging requests sent, not the 50 items, and the client dropped
            // each hanging connection itself (the emulator logs it unanswered, status 0) rather than waiting out
            // -TimeoutSec 120.
            var hung = SpinUntil(() => env.Emulator.Requests.ForAction("CreateOrganizationIdentity"), r => r.Count >= env.Emulator.Faults.InjectedCount);
            Assert.Equal(env.Emulator.Faults.InjectedCount, hung.Count);
            Assert.InRange(hung.Count, 1, 49);
            Assert.All(hung, r => Assert.Equal(0, r.StatusCode));
        }

        [Fact]
        public async Task CtrlC_stops_Wait_TcOrgTask_polling()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => o.TaskPollsToComplete = 1_000_000);
            var task = env.Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001").AssertSuccess();
            string taskId = (string)task.Output.Single().Properties["TaskId"].Value;
            using var runspace = OpenConnected(env.Emulator, "");
            double seconds = StopAfter(runspace, "Wait-TcOrgTask -TaskId " + taskId + " -ZoneId " + env.Emulator.State.Zone.ZoneId + " -TimeoutSeconds 600",
                () => env.Emulator.Requests.ForAction("GetTaskStatus").Count >= 3);
            Report.Line(_output, "FIGURES Ctrl+C during Wait-TcOrgTask polling: stopped in " + seconds.ToString("F3") + " s");
            // Once stopped, no poll follows: the count stays put over several of the waiter's poll intervals.
            int atStop = env.Emulator.Requests.ForAction("GetTaskStatus").Count;
            Thread.Sleep(TimeSpan.FromSeconds(3));
            Assert.Equal(atStop, env.Emulator.Requests.ForAction("GetTaskStatus").Count);
        }

        /// <summary>Polls a reading until it satisfies the condition; a deadline, not a speed claim.</summary>
        private static T SpinUntil<T>(Func<T> read, Func<T, bool> done)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            T value = read();
            while (!done(value) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
                value = read();
            }
            return value;
        }

        [Fact]
        public async Task Clock_skew_is_corrected_from_the_server_Date_with_one_retry_and_a_warning()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => o.ServerClockOffset = TimeSpan.FromHours(1));
            var made = env.Run("New-TcOrgIdentity -Name 'Skewed' -Policy '2:ReadOnlyAccess'; New-TcOrgIdentity -Name 'Skewed2' -Policy '2:ReadOnlyAccess'").AssertSuccess();
            Assert.Equal(2, made.Output.Count);
            var warning = Assert.Single(made.Warnings);
            Assert.Contains("clock", warning);
            var creates = env.Emulator.Requests.ForAction("CreateOrganizationIdentity");
            Report.Line(_output, "FIGURES clock skew +1 h: requests=" + creates.Count + " codes=" + string.Join(",", creates.Select(r => r.ErrorCode ?? "OK")) + " warning=" + warning);
            Assert.Equal(new[] { "AuthFailure.SignatureExpire", "OK", "OK" }, creates.Select(r => r.ErrorCode ?? "OK").ToArray());
            Assert.Equal(2, env.Emulator.State.Identities.Count(i => i.IdentityAliasName.StartsWith("Skewed")));
        }

        [Fact]
        public async Task Secrets_never_appear_in_any_stream_exception_or_object()
        {
            const string secretKey = "ReliabilitySecretKeyDoNotLeak0000000001";
            const string token = "ReliabilitySessionTokenDoNotLeak00000001";
            const string wrongKey = "ReliabilityWrongKeyDoNotLeak00000000001";
            var credential = new EmulatorCredential("AKIDRELIABILITYLEAKTEST00000000001", secretKey, token);
            await using var env = await ReliabilityEnv.StartAsync(null, "-Verbose -Debug", credential);
            var variables = new Dictionary<string, object?>
            {
                ["endpoint"] = env.Emulator.Endpoint,
                ["secretKey"] = ModuleTestBase.Secure(secretKey),
                ["wrongKey"] = ModuleTestBase.Secure(wrongKey),
                ["token"] = ModuleTestBase.Secure(token),
            };
            var commands = env.Run("(Get-Command -Module TencentOrg).Name").Output.Select(o => o.ToString()).ToList();
            Assert.NotEmpty(commands);

            var scripts = new List<string>
            {
                "Get-TcOrgContext -Verbose -Debug; (Get-TcOrgContext).ToString()",
                "New-TcOrgIdentity -Name 'Leak1' -Policy '2:ReadOnlyAccess' -Verbose -Debug",
                "New-TcOrgIdentity -Name 'Leak1' -Policy '2:ReadOnlyAccess' -Verbose -Debug",
                "New-TcOrgIdentity -Name 'Leak1' -Policy '2:ReadOnlyAccess' -SkipExisting -Verbose -Debug | Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -PassThru -Verbose -Debug",
                "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 999999 -Verbose -Debug",
                "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -Wait -Verbose -Debug",
                "New-TcRoleAssignment -RoleConfigurationId rc-nosuchconfig -PrincipalId u-emuuser00001 -TargetUin 100000000001 -Verbose -Debug",
                "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000002 -Verbose -Debug | Wait-TcOrgTask -Verbose -Debug",
                "Get-TcOrgTask -TaskId t-doesnotexist1 -Verbose -Debug",
                "Get-TcOrgTask -List -Verbose -Debug",
                "Wait-TcOrgTask -TaskId t-doesnotexist1 -TimeoutSeconds 2 -Verbose -Debug",
                "New-TcOrgIdentity -Name 'Bad`n' -Policy '2:ReadOnlyAccess' -Verbose -Debug",
                "FAULTS",
                "New-TcOrgIdentity -Name 'Leak2' -Policy '2:ReadOnlyAccess' -Verbose -Debug",
                "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000003 -Verbose -Debug",
                "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00002 -TargetUin 100000000001 -Verbose -Debug",
                "CLEAR",
                "Disconnect-TcOrg -Verbose -Debug",
                "Connect-TcOrg -Endpoint $endpoint -SecretId 'AKIDRELIABILITYLEAKTEST00000000001' -SecretKey $wrongKey -SessionToken $token -Verbose -Debug -PassThru",
                "New-TcOrgIdentity -Name 'Leak3' -Policy '2:ReadOnlyAccess' -Verbose -Debug; Get-TcOrgContext | Out-Default",
                "Connect-TcOrg -Endpoint $endpoint -Credential ([pscredential]::new('AKIDRELIABILITYLEAKTEST00000000001', $secretKey)) -SessionToken $token -Verbose -Debug -PassThru | Out-Default",
                "Get-TcOrgContext | Out-Default; New-TcOrgIdentity -Name 'Leak4' -Policy '2:ReadOnlyAccess' -Verbose -Debug | Out-Default",
                "$Error | ForEach-Object { $_.Exception.ToString(); $_.ToString() }",
            };
            // Any exported command not exercised above still runs once (a prompt for a missing argument just fails).
            foreach (var name in commands.Where(n => !scripts.Any(s => s.Contains(n + " "))))
                scripts.Add("try { " + name + " -Verbose -Debug -ErrorAction Continue } catch { $_.Exception.ToString() }");

            int hits = 0, runs = 0;
            foreach (var script in scripts)
            {
                if (script == "FAULTS")
                {
                    env.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Http500, Phase = FaultPhase.AfterHandling, Probability = 0.3 });
                    env.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.MalformedJson, Phase = FaultPhase.BeforeHandling, Probability = 0.2 });
                    continue;
                }
                if (script == "CLEAR")
                {
                    env.Emulator.Faults.Clear();
                    continue;
                }
                var result = env.Run("$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; " + script, variables);
                runs++;
                string text = result.AllText() + env.Ps.Host.Recorder.Text;
                foreach (var secret in new[] { secretKey, token, wrongKey })
                {
                    if (text.Contains(secret))
                    {
                        hits++;
                        Report.Line(_output, "LEAK in: " + script);
                    }
                }
                Assert.True(script.StartsWith("Disconnect") || result.Debug.Count > 0 || result.Verbose.Count > 0 || result.HostText.Trim().Length > 0 || result.Errors.Count > 0 || result.Terminating != null || result.Output.Count > 0, "nothing ran: " + script);
            }
            var traces = env.Emulator.Requests.Count;
            Report.Line(_output, "FIGURES secrets: " + runs + " scripts over " + commands.Count + " exported commands (" + string.Join(",", commands)
                + "), " + traces + " requests, secret hits in all streams/host/exceptions: " + hits);
            Assert.Equal(0, hits);
        }

        [Fact]
        public async Task Debug_traces_show_requests_with_signature_and_token_redacted()
        {
            var credential = new EmulatorCredential("AKIDRELIABILITYTRACE0000000000001", "TraceSecretKey000000000000000000001", "TraceSessionToken0000000000000001");
            await using var env = await ReliabilityEnv.StartAsync(null, "", credential);
            var result = env.Run("$DebugPreference = 'Continue'; New-TcOrgIdentity -Name 'Traced' -Policy '2:ReadOnlyAccess' -Debug").AssertSuccess();
            var request = result.Debug.First(d => d.StartsWith("HTTP request:"));
            Assert.Contains("Signature=<redacted>", request);
            Assert.Contains("X-TC-Token: <redacted>", request);
            Assert.Contains("X-TC-Action: CreateOrganizationIdentity", request);
            Assert.Contains(result.Debug, d => d.StartsWith("HTTP response: 200"));
            string sent = env.Emulator.Requests.ForAction("CreateOrganizationIdentity").Single().Headers["Authorization"];
            string signature = sent.Substring(sent.IndexOf("Signature=", StringComparison.Ordinal) + 10);
            Assert.DoesNotContain(signature, string.Join("\n", result.Debug));
            Assert.DoesNotContain("TraceSessionToken0000000000000001", result.AllText());
        }
    }
}
