using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg.Services.Configuration
{
    /// <summary>A plan and what resolving the file's names had to say about it.</summary>
    internal sealed class ConfigurationComparison
    {
        public ConfigurationComparison(List<ConfigurationPlanItem> plan, IReadOnlyList<string> warnings)
        {
            Plan = plan;
            Warnings = warnings;
        }

        public List<ConfigurationPlanItem> Plan { get; }
        public IReadOnlyList<string> Warnings { get; }
    }

    /// <summary>Export, Compare and Sync of a desired-state configuration, over the domain services' listings and batched writes.</summary>
    internal sealed class ConfigurationService
    {
        private readonly OrgSession _session;
        private readonly IOrgLog _log;
        private readonly ConfigurationReader _reader;

        public ConfigurationService(OrgSession session, IOrgLog log)
        {
            _session = session;
            _log = log;
            _reader = new ConfigurationReader(session, log);
        }

        public static readonly ConfigurationSection[] AllSections =
            { ConfigurationSection.Identities, ConfigurationSection.MemberAuthIdentities, ConfigurationSection.RoleAssignments };

        /// <summary>The live configuration of the given sections, with readable names beside every ID.</summary>
        public async Task<OrgConfiguration> ExportAsync(ICollection<ConfigurationSection> sections, Func<Task<string>> zoneId, CancellationToken ct)
        {
            var snapshot = await _reader.ReadAsync(sections, zoneId, ct).ConfigureAwait(false);
            // The grant listing may leave MemberName out; one member listing then names them all.
            if (snapshot.MemberAuthIdentities != null && snapshot.MemberAuthIdentities.Any(g => g.Member == null))
            {
                List<NamedId>? members = null;
                await _reader.ListMembersAsync(list => members = list, ct).ConfigureAwait(false);
                var names = members!.Where(m => m.Name != null).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
                foreach (var grant in snapshot.MemberAuthIdentities.Where(g => g.Member == null))
                    if (names.TryGetValue(grant.MemberUin.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture), out var name)) grant.Member = name;
            }
            return snapshot.ToConfiguration(sections);
        }

        /// <summary>Reads what the desired configuration manages, resolves its names, and plans. Sends no write.</summary>
        public async Task<ConfigurationComparison> CompareAsync(OrgConfiguration desired, Func<Task<string>> zoneId, CancellationToken ct)
        {
            var sections = AllSections.Where(desired.Has).ToList();
            var needs = DirectoryNeeds.Of(desired);
            // The state and the directories are different actions with separate budgets: read them side by side.
            var snapshotTask = _reader.ReadAsync(sections, zoneId, ct);
            var directoryTask = _reader.ReadDirectoryAsync(needs, new OrgSnapshot(), zoneId, ct);
            await Task.WhenAll(snapshotTask, directoryTask).ConfigureAwait(false);
            var snapshot = snapshotTask.Result;
            var directory = directoryTask.Result;
            directory.Identities = snapshot.Identities?.Select(i => new NamedId(i.Name,
                i.IdentityId.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var resolved = ConfigurationResolver.Resolve(desired, directory, snapshot, out var warnings);
            return new ConfigurationComparison(ConfigurationPlanner.Plan(resolved, snapshot), warnings);
        }

        /// <summary>Applies the approved plan items; report is called once per item with its final outcome. gate: the command's (-ErrorAction Stop).</summary>
        public Task ApplyAsync(IReadOnlyList<ConfigurationPlanItem> items, bool wait, TimeSpan timeout, Func<Task<string>> zoneId,
            Action<ConfigurationPlanItem, Exception?> report, CancellationToken ct, SendGate? gate = null) =>
            new ConfigurationApplier(_session, _log, zoneId, report, gate).ApplyAsync(items, wait, timeout, ct);
    }
}
