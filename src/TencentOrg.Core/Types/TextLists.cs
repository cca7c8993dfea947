using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace TencentOrg
{
    /// <summary>
    /// An identity's policies. Its text form is "1:AdministratorAccess;2:ReadOnlyAccess", so Export-Csv, string
    /// expansion and -join write what -Policy reads back (Import-Csv | New-TcOrgIdentity round-trips).
    /// </summary>
    public sealed class IdentityPolicyList : ReadOnlyCollection<IdentityPolicy>
    {
        public IdentityPolicyList(IEnumerable<IdentityPolicy> policies) : base(policies.ToList()) { }

        public static IdentityPolicyList Empty { get; } = new IdentityPolicyList(Array.Empty<IdentityPolicy>());

        public static implicit operator IdentityPolicyList(IdentityPolicy[] policies) => new IdentityPolicyList(policies);

        public override string ToString() => string.Join(";", this.Select(p => p.ToString()));
    }

    /// <summary>
    /// The identities a member holds. Text form "101:Ops;102:Auditor" (IdentityId:name), which
    /// Add-TcOrgMemberAuthIdentity -IdentityId reads back from a CSV cell.
    /// </summary>
    public sealed class OrgMemberIdentityList : ReadOnlyCollection<OrgMemberIdentity>
    {
        public OrgMemberIdentityList(IEnumerable<OrgMemberIdentity> identities) : base(identities.ToList()) { }

        public static OrgMemberIdentityList Empty { get; } = new OrgMemberIdentityList(Array.Empty<OrgMemberIdentity>());

        public static implicit operator OrgMemberIdentityList(OrgMemberIdentity[] identities) => new OrgMemberIdentityList(identities);

        public override string ToString() => string.Join(";", this.Select(i => i.IdentityId + ":" + i.IdentityAliasName));
    }
}
