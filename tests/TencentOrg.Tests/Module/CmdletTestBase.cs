using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;

namespace TencentOrg.Tests.Module
{
    /// <summary>Fast defaults for cmdlet tests: no throttling on either side, tasks finish on the first poll.</summary>
    public abstract class CmdletTestBase : ModuleTestBase
    {
        protected const string Zone = "z-emulator0001";

        protected override string ConnectArguments => "-RequestsPerSecond 1000";

        protected override void Configure(EmulatorOptions options)
        {
            options.RateLimitPerSecond = 0;
            options.TaskPollsToComplete = 0;
        }

        protected IReadOnlyList<RecordedRequest> Sent(string action) => Emulator.Requests.ForAction(action);

        /// <summary>Lengths of one array field across the requests of an action, smallest first.</summary>
        protected List<int> BatchSizes(string action, string field) =>
            Sent(action).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty(field).GetArrayLength()).OrderBy(n => n).ToList();

        /// <summary>Parameter validation stopped the command before any request reached the emulator.</summary>
        protected void AssertRejected(PsResult result, string message)
        {
            var record = result.Terminating is System.Management.Automation.IContainsErrorRecord c ? c.ErrorRecord : Xunit.Assert.Single(result.Errors);
            Xunit.Assert.StartsWith("ParameterArgumentValidationError", record.FullyQualifiedErrorId);
            Xunit.Assert.Contains(message, record.Exception.Message);
            Xunit.Assert.Equal(0, Emulator.Requests.Count);
        }

        protected static object? Prop(System.Management.Automation.PSObject o, string name) => o.Properties[name]?.Value;
    }
}
