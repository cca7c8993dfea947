using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Companion
{
    /// <summary>Companion-cmdlet tests: the cmdlet tests' fast defaults plus seed files and error helpers.</summary>
    public abstract class CompanionTestBase : Module.CmdletTestBase
    {
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
