using System.Collections.Generic;
using System.IO;
using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>examples/onboard.ps1, the README's main job, run as the demo host runs it: twice, to prove reruns are safe.</summary>
    public class OnboardExampleTests : ModuleTestBase
    {
        protected override string ConnectArguments => "-RequestsPerSecond 200";

        protected override void Configure(EmulatorOptions options) => options.RateLimitPerSecond = 200;

        private PsResult RunOnboard() => Run("& $script -Endpoint $endpoint -SecretId $id -SecretKey $key -ErrorAction Continue 3>&1 | Out-Default",
            new Dictionary<string, object?>
            {
                ["script"] = Path.Combine(TestSetup.RepoRoot, "examples", "onboard.ps1"),
                ["endpoint"] = Emulator.Endpoint,
                ["id"] = EmulatorCredential.Demo.SecretId,
                ["key"] = Secure(EmulatorCredential.Demo.SecretKey),
            });

        [Fact]
        public void Onboarding_scenario_runs_end_to_end_and_reruns_without_duplicates()
        {
            RunOnboard().AssertSuccess();
            var identity = Emulator.State.Identities.Single(i => i.IdentityAliasName == "OnboardingAuditor");
            Assert.Equal(30, Emulator.State.MemberAuthIdentities.Count(a => a.IdentityId == identity.IdentityId));
            Assert.Equal(30, Emulator.State.RoleAssignments.Count(a => a.RoleConfigurationId == "rc-emuconfig001" && a.PrincipalId == "g-emugroup0001"));
            Assert.True(Emulator.State.Provisionings.Count(p => p.RoleConfigurationId == "rc-emuconfig002") >= 5);
            int creates = Emulator.Requests.ForAction("CreateRoleAssignment").Count();
            Assert.Equal(1, creates);

            var rerun = RunOnboard().AssertSuccess();
            Assert.Contains("already exists", rerun.AllText());
            Assert.Contains("Success", rerun.HostText);
            Assert.Single(Emulator.State.Identities, i => i.IdentityAliasName == "OnboardingAuditor");
            Assert.Equal(30, Emulator.State.MemberAuthIdentities.Count(a => a.IdentityId == identity.IdentityId));
            Assert.Equal(30, Emulator.State.RoleAssignments.Count(a => a.RoleConfigurationId == "rc-emuconfig001" && a.PrincipalId == "g-emugroup0001"));
        }
    }
}
