using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>Removes whose first answer is lost: resent, and "not found" on the resend counts as done.</summary>
    public class IdempotentRemoveTests : ModuleTestBase
    {
        protected override string ConnectArguments => "-RequestsPerSecond 1000 -TimeoutSec 2";

        [Fact]
        public void Remove_identity_after_a_reset_reply_succeeds_once_without_error()
        {
            Run("New-TcOrgIdentity -Name Doomed -Policy '2:ReadOnlyAccess'").AssertSuccess();
            Emulator.Faults.Add(new FaultRule { Action = "DeleteOrganizationIdentity", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Count = 1 });

            var result = Run("Get-TcOrgIdentity -Name Doomed | Remove-TcOrgIdentity -Confirm:$false -Verbose").AssertSuccess();

            Assert.DoesNotContain(Emulator.State.Identities, i => i.IdentityAliasName == "Doomed");
            var deletes = Emulator.Requests.ForAction("DeleteOrganizationIdentity").ToList();
            Assert.Equal(2, deletes.Count);
            Assert.Equal("ResourceNotFound.OrganizationIdentityNotExist", deletes[1].ErrorCode);
            Assert.Contains(result.Verbose, v => v.Contains("already gone"));
        }

        [Fact]
        public void Remove_of_an_identity_that_never_existed_is_still_an_error()
        {
            var result = Run("Remove-TcOrgIdentity -IdentityId 987654 -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("ResourceNotFound.OrganizationIdentityNotExist,", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Remove_member_authorization_after_a_502_reply_succeeds()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000007 -IdentityId 1").AssertSuccess();
            Emulator.Faults.Add(new FaultRule { Action = "DeleteOrganizationMemberAuthIdentity", Kind = FaultKind.Http502, Phase = FaultPhase.AfterHandling, Count = 1 });
            Run("Remove-TcOrgMemberAuthIdentity -MemberUin 100000000007 -IdentityId 1 -Confirm:$false").AssertSuccess();
            Assert.DoesNotContain(Emulator.State.MemberAuthIdentities, a => a.MemberUin == 100000000007 && a.IdentityId == 1);
        }
    }
}
