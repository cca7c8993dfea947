using System;
using System.Linq;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.OrganizationIdentities
{
    /// <summary>New-TcOrgIdentity -SkipExisting lists the identities once per command and creates only the new names.</summary>
    public class SkipExistingIdentityRerunTests : CmdletTestBase
    {
        private const string Create = "1..{0} | ForEach-Object {{ [pscustomobject]@{{ Name = 'Rerun{{0:d3}}' -f $_; Policy = '2:ReadOnlyAccess' }} }} | New-TcOrgIdentity";

        [Fact]
        public void Rerun_of_60_identities_is_one_listing_per_50_and_no_write()
        {
            Run(string.Format(Create, 60)).AssertSuccess();
            int identities = Emulator.State.Identities.Count;
            Emulator.Requests.Clear();

            var rerun = Run(string.Format(Create, 65) + " -SkipExisting").AssertSuccess();
            Assert.Equal(65, rerun.Output.Count);
            Assert.Equal(60, rerun.Warnings.Count(w => w.Contains("already exists")));
            Assert.Equal(5, SentCount("CreateOrganizationIdentity"));
            Assert.Equal((int)Math.Ceiling(identities / 50.0), SentCount("ListOrganizationIdentity"));
            Assert.Equal(65, Emulator.State.Identities.Count(i => i.IdentityAliasName.StartsWith("Rerun")));
        }
    }
}
