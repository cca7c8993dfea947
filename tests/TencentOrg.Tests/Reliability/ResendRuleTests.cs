using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;
using Xunit.Abstractions;
using TencentOrg.Tests.Infrastructure;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>
    /// Issue 11.7, resend rules: what a read proved absent is resent within -MaxRetries; nothing that may have applied is
    /// resent unread (throttling after apply included); each final error says "not created" or "outcome unknown".
    /// </summary>
    public class ResendRuleTests
    {
        private const int Items = 200;
        private readonly ITestOutputHelper _output;

        public ResendRuleTests(ITestOutputHelper output) { _output = output; }

        private static string CreateAction(string cmdlet) => cmdlet switch
        {
            "New-TcOrgIdentity" => "CreateOrganizationIdentity",
            "Add-TcOrgMemberAuthIdentity" => "CreateOrganizationMemberAuthIdentity",
            _ => "CreateRoleAssignment",
        };

        /// <summary>Runs the cmdlet over 200 items; returns the result, the inputs and how many of each exist in the emulator.</summary>
        private static (PsResult Result, List<string> Inputs, Func<string, int> InState) RunBulk(ReliabilityEnv env, string cmdlet, Action<EmulatorServer> addFaults)
        {
            long firstUin = EmulatorSeed.FirstMemberUin;
            var uins = Enumerable.Range(0, Items).Select(i => firstUin + i).ToArray();
            long identityId = 0;
            if (cmdlet == "Add-TcOrgMemberAuthIdentity")
                identityId = (long)env.Run("New-TcOrgIdentity -Name 'ResendGrant' -Policy '2:ReadOnlyAccess'").AssertSuccess().Output.Single().Properties["IdentityId"].Value;
            var names = Enumerable.Range(1, Items).Select(i => "resend-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            addFaults(env.Emulator);
            string script = cmdlet switch
            {
                "New-TcOrgIdentity" => "$names | ForEach-Object { [pscustomobject]@{ Name = $_ } } | New-TcOrgIdentity -Policy '2:ReadOnlyAccess'",
                "Add-TcOrgMemberAuthIdentity" => "$uins | Add-TcOrgMemberAuthIdentity -IdentityId $identityId -PassThru",
                // Five users on each account: 1000 assignments in 20 calls of 50.
                _ => "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId (1..5 | ForEach-Object { 'u-emuuser0000' + $_ }) -TargetUin $uins",
            };
            var result = env.Run(script, new Dictionary<string, object?> { ["names"] = names, ["uins"] = uins, ["identityId"] = identityId });
            var state = env.Emulator.State;
            return cmdlet switch
            {
                "New-TcOrgIdentity" => (result, names.ToList(), k => state.Identities.Count(i => i.IdentityAliasName == k)),
                "Add-TcOrgMemberAuthIdentity" => (result, uins.Select(u => u.ToString()).ToList(),
                    k => state.MemberAuthIdentities.Count(a => a.IdentityId == identityId && a.MemberUin.ToString() == k)),
                _ => (result, uins.SelectMany(u => Enumerable.Range(1, 5).Select(p => u + "|u-emuuser0000" + p)).ToList(),
                    k => state.RoleAssignments.Count(a => a.TargetUin + "|" + a.PrincipalId == k)),
            };
        }

        [Theory]
        [InlineData("New-TcOrgIdentity")]
        [InlineData("Add-TcOrgMemberAuthIdentity")]
        [InlineData("New-TcRoleAssignment")]
        public async Task With_30_percent_of_writes_failing_before_they_ran_every_item_is_done_within_MaxRetries(string cmdlet)
        {
            await using var env = await ReliabilityEnv.StartAsync(o => { o.GeneratedMemberCount = Items + 10; o.GeneratedUserCount = 5; o.RateLimitPerSecond = 0; },
                "-RequestsPerSecond 1000 -MaxRetries 10");
            string action = CreateAction(cmdlet);
            var (result, inputs, inState) = RunBulk(env, cmdlet, e =>
                e.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.Http503, Phase = FaultPhase.BeforeHandling, Probability = 0.3 }));

            int faulted = env.Emulator.Requests.ForAction(action).Count(r => r.Fault != null);
            Report.Line(_output, "FIGURES " + cmdlet + " 30% before-handling: items=" + inputs.Count + " errors=" + result.Errors.Count
                + " faulted=" + faulted + " sends=" + env.Emulator.Requests.ForAction(action).Count);
            foreach (var e in result.Errors.Take(3)) Report.Line(_output, "  error: " + e.FullyQualifiedErrorId + ": " + e.Exception.Message);
            Assert.Null(result.Terminating);
            Assert.True(faulted > 0, "no write was faulted");
            Assert.Empty(result.Errors);
            Assert.All(inputs, k => Assert.Equal(1, inState(k)));
        }

        [Fact]
        public async Task Under_throttling_after_apply_no_grant_is_applied_twice()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => { o.GeneratedMemberCount = Items + 10; o.RateLimitPerSecond = 0; },
                "-RequestsPerSecond 1000 -MaxRetries 10");
            const string action = "CreateOrganizationMemberAuthIdentity";
            var (result, inputs, inState) = RunBulk(env, "Add-TcOrgMemberAuthIdentity", e =>
                e.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.RequestLimitExceeded, Phase = FaultPhase.AfterHandling, Probability = 0.3 }));

            // A member in two requests the server ran is a grant applied twice.
            var applied = env.Emulator.Requests.ForAction(action).Where(r => r.Handled)
                .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("MemberUins").EnumerateArray().Select(m => m.GetInt64().ToString()))
                .GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
            int twice = applied.Values.Count(n => n > 1);
            int throttled = env.Emulator.Requests.ForAction(action).Count(r => r.Fault != null);
            Report.Line(_output, "FIGURES grants throttled-after-apply: items=" + inputs.Count + " throttled=" + throttled + " appliedTwice=" + twice + " errors=" + result.Errors.Count);
            Assert.True(throttled > 0, "nothing was throttled");
            Assert.Equal(0, twice);
            Assert.Empty(result.Errors);
            Assert.Equal(inputs.Count, result.Output.Count);
            Assert.All(inputs, k => Assert.Equal(1, inState(k)));
        }

        [Fact]
        public async Task A_create_proved_absent_until_the_budget_is_spent_says_not_created()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => o.RateLimitPerSecond = 0, "-RequestsPerSecond 1000 -MaxRetries 2");
            env.Emulator.Faults.Add(new FaultRule { Action = "CreateOrganizationIdentity", Kind = FaultKind.Http503, Phase = FaultPhase.BeforeHandling });

            var result = env.Run("New-TcOrgIdentity -Name NeverMade -Policy '2:ReadOnlyAccess'");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("ClientError.NotApplied,", error.FullyQualifiedErrorId);
            Assert.Contains("not created", error.Exception.Message);
            Assert.DoesNotContain("may have been applied", error.Exception.Message);
            Assert.Equal("NeverMade", error.TargetObject);
            // The first send and two resends, each after a read that proved it absent.
            Assert.Equal(3, env.Emulator.Requests.ForAction("CreateOrganizationIdentity").Count);
            Assert.DoesNotContain(env.Emulator.State.Identities, i => i.IdentityAliasName == "NeverMade");
        }

        [Fact]
        public async Task A_create_whose_read_back_fails_says_outcome_unknown_and_is_not_resent()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => o.RateLimitPerSecond = 0, "-RequestsPerSecond 1000 -MaxRetries 2");
            env.Emulator.Faults.Add(new FaultRule { Action = "CreateOrganizationIdentity", Kind = FaultKind.Http503, Phase = FaultPhase.AfterHandling });
            env.Emulator.Faults.Add(new FaultRule { Action = "ListOrganizationIdentity", Kind = FaultKind.Http503, Phase = FaultPhase.BeforeHandling });

            var result = env.Run("New-TcOrgIdentity -Name MaybeMade -Policy '2:ReadOnlyAccess'");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("ClientError.OutcomeUnknown,", error.FullyQualifiedErrorId);
            Assert.Contains("outcome unknown", error.Exception.Message);
            Assert.DoesNotContain("not created", error.Exception.Message);
            Assert.Single(env.Emulator.Requests.ForAction("CreateOrganizationIdentity"));
        }
    }
}
