using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace TencentOrg.Tests.Infrastructure
{
    /// <summary>What one script produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<string> Information { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        /// <summary>What reached the host: formatted views, -WhatIf lines.</summary>
        public string HostText { get; set; } = "";
        /// <summary>A terminating error, or null.</summary>
        public Exception? Terminating { get; set; }

        public IEnumerable<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId);

        /// <summary>
        /// The first error of either kind: a cmdlet's ThrowTerminatingError inside a script only ends that
        /// statement and lands in the error stream, so tests of "stops with an error" look at both.
        /// </summary>
        public ErrorRecord? FirstError =>
            Errors.FirstOrDefault() ?? (Terminating as IContainsErrorRecord)?.ErrorRecord;

        /// <summary>Fails the test with the actual error text when anything went wrong.</summary>
        public PsResult AssertSuccess()
        {
            if (Terminating != null) throw new Xunit.Sdk.XunitException("Terminating error: " + Terminating);
            if (Errors.Count > 0)
                throw new Xunit.Sdk.XunitException(Errors.Count + " error(s): " + string.Join("\n", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            return this;
        }

        /// <summary>Every stream as one text, for leak checks.</summary>
        public string AllText()
        {
            var all = new StringBuilder();
            foreach (var o in Output) all.AppendLine(Describe(o));
            foreach (var e in Errors)
            {
                all.AppendLine(e.ToString()).AppendLine(e.FullyQualifiedErrorId).AppendLine(e.Exception?.ToString())
                    .AppendLine(e.ErrorDetails?.Message).AppendLine(e.TargetObject?.ToString()).AppendLine(e.CategoryInfo.ToString());
            }
            foreach (var s in Warnings.Concat(Verbose).Concat(Debug).Concat(Information)) all.AppendLine(s);
            foreach (var p in Progress) all.AppendLine(p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation);
            all.AppendLine(HostText);
            all.AppendLine(Terminating?.ToString());
            return all.ToString();
        }

        private static string Describe(PSObject o)
        {
            var text = new StringBuilder(o.ToString());
            foreach (var p in o.Properties)
            {
                try { text.Append(' ').Append(p.Name).Append('=').Append(p.Value); }
                catch (Exception) { /* a getter that throws is not a leak */ }
            }
            return text.ToString();
        }
    }

    /// <summary>A fresh runspace of the real PowerShell 7.6 engine with out/TencentOrg imported by its manifest.</summary>
    public sealed class PsRunner : IDisposable
    {
        private readonly Runspace _runspace;

        public PsRunner(bool importModule = true)
        {
            Host = new RecordingHost();
            var state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(Host, state);
            _runspace.Open();
            if (importModule)
            {
                var imported = Run("Import-Module '" + TestSetup.ModuleManifest.Replace("'", "''") + "' -ErrorAction Stop");
                if (imported.Terminating != null || imported.Errors.Count > 0)
                    throw new InvalidOperationException("Import-Module failed: " + (imported.Terminating?.ToString() ?? imported.Errors[0].ToString()));
            }
        }

        public RecordingHost Host { get; }

        public PsResult Run(string script, IDictionary<string, object?>? variables = null)
        {
            if (variables != null)
                foreach (var v in variables) _runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            Host.Recorder.Clear();
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var result = new PsResult();
            // Collected as written, so what came out before a terminating error is kept too.
            var output = new PSDataCollection<PSObject>();
            try
            {
                ps.Invoke(null, output);
            }
            catch (RuntimeException ex)
            {
                result.Terminating = ex;
            }
            result.Output.AddRange(output);
            result.Errors.AddRange(ps.Streams.Error);
            result.Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
            result.Verbose.AddRange(ps.Streams.Verbose.Select(w => w.Message));
            result.Debug.AddRange(ps.Streams.Debug.Select(w => w.Message));
            result.Information.AddRange(ps.Streams.Information.Select(w => w.ToString()));
            result.Progress.AddRange(ps.Streams.Progress);
            result.Progress.AddRange(Host.Recorder.Progress);
            result.HostText = Host.Recorder.Text;
            return result;
        }

        public void Dispose() => _runspace.Dispose();
    }
}
