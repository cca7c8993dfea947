using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Services;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>After a lost answer, an identity found by name counts as ours only if it has the policies we sent.</summary>
    public class ReconcileOwnershipTests : ModuleTestBase
    {
        protected override string ConnectArguments => "-RequestsPerSecond 1000 -TimeoutSec 2";

        [Fact]
        public void A_same_named_identity_with_other_policies_is_reported_as_name_used_not_as_our_success()
        {
            Run("New-TcOrgIdentity -Name Taken -Policy '1:AdministratorAccess'").AssertSuccess();
            // The first create of ours never reaches the handler, so reconciliation finds only the other identity.
            Emulator.Faults.Add(new FaultRule { Action = "CreateOrganizationIdentity", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.BeforeHandling, Count = 1 });

            var result = Run("New-TcOrgIdentity -Name Taken -Policy '2:ReadOnlyAccess'");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("FailedOperation.OrganizationIdentityNameUsed,", error.FullyQualifiedErrorId);
            Assert.Contains("other policies", error.Exception.Message);
            Assert.Single(Emulator.State.Identities, i => i.IdentityAliasName == "Taken");
        }

        [Fact]
        public void Our_own_identity_found_after_a_lost_answer_is_success()
        {
            Emulator.Faults.Add(new FaultRule { Action = "CreateOrganizationIdentity", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Count = 1 });
            var result = Run("New-TcOrgIdentity -Name Mine -Policy '2:ReadOnlyAccess'").AssertSuccess();
            Assert.Equal("Mine", Assert.Single(result.Output).Properties["Name"].Value);
            Assert.Single(Emulator.State.Identities, i => i.IdentityAliasName == "Mine");
            Assert.Single(Emulator.Requests.ForAction("CreateOrganizationIdentity"));
        }

        [Fact]
        public void Policy_comparison_ignores_order_and_custom_documents_formatting()
        {
            var a = new[] { new IdentityPolicy { PolicyId = 1, PolicyName = "A" }, new IdentityPolicy { PolicyId = 2, PolicyName = "B" },
                new IdentityPolicy { PolicyType = 1, PolicyDocument = "{\"version\":\"2.0\"}" } };
            var b = new[] { new IdentityPolicy { PolicyType = 1, PolicyDocument = "{ \"version\": \"2.0\" }" }, new IdentityPolicy { PolicyId = 2, PolicyName = "B" },
                new IdentityPolicy { PolicyId = 1, PolicyName = "A", PolicyType = 2 } };
            Assert.True(OrganizationIdentityService.SamePolicies(a, b));
            Assert.False(OrganizationIdentityService.SamePolicies(a, b.Skip(1).ToArray()));
            Assert.False(OrganizationIdentityService.SamePolicies(new[] { new IdentityPolicy { PolicyId = 1, PolicyName = "A" } }, new[] { new IdentityPolicy { PolicyId = 3, PolicyName = "A" } }));
        }
    }
}
