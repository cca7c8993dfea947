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

namespace TencentOrg.Tests.MemberAuthorizations
{
    /// <summary>A long -PassThru pipeline: read-back calls grow with the members, not with the members squared.</summary>
    public class LongPassThruReadBackTests : CmdletTestBase
    {
        protected override void Configure(TencentOrg.Emulator.EmulatorOptions options)
        {
            base.Configure(options);
            options.GeneratedMemberCount = 1500;
        }

        [Fact]
        public void Each_batch_reads_back_with_at_most_as_many_calls_as_it_has_members_once_listing_every_holder_costs_more()
        {
            long id = (long)Prop(Run("New-TcOrgIdentity -Name LongPassThru -Policy '2:ReadOnlyAccess'").AssertSuccess().Output.Single(), "IdentityId")!;
            Emulator.Requests.Clear();

            var result = Run("1..1500 | ForEach-Object { 100000000000 + $_ } | Add-TcOrgMemberAuthIdentity -IdentityId " + id + " -PassThru").AssertSuccess();

            Assert.Equal(1500, result.Output.Count);
            Assert.All(result.Output, o => Assert.False(string.IsNullOrEmpty((string?)Prop(o, "CreateTime"))));
            // 150 batches. Listing every holder each time: batch k lists ceil(10k/50) pages, 2,325 calls in all. Here the holder
            // listing is used while it is at most 10 pages (batches 1-50: 275 calls), then each batch's 10 members (1,000 calls).
            var reads = Sent("DescribeOrganizationMemberAuthIdentities").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            // Batches in flight at once learn the holder count a little late: a few more holder listings than that.
            Assert.InRange(reads.Count, 1000, 1500);
            Assert.Contains(reads, body => body.TryGetProperty("MemberUin", out _));
        }
    }
}
