@{
    RootModule           = 'EmptyModule.dll'
    ModuleVersion        = '0.0.1'
    GUID                 = '0b0e3a8c-4f5d-4e2a-9d7c-1a2b3c4d5e6f'
    Author               = 'TencentOrg benchmarks'
    Description          = 'Import-time floor for the TencentOrg benchmarks: one trivial cmdlet.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    CmdletsToExport      = @('Get-EmptyThing')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
}
