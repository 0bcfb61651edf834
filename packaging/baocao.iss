; Inno Setup 6 script: a per-user installer for the one-folder bundle built by packaging/build.py.
; Saved as UTF-8 with a byte-order mark, so the Vietnamese names read right.
;
;     iscc /DAppVersion=0.1.0 packaging\baocao.iss      (writes build\installer\BaoCaoLDTBXH-0.1.0-setup.exe)
;
; Installs without administrator rights into %LOCALAPPDATA%\Programs\BaoCaoLDTBXH and adds a
; Start-menu shortcut. The data (database, its .keys file, backups beside it) lives in
; %APPDATA%\BaoCaoLDTBXH, written by the app itself and never by this installer, so uninstalling
; or upgrading leaves it untouched: nothing here names that folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\build\dist\baocao"
#endif
#define AppName "Báo cáo LĐTBXH"

[Setup]
AppId={{1F5BD361-ADA8-4AEE-892D-734742A72410}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
DefaultDirName={autopf}\BaoCaoLDTBXH
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\build\installer
OutputBaseFilename=BaoCaoLDTBXH-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\baocao.exe
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\baocao.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\baocao.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\baocao.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
