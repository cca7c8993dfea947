using System;
using System.Management.Automation;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Services.Configuration;

namespace TencentOrg
{
    /// <summary>What Export- and Compare-TcOrgConfiguration share: -ZoneId and the configuration support.</summary>
    public abstract class ConfigurationCmdlet : TcOrgCmdlet
    {
        private ConfigurationSupport? _configuration;

        /// <summary>The CIC zone of the role assignments; by default the session's (DescribeIdentityCenter, asked once).</summary>
        [Parameter]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        internal ConfigurationSupport Configuration => _configuration ??= new ConfigurationSupport(this, () => ZoneId);
    }

    /// <summary>
    /// What Export-, Compare- and Sync-TcOrgConfiguration share: the service, reading the file, and its errors. A helper, not
    /// a base, because Sync takes its -Wait/-TimeoutSec from TcOrgWaitingCmdlet (the one definition of that pair).
    /// </summary>
    internal sealed class ConfigurationSupport
    {
        private readonly TcOrgCmdlet _cmdlet;
        private readonly Func<string?> _zoneId;
        private ConfigurationService? _service;

        public ConfigurationSupport(TcOrgCmdlet cmdlet, Func<string?> zoneId)
        {
            _cmdlet = cmdlet;
            _zoneId = zoneId;
        }

        public ConfigurationService Service => _service ??= new ConfigurationService(_cmdlet.Session, _cmdlet.Log);

        /// <summary>Asked only when role assignments are read or written.</summary>
        public Task<string> Zone() => _cmdlet.ZoneIdAsync(_zoneId());

        /// <summary>A PowerShell path (relative, PSDrive, ~) as a file system path.</summary>
        public string FileSystemPath(string path) => _cmdlet.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>Reads and checks the file; a bad file ends the command before any request.</summary>
        public OrgConfiguration ReadDesired(string path)
        {
            try
            {
                return ConfigurationFile.ReadFile(FileSystemPath(path));
            }
            catch (ConfigurationException bad)
            {
                _cmdlet.ThrowTerminatingError(new ErrorRecord(bad, bad.ErrorId, ErrorCategory.InvalidData, path));
                throw;
            }
        }

        /// <summary>Runs a read; unresolved names and API failures end the command (nothing has been written yet).</summary>
        public T AwaitReads<T>(Task<T> reads, string path)
        {
            try
            {
                return _cmdlet.Await(reads);
            }
            catch (ConfigurationException unresolved)
            {
                _cmdlet.ThrowTerminatingError(new ErrorRecord(unresolved, unresolved.ErrorId, ErrorCategory.ObjectNotFound, path));
                throw;
            }
            catch (OrgException error)
            {
                _cmdlet.ThrowCommandError(error);
                throw;
            }
        }
    }
}
