using System;
using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// Output follows input order within a command although batches run concurrently and, with the
    /// emulator delaying some answers, finish out of order; errors take their input's place too.
    /// </summary>
    public class OutputOrderTests : CmdletTestBase
    {
        private void DelaySome(string action) =>
            Emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.Slow, Probability = 0.4, Delay = TimeSpan.FromMilliseconds(150) });

        // Objects as O:<key>, errors as E:<target>, in the order the pipeline received them.
        private string[] Sequence(string script, string key) =>
            Run(script + " 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'E:' + $_.TargetObject } else { 'O:' + $_." + key + " } }")
                .Output.Select(o => o.BaseObject.ToString()!).ToArray();

        [Fact]
        public void New_TcOrgIdentity_outputs_and_errors_follow_input_order()
        {
            Run("New-TcOrgIdentity -Name Id07 -Policy '1:AdministratorAccess'; New-TcOrgIdentity -Name Id23 -Policy '1:AdministratorAccess'").AssertSuccess();
            DelaySome("CreateOrganizationIdentity");

            var sequence = Sequence("1..40 | ForEach-Object { [pscustomobject]@{ Name = 'Id{0:d2}' -f $_; Policy = '2:ReadOnlyAccess' } } | New-TcOrgIdentity", "Name");

            var expected = Enumerable.Range(1, 40).Select(i => (i == 7 || i == 23 ? "E:" : "O:") + "Id" + i.ToString("d2")).ToArray();
            Assert.Equal(expected, sequence);
            Assert.True(Emulator.Faults.InjectedCount > 0);
        }

        [Fact]
        public void New_TcRoleAssignment_batches_of_50_in_flight_together_come_out_in_input_order()
        {
            DelaySome("CreateRoleAssignment");

            var sequence = Sequence(@"
$(foreach ($u in 1..6) { foreach ($m in 1..50) {
    [pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = 100000000000 + $m; PrincipalId = 'u-emuuser{0:d5}' -f $u } } }) |
New-TcRoleAssignment -ZoneId z-emulator0001", "PrincipalId + '/' + $_.TargetUin");

            var expected = Enumerable.Range(1, 6).SelectMany(u => Enumerable.Range(1, 50).Select(m => "O:u-emuuser" + u.ToString("d5") + "/" + (100000000000L + m))).ToArray();
            Assert.Equal(expected, sequence);
            Assert.Equal(6, Sent("CreateRoleAssignment").Count(r => r.ErrorCode == null));
        }

        [Fact]
        public void Pooled_grants_come_out_by_identity_then_member_in_input_order()
        {
            var ids = Run("1..12 | ForEach-Object { New-TcOrgIdentity -Name ('Pool{0:d2}' -f $_) -Policy '2:ReadOnlyAccess' }").AssertSuccess()
                .Output.Select(o => (long)Prop(o, "IdentityId")!).ToArray();
            DelaySome("CreateOrganizationMemberAuthIdentity");

            var sequence = Sequence("$ids | ForEach-Object { [pscustomobject]@{ IdentityId = $_ } } | Add-TcOrgMemberAuthIdentity -MemberUin (1..25 | ForEach-Object { 100000000000 + $_ }) -PassThru",
                "IdentityId + '/' + $_.MemberUin", ids);

            // Identities pooled 5 per request: within a pool, member by member; pools in input order.
            var expected = ids.Chunk(5).SelectMany(pool => Enumerable.Range(1, 25).SelectMany(m => pool.Select(id => "O:" + id + "/" + (100000000000L + m)))).ToArray();
            Assert.Equal(expected, sequence);
        }

        private string[] Sequence(string script, string key, long[] ids) =>
            Run("$ids = $idList; " + script + " 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'E:' + $_.TargetObject } else { 'O:' + $_." + key + " } }",
                new System.Collections.Generic.Dictionary<string, object?> { ["idList"] = ids }).Output.Select(o => o.BaseObject.ToString()!).ToArray();
    }
}
