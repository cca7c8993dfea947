namespace TencentOrg
{
    /// <summary>One (member, identity) pair to grant or revoke; the TargetObject of an error about that pair.</summary>
    public sealed class MemberGrant
    {
        /// <summary>A pair.</summary>
        public MemberGrant(long memberUin, long identityId)
        {
            MemberUin = memberUin;
            IdentityId = identityId;
        }

        /// <summary>The member account.</summary>
        public long MemberUin { get; }
        /// <summary>The organization identity.</summary>
        public long IdentityId { get; }

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is MemberGrant other && other.MemberUin == MemberUin && other.IdentityId == IdentityId;

        /// <inheritdoc />
        public override int GetHashCode() => MemberUin.GetHashCode() * 31 + IdentityId.GetHashCode();

        /// <inheritdoc />
        public override string ToString() => "member " + MemberUin + " / identity " + IdentityId;
    }
}
