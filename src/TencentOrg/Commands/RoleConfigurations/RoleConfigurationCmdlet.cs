using System;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Shared shape of the permission-configuration cmdlets: -ZoneId (else the session's zone, looked up only when something
    /// is really sent), one <see cref="RoleConfigurationService"/> per command, and input problems as per-item errors.
    /// </summary>
    public abstract class RoleConfigurationCmdlet : TcOrgCmdlet
    {
        private RoleConfigurationService? _service;
        private string? _sessionZoneId;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        internal RoleConfigurationService Service => _service ??= new RoleConfigurationService(Session, Log);

        /// <summary>The zone to send to: -ZoneId, else the session's (DescribeIdentityCenter once per command).</summary>
        internal string Zone => !string.IsNullOrEmpty(ZoneId) ? ZoneId! : _sessionZoneId ??= ResolveZoneId(null);
    }

    /// <summary>Remove- cmdlets: ConfirmImpact High, and -Force to skip the confirmation (-WhatIf still only reports).</summary>
    public abstract class RoleConfigurationRemoveCmdlet : RoleConfigurationCmdlet
    {
        /// <summary>Remove without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }
    }
}
