using TencentOrg.Api;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// Issue 20 item 2: the redacted HTTP trace (headers, a 4 KB body excerpt) is built only when the command's debug records
    /// are read: -Debug, or a $DebugPreference that writes them. Counted with HttpTrace.Built (one per request and response).
    /// </summary>
    public class TraceConstructionTests : CmdletTestBase
    {
        private (long Built, Infrastructure.PsResult Result) Count(string script)
        {
            long before = HttpTrace.Built;
            var result = Run(script).AssertSuccess();
            Assert.Single(result.Output);
            return (HttpTrace.Built - before, result);
        }

        [Theory]
        [InlineData("Get-TcOrgMember -MemberUin 100000000001")]
        [InlineData("Get-TcOrgMember -MemberUin 100000000001 -Verbose")]
        [InlineData("Get-TcOrgMember -MemberUin 100000000001 -Debug:$false")]
        [InlineData("$DebugPreference = 'Continue'; Get-TcOrgMember -MemberUin 100000000001 -Debug:$false")]
        [InlineData("$DebugPreference = 'Ignore'; Get-TcOrgMember -MemberUin 100000000001")]
        public void No_trace_is_built_when_nobody_reads_debug_records(string script)
        {
            var (built, result) = Count(script);
            Assert.Empty(result.Debug);
            Assert.Equal(0, built);
        }

        [Theory]
        [InlineData("Get-TcOrgMember -MemberUin 100000000001 -Debug")]
        [InlineData("$DebugPreference = 'Continue'; Get-TcOrgMember -MemberUin 100000000001")]
        public void A_trace_is_built_for_each_request_and_response_when_debug_records_are_read(string script)
        {
            var (built, result) = Count(script);
            int traces = result.Debug.FindAll(d => d.StartsWith("HTTP request: ") || d.StartsWith("HTTP response: ")).Count;
            Assert.True(traces >= 2, "expected the request and response traces in the debug stream, got " + traces);
            Assert.Equal(traces, built);
        }
    }
}
