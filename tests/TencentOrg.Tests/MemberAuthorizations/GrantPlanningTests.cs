using System.Linq;
using TencentOrg.Api;
using TencentOrg.Services;
using Xunit;

namespace TencentOrg.Tests.MemberAuthorizations
{
    /// <summary>Queueing, pooling, product batches and per-member results of grants, without PowerShell.</summary>
    public class GrantPlanningTests
    {
        [Fact]
        public void A_member_is_queued_once_per_identity_set_whatever_the_order_of_identities()
        {
            var queue = new GrantQueue();
            Assert.True(queue.TryQueue(GrantQueue.KeyOf(new long[] { 2, 1 }), 100));
            Assert.False(queue.TryQueue(GrantQueue.KeyOf(new long[] { 1, 2, 2 }), 100));
            Assert.True(queue.TryQueue(GrantQueue.KeyOf(new long[] { 1 }), 100));
        }

        [Fact]
        public void Pool_is_full_at_five_identities_and_skips_duplicates()
        {
            var pool = new IdentityPool();
            Assert.False(pool.Add(1));
            Assert.False(pool.IsNew(1));
            Assert.False(pool.Add(1));
            for (long id = 2; id <= 4; id++) Assert.False(pool.Add(id));
            Assert.True(pool.Add(5));
            Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, pool.Take());
            Assert.True(pool.IsEmpty);
        }

        [Fact]
        public void Pairs_are_grouped_into_members_times_identities_products()
        {
            var pairs = new[] { new MemberGrant(1, 10), new MemberGrant(1, 11), new MemberGrant(2, 10), new MemberGrant(2, 11), new MemberGrant(3, 10) };
            var batches = MemberAuthorizationService.AsProducts(pairs).ToList();
            Assert.Equal(2, batches.Count);
            Assert.Equal(4, batches[0].Count);
            Assert.Equal(new MemberGrant(3, 10), Assert.Single(batches[1]));
        }

        [Fact]
        public void Results_are_per_member_with_one_error_per_distinct_cause()
        {
            var boom = new OrgApiException("CreateOrganizationMemberAuthIdentity", "InvalidParameter", "bad", "r");
            var outcomes = new[]
            {
                ItemOutcome<MemberGrant, MemberAuthIdentity>.Success(new MemberGrant(1, 10), new MemberAuthIdentity { MemberUin = 1, IdentityId = 10 }),
                ItemOutcome<MemberGrant, MemberAuthIdentity>.Failure(new MemberGrant(2, 10), boom),
                ItemOutcome<MemberGrant, MemberAuthIdentity>.Failure(new MemberGrant(2, 11), boom),
            };
            var results = MemberGrantResult.ByMember(outcomes);
            Assert.Equal(new long[] { 1, 2 }, results.Select(r => r.MemberUin));
            Assert.Single(results[0].Granted);
            Assert.Empty(results[0].Errors);
            Assert.Same(boom, Assert.Single(results[1].Errors));
        }
    }
}
