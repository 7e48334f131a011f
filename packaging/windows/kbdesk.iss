; Inno Setup script of the kbdesk installer for Windows (per-machine install).
; Build on a Windows machine (docs/deploying.md): first the bundle with PyInstaller
; (packaging\kbdesk.spec -> dist\kbdesk\), then: iscc /DVersion=0.1.0 packaging\windows\kbdesk.iss
; An IT department may pass /DSiteConfig=path\to\site.yaml to install its site settings.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F1D4C0B-2E57-4F3B-9C1A-4B2D8E5A7C31}
AppName=kbdesk
AppVersion={#Version}
AppPublisher=kbdesk
DefaultDirName={autopf}\kbdesk
DefaultGroupName=kbdesk
; per machine: every user of the workstation gets it, only administrators install or change it
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=kbdesk-{#Version}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\kbdesk.exe

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesetraditional"; MessagesFile: "compiler:Languages\ChineseTraditional.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\kbdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef SiteConfig
; the machine-wide site settings: C:\ProgramData\kbdesk\site.yaml, writable by administrators only
Source: "{#SiteConfig}"; DestDir: "{commonappdata}\kbdesk"; DestName: "site.yaml"; Flags: ignoreversion; Permissions: users-readexec
#endif

[Dirs]
Name: "{commonappdata}\kbdesk"; Permissions: users-readexec

[Icons]
Name: "{group}\kbdesk"; Filename: "{app}\kbdesk.exe"; Parameters: ""
Name: "{group}\{cm:UninstallProgram,kbdesk}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\kbdesk.exe"; Parameters: "doctor"; Description: "Check the installation (kbdesk doctor)"; Flags: postinstall skipifsilent runhidden
