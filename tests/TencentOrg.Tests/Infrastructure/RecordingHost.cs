using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace TencentOrg.Tests.Infrastructure
{
    /// <summary>A non-interactive host that records what PowerShell writes to it (formatted views, -WhatIf text, prompts).</summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingUI _ui = new RecordingUI();
        private readonly Guid _id = Guid.NewGuid();

        public override string Name => "TencentOrgTestHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public RecordingUI Recorder => _ui;

        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class RecordingUI : PSHostUserInterface
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly object _gate = new object();

        /// <summary>Answers for -Confirm prompts, in order (0 = Yes, 1 = Yes to All, 2 = No, 3 = No to All).</summary>
        public Queue<int> ChoiceAnswers { get; } = new Queue<int>();
        public List<string> PromptCaptions { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

        public string Text { get { lock (_gate) return _text.ToString(); } }

        public void Clear()
        {
            lock (_gate) _text.Clear();
            PromptCaptions.Clear();
            Progress.Clear();
        }

        public override PSHostRawUserInterface? RawUI => null;

        public override void Write(string value) { lock (_gate) _text.Append(GetOutputString(value, false)); }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
        public override void WriteLine(string value) { lock (_gate) _text.Append(GetOutputString(value, false)).Append('\n'); }
        public override void WriteErrorLine(string value) => WriteLine("ERROR: " + value);
        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
        public override void WriteInformation(InformationRecord record) => WriteLine("INFO: " + record);
        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            lock (_gate) Progress.Add(record);
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException("Test host cannot prompt: " + caption + " " + message);

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            PromptCaptions.Add(caption + ": " + message);
            if (ChoiceAnswers.Count == 0) throw new InvalidOperationException("Unexpected prompt: " + caption + " " + message);
            return ChoiceAnswers.Dequeue();
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("Test host cannot prompt for credentials.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException("Test host cannot prompt for credentials.");

        public override string ReadLine() => throw new InvalidOperationException("Test host cannot read input.");
        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Test host cannot read input.");
    }
}
