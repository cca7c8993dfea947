using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace TencentOrg.Demo
{
    /// <summary>A minimal non-interactive console host: formatted views, warnings and errors go to the terminal.</summary>
    internal sealed class ConsoleHost : PSHost
    {
        private readonly ConsoleUI _ui = new ConsoleUI();
        private readonly Guid _id = Guid.NewGuid();

        public override string Name => "TencentOrgDemoHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class ConsoleUI : PSHostUserInterface
        {
            public override PSHostRawUserInterface? RawUI => null;
            public override void Write(string value) => Console.Write(GetOutputString(value, false));
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
            public override void WriteLine(string value) => Console.WriteLine(GetOutputString(value, false));
            public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);
            public override void WriteDebugLine(string message) => Console.WriteLine("DEBUG: " + message);
            public override void WriteVerboseLine(string message) => Console.WriteLine("VERBOSE: " + message);
            public override void WriteWarningLine(string message) => Console.WriteLine("WARNING: " + message);
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new InvalidOperationException("The demo runs unattended and cannot prompt: " + caption);
            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new InvalidOperationException("The demo runs unattended and cannot prompt: " + caption);
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new InvalidOperationException("The demo cannot prompt for credentials.");
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
                PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new InvalidOperationException("The demo cannot prompt for credentials.");
            public override string ReadLine() => throw new InvalidOperationException("The demo cannot read input.");
            public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("The demo cannot read input.");
        }
    }
}
