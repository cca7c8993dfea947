using System;
using System.Management.Automation;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Services.Configuration;

namespace TencentOrg
{
    /// <summary>What Export-, Compare- and Sync-TcOrgConfiguration share: -ZoneId, the service, reading the file, and its errors.</summary>
    public abstract class ConfigurationCmdlet : TcOrgCmdlet
    {
        private ConfigurationService? _service;

        /// <summary>The CIC zone of the role assignments; by default the session's (DescribeIdentityCenter, asked once).</summary>
        [Parameter]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        internal ConfigurationService Service => _service ??= new ConfigurationService(Session, Log);

        /// <summary>Asked only when role assignments are read or written.</summary>
        internal Task<string> Zone() => ZoneIdAsync(ZoneId);

        /// <summary>A PowerShell path (relative, PSDrive, ~) as a file system path.</summary>
        internal string FileSystemPath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>Reads and checks the file; a bad file ends the command before any request.</summary>
        internal OrgConfiguration ReadDesired(string path)
        {
            string file = FileSystemPath(path);
            try
            {
                return ConfigurationFile.ReadFile(file);
            }
            catch (ConfigurationException bad)
            {
                ThrowTerminatingError(new ErrorRecord(bad, bad.ErrorId, ErrorCategory.InvalidData, path));
                throw;
            }
        }

        /// <summary>Runs a read; unresolved names and API failures end the command (nothing has been written yet).</summary>
        internal T AwaitReads<T>(Task<T> reads, string path)
        {
            try
            {
                return Await(reads);
            }
            catch (ConfigurationException unresolved)
            {
                ThrowTerminatingError(new ErrorRecord(unresolved, unresolved.ErrorId, ErrorCategory.ObjectNotFound, path));
                throw;
            }
            catch (OrgException error)
            {
                ThrowCommandError(error);
                throw;
            }
        }
    }
}
