using System.Linq;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>Issue 20 item 6: the -Wait / -TimeoutSec pair that follows CIC tasks is declared once, by the waiting bases.</summary>
    public class RulesWrittenOnceTests : CmdletTestBase
    {
        [Fact]
        public void Every_cmdlet_takes_Wait_and_TimeoutSec_from_the_one_shared_definition()
        {
            // Connect-TcOrg's -TimeoutSec is the HTTP timeout of each request, not a task-following timeout.
            var declared = Run(@"
Get-Command -Module TencentOrg -CommandType Cmdlet | Where-Object Name -ne 'Connect-TcOrg' | ForEach-Object {
    foreach ($name in 'Wait', 'TimeoutSec') {
        if ($_.Parameters.ContainsKey($name)) { $_.Name + ' ' + $name + ' ' + $_.ImplementingType.GetProperty($name).DeclaringType.Name }
    }
}").AssertSuccess().Output.Select(o => o.BaseObject.ToString()!).ToList();

            Assert.Contains("Sync-TcOrgConfiguration Wait TcOrgWaitingCmdlet", declared);
            Assert.Contains("Wait-TcOrgTask TimeoutSec TcOrgTimeoutCmdlet", declared);
            var elsewhere = declared.Where(d => !d.EndsWith(" TcOrgWaitingCmdlet") && !d.EndsWith(" TcOrgTimeoutCmdlet")).ToList();
            Assert.True(elsewhere.Count == 0, "declared outside TcOrgTimeoutCmdlet/TcOrgWaitingCmdlet: " + string.Join(", ", elsewhere));
            Assert.True(declared.Count >= 10, string.Join(", ", declared));
        }
    }
}
