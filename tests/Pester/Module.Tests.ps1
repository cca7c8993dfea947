# The module as a console user meets it: imported by its manifest from out/TencentOrg, its help, its session.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator
    $cmdlets = @((Import-PowerShellDataFile $ModuleManifest).CmdletsToExport)
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Module import' {
    It 'exports exactly the cmdlets the manifest declares' {
        $exported = (Get-Command -Module TencentOrg).Name | Sort-Object
        $exported | Should -Be ($cmdlets | Sort-Object)
        $cmdlets.Count | Should -BeGreaterThan 20
    }

    It 'out/TencentOrg holds the Release build, not whichever configuration was built last' {
        $module = Get-Module TencentOrg
        $module.ModuleBase | Should -Be (Get-Item $ModuleDir).FullName
        $configuration = $module.ImplementingAssembly.GetCustomAttributes([Reflection.AssemblyConfigurationAttribute], $false).Configuration
        $configuration | Should -Be 'Release'
    }

    It 'connects to the emulator on its free port and reports the endpoint but never the secret' {
        $context = Get-TcOrgContext
        $text = $context | Format-List * | Out-String
        $text | Should -Match ([regex]::Escape("127.0.0.1:$($emulator.Port)"))
        $text | Should -Match 'SecretId\s+: AKID\*{4}0000'
        foreach ($property in $context.PSObject.Properties.Name) { $text | Should -Match "(?m)^$property\s+:" }
        $text | Should -Not -Match $DemoSecretKey
        ($context | Format-Table * | Out-String -Width 300) | Should -Not -Match $DemoSecretKey
        ($context | ConvertTo-Json) | Should -Not -Match $DemoSecretKey
    }
}

Describe 'Get-Help <_>' -ForEach @((Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../out/TencentOrg/TencentOrg.psd1')).CmdletsToExport) {
    BeforeAll {
        $cmdlet = $_
        $help = Get-Help $cmdlet -Full
    }

    It 'has a synopsis of its own, examples and described parameters' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+-\S+\s*\[' # PowerShell's fallback synopsis is the syntax line
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        @($help.Examples.Example)[0].Code | Should -Match ([regex]::Escape($_))
        $own = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin [Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [Management.Automation.PSCmdlet]::OptionalCommonParameters }
        foreach ($name in $own) {
            $parameter = @($help.Parameters.Parameter) | Where-Object Name -EQ $name
            $parameter | Should -Not -BeNullOrEmpty -Because "-$name of $_ needs a help entry"
            ($parameter.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$name of $_ needs a description"
        }
    }

    It 'lists -WhatIf and -Confirm after its own parameters in SYNTAX, as PowerShell''s own help does' {
        $supportsShouldProcess = (Get-Command $_).Parameters.ContainsKey('WhatIf')
        foreach ($item in @($help.Syntax.SyntaxItem)) {
            $names = @(if ($item.PSObject.Properties['parameter']) { $item.parameter | ForEach-Object Name })
            if ($supportsShouldProcess) {
                $names[-2..-1] | Should -Be @('WhatIf', 'Confirm')
            }
            else {
                $names | Should -Not -Contain 'WhatIf'
            }
        }
        if ($supportsShouldProcess) {
            # What a console shows: every syntax line ends with the ShouldProcess switches, then the common parameters.
            $syntaxLines = @((Get-Help $cmdlet | Out-String -Width 2000) -split "`n" | Where-Object { $_ -match "^\s*$([regex]::Escape($cmdlet)) " })
            $syntaxLines.Count | Should -BeGreaterThan 0
            foreach ($line in $syntaxLines) { $line | Should -Match '\[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]\s*$' }
        }
    }
}

Describe 'about_TencentOrg' {
    It 'prints plain text, not raw Markdown' {
        $text = Get-Help about_TencentOrg | Out-String
        $text | Should -Match 'TOPIC'
        $text | Should -Match 'about_TencentOrg'
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -Not -Match '(?m)^\s*#{1,6} '
        $text | Should -Not -Match '```'
        $text | Should -Not -Match '\*\*\w'
        $text | Should -Not -Match '(?m)^\s*\|.*\|\s*$'
    }
}
