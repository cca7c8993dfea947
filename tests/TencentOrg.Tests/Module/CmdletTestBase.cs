using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Linq;
using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>Fast defaults for cmdlet tests (no throttling on either side, tasks finish on the first poll), seed files and error helpers.</summary>
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

        /// <summary>The emulator alters the action's listing the way a broken server would (the request is still handled).</summary>
        protected void ListingFault(string action, FaultKind kind, string? field = null, int? rows = null, string? value = null, int? count = null) =>
            Emulator.Faults.Add(new FaultRule { Action = action, Kind = kind, Phase = FaultPhase.Listing, Field = field, Rows = rows, Value = value, Count = count });

        /// <summary>The one listing check refused a row: a single InvalidListingRow error naming the action and every word, and no output.</summary>
        protected static void AssertListingError(PsResult result, string action, params string[] words)
        {
            var error = Xunit.Assert.Single(result.Errors);
            Xunit.Assert.StartsWith("ClientError.InvalidListingRow,", error.FullyQualifiedErrorId);
            Xunit.Assert.Contains(action, error.Exception.Message);
            foreach (string word in words) Xunit.Assert.Contains(word, error.Exception.Message);
            Xunit.Assert.Empty(result.Output);
        }

        protected int SentCount(string action) => Sent(action).Count;

        /// <summary>Writes a seed file holding only the given sections; the rest falls back to the default seed.</summary>
        protected static string SeedFile(object sections)
        {
            string path = Path.Combine(Path.GetTempPath(), "tcorg-seed-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(sections));
            return path;
        }

        /// <summary>The one error of a result: its FQID must be the Tencent code on this cmdlet.</summary>
        protected static ErrorRecord SingleError(PsResult result, string code, string cmdletType)
        {
            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal(code + ",TencentOrg." + cmdletType, error.FullyQualifiedErrorId);
            return error;
        }

        protected static long[] Members(int count) => Enumerable.Range(1, count).Select(i => 100000000000L + i).ToArray();
    }
}
