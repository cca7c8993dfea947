@{
    # The same floor module plus one format file with no views: shows what loading any format data costs.
    RootModule           = 'EmptyModule.dll'
    ModuleVersion        = '0.0.1'
    GUID                 = '0b0e3a8c-4f5d-4e2a-9d7c-1a2b3c4d5e70'
    Author               = 'TencentOrg benchmarks'
    Description          = 'Import-time floor with an empty format file.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('EmptyModule.format.ps1xml')
    CmdletsToExport      = @('Get-EmptyThing')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
}
