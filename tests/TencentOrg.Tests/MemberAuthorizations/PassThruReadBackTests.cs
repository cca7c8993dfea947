using System.Linq;
using System.Text.Json;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.MemberAuthorizations
{
    /// <summary>-PassThru emits grants as Get-TcOrgMemberAuthIdentity shows them, read back once per identity per batch.</summary>
    public class PassThruReadBackTests : CmdletTestBase
    {
        [Fact]
        public void PassThru_objects_are_full_and_use_Get_s_Status_words_with_one_listing_per_identity()
        {
            var ids = Run("'PtA','PtB' | ForEach-Object { New-TcOrgIdentity -Name $_ -Policy '2:ReadOnlyAccess' }").AssertSuccess()
                .Output.Select(o => (long)Prop(o, "IdentityId")!).ToArray();
            Emulator.Requests.Clear();

            var result = Run("Add-TcOrgMemberAuthIdentity -MemberUin (1..10 | ForEach-Object { 100000000000 + $_ }) -IdentityId $ids -PassThru",
                new System.Collections.Generic.Dictionary<string, object?> { ["ids"] = ids }).AssertSuccess();

            Assert.Equal(20, result.Output.Count);
            Assert.All(result.Output, o =>
            {
                Assert.Equal("Configured", Prop(o, "Status"));
                Assert.False(string.IsNullOrEmpty((string?)Prop(o, "MemberName")));
                Assert.False(string.IsNullOrEmpty((string?)Prop(o, "IdentityRoleName")));
                Assert.NotNull(Prop(o, "IdentityType"));
                Assert.False(string.IsNullOrEmpty((string?)Prop(o, "CreateTime")));
                Assert.False(string.IsNullOrEmpty((string?)Prop(o, "RequestId")));
            });
            var reads = Sent("DescribeOrganizationMemberAuthIdentities").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Equal(2, reads.Count);
            Assert.All(reads, body => Assert.False(body.TryGetProperty("MemberUin", out _)));
            Assert.Equal(ids.OrderBy(i => i), reads.Select(b => b.GetProperty("IdentityId").GetInt64()).OrderBy(i => i));
        }
    }
}
