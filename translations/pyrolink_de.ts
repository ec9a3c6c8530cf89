<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>Language</name>
        <message>
            <location filename="../ui/common/Language.cpp" line="+108" />
            <source>Lan&amp;guage</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;System default</source>
            <extracomment>Language names are shown in their own language, whatever the current one.</extracomment>
            <translation>&amp;Systemvorgabe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;English</source>
            <translation>&amp;English</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deutsch</source>
            <translation>&amp;Deutsch</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pyrolink will use the new language the next time it starts.</source>
            <translation>Pyrolink verwendet die neue Sprache ab dem nächsten Start.</translation>
        </message>
    </context>
    <context>
        <name>WriteUnlock</name>
        <message>
            <location filename="../ui/secrets/WriteUnlock.cpp" line="+24" />
            <location line="+12" />
            <source>Unlock writing</source>
            <translation>Schreiben entsperren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the write-unlock PIN for %1:</source>
            <translation>PIN zum Entsperren des Schreibens für %1 eingeben:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unlock</source>
            <translation>Entsperren</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The PIN is wrong; writing stays locked.</source>
            <translation>Die PIN ist falsch; das Schreiben bleibt gesperrt.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>The write-unlock PIN could not be read: %1 Writing stays locked.</source>
            <translation>Die PIN zum Entsperren des Schreibens konnte nicht gelesen werden: %1 Das Schreiben bleibt gesperrt.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::AddDeviceDialog</name>
        <message>
            <location filename="../ui/devices/AddDeviceDialog.cpp" line="+29" />
            <source>Add device</source>
            <translation>Gerät hinzufügen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Modbus TCP (network)</source>
            <translation>Modbus TCP (Netzwerk)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Modbus RTU (serial line)</source>
            <translation>Modbus RTU (serielle Leitung)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Built-in simulator</source>
            <translation>Eingebauter Simulator</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. 192.168.0.4</source>
            <translation>z. B. 192.168.0.4</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Host:</source>
            <translation>&amp;Host:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Even</source>
            <translation>Gerade</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Odd</source>
            <translation>Ungerade</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Serial &amp;port:</source>
            <translation>Serielle Sch&amp;nittstelle:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Baud rate:</source>
            <translation>&amp;Baudrate:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;arity:</source>
            <translation>P&amp;arität:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Stop bits:</source>
            <translation>&amp;Stoppbits:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Connection:</source>
            <translation>&amp;Verbindung:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Unit id:</source>
            <translation>&amp;Unit-ID:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;rofile:</source>
            <translation>P&amp;rofil:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Model:</source>
            <translation>&amp;Modell:</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Choose a device profile.</source>
            <translation>Wählen Sie ein Geräteprofil.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::AlarmDialog</name>
        <message>
            <location filename="../ui/live/AlarmDialog.cpp" line="+20" />
            <source>&amp;Low alarm below</source>
            <translation>&amp;Unterer Alarm unter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;High alarm above</source>
            <translation>&amp;Oberer Alarm über</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Alarm limits: %1</source>
            <translation>Alarmgrenzen: %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The Value cell turns red above the high limit and blue below the low limit. The limits apply to this register on every device of the same profile.</source>
            <translation>Die Zelle „Wert“ wird oberhalb der oberen Grenze rot und unterhalb der unteren Grenze blau. Die Grenzen gelten für dieses Register an allen Geräten mit demselben Profil.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The low limit must be below the high limit.</source>
            <translation>Die untere Grenze muss unter der oberen Grenze liegen.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ApplyDialog</name>
        <message>
            <location filename="../ui/config/ApplyDialog.cpp" line="+16" />
            <source>Apply changes</source>
            <translation>Änderungen übernehmen</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Write %n register(s) to %1 and read each back?</source>
            <translation>
                <numerusform>%n Register in %1 schreiben und zurücklesen?</numerusform>
                <numerusform>%n Register in %1 schreiben und jedes zurücklesen?</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Old</source>
            <translation>Alt</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New</source>
            <translation>Neu</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message numerus="yes">
            <location line="+30" />
            <source>&amp;Write %n register(s)</source>
            <translation>
                <numerusform>%n Register &amp;schreiben</numerusform>
                <numerusform>%n Register &amp;schreiben</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pyrolink::AutoBackup</name>
        <message>
            <location filename="../core/commissioning/AutoBackup.cpp" line="+50" />
            <source>Cannot create the backup folder %1.</source>
            <translation>Der Sicherungsordner %1 kann nicht angelegt werden.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The device was closed.</source>
            <translation>Das Gerät wurde geschlossen.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the profile has no writable registers.</source>
            <translation>das Profil hat keine beschreibbaren Register.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The automatic backup could not read the device: %1</source>
            <translation>Die automatische Sicherung konnte das Gerät nicht lesen: %1</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::BackupDialog</name>
        <message>
            <location filename="../ui/commissioning/BackupDialog.cpp" line="+35" />
            <source>Same</source>
            <translation>Gleich</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Different</source>
            <translation>Abweichend</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not compared</source>
            <translation>Nicht verglichen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Written, verified</source>
            <translation>Geschrieben, geprüft</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Written, not read back</source>
            <translation>Geschrieben, nicht zurückgelesen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mismatch</source>
            <translation>Abweichung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Already the same</source>
            <translation>Bereits gleich</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Skipped</source>
            <translation>Übersprungen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not written</source>
            <translation>Nicht geschrieben</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Restore anyway: only the registers both models share</source>
            <translation>Trotzdem wiederherstellen: nur die Register, die beide Modelle haben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show registers that are the same</source>
            <translation>Gleiche Register anzeigen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Back up to file…</source>
            <translation>In Datei &amp;sichern…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore &amp;from file…</source>
            <translation>&amp;Aus Datei wiederherstellen…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+129" />
            <source>&amp;Restore</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <location line="-127" />
            <source>Backup and restore</source>
            <translation>Sichern und Wiederherstellen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No device</source>
            <translation>Kein Gerät</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Back up every writable register of the device to a file, or choose a backup to compare it with the device and restore it.</source>
            <translation>Alle beschreibbaren Register des Geräts in eine Datei sichern, oder eine Sicherung wählen, um sie mit dem Gerät zu vergleichen und wiederherzustellen.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <location line="+0" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location line="+52" />
            <source>The device was closed.</source>
            <translation>Das Gerät wurde geschlossen.</translation>
        </message>
        <message numerus="yes">
            <location line="+58" />
            <source>&amp;Restore %n register(s)</source>
            <translation>
                <numerusform>%n Register &amp;wiederherstellen</numerusform>
                <numerusform>%n Register &amp;wiederherstellen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+11" />
            <source>Writing is locked for this device: unlock it in the Configuration tab to restore.</source>
            <translation>Das Schreiben ist für dieses Gerät gesperrt: Entsperren Sie es im Reiter „Konfiguration“, um wiederherzustellen.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Back up to file</source>
            <translation>In Datei sichern</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+15" />
            <source>Pyrolink backups (*.json);;All files (*)</source>
            <translation>Pyrolink-Sicherungen (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Restore from file</source>
            <translation>Aus Datei wiederherstellen</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+84" />
            <source>Reading the device…</source>
            <translation>Gerät wird gelesen…</translation>
        </message>
        <message>
            <location line="-72" />
            <source>Nothing was saved: the device could not be read (%1).</source>
            <translation>Nichts wurde gespeichert: Das Gerät konnte nicht gelesen werden (%1).</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>Saved %n register(s) to %1.</source>
            <translation>
                <numerusform>%n Register in %1 gespeichert.</numerusform>
                <numerusform>%n Register in %1 gespeichert.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n register(s) could not be read and were left out.</source>
            <translation>
                <numerusform>%n Register konnte nicht gelesen werden und wurde ausgelassen.</numerusform>
                <numerusform>%n Register konnten nicht gelesen werden und wurden ausgelassen.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+35" />
            <source>, serial %1</source>
            <translation>, Seriennummer %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>, taken %1</source>
            <translation>, erstellt %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+37" />
            <source>%n register(s) differ from the file</source>
            <translation>
                <numerusform>%n Register weicht von der Datei ab</numerusform>
                <numerusform>%n Register weichen von der Datei ab</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>The device holds the file's values</source>
            <translation>Das Gerät hat die Werte der Datei</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>; %n the same</source>
            <translation>
                <numerusform>; %n gleich</numerusform>
                <numerusform>; %n gleich</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>; %n not compared</source>
            <translation>
                <numerusform>; %n nicht verglichen</numerusform>
                <numerusform>; %n nicht verglichen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+88" />
            <source>Saving the automatic backup of this session first…</source>
            <translation>Zuerst wird die automatische Sicherung dieser Sitzung gespeichert…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Nothing was written: %1</source>
            <translation>Nichts wurde geschrieben: %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Nothing was written: writing is locked for this device.</source>
            <translation>Nichts wurde geschrieben: Das Schreiben ist für dieses Gerät gesperrt.</translation>
        </message>
        <message numerus="yes">
            <location line="+25" />
            <source>%n register(s) failed</source>
            <translation>
                <numerusform>%n Register fehlgeschlagen</numerusform>
                <numerusform>%n Register fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+0" />
            <source>, %n verified</source>
            <translation>
                <numerusform>, %n geprüft</numerusform>
                <numerusform>, %n geprüft</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n register(s) written and verified</source>
            <translation>
                <numerusform>%n Register geschrieben und geprüft</numerusform>
                <numerusform>%n Register geschrieben und geprüft</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>The settings before are in %1.</source>
            <translation>Die vorherigen Einstellungen liegen in %1.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ChartWidget</name>
        <message>
            <location filename="../ui/live/ChartWidget.cpp" line="+206" />
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <location line="+176" />
            <source>Could not write %1.</source>
            <translation>%1 konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Drag to scroll, Ctrl+drag to zoom to a range, wheel to zoom, double-click to reset the zoom. Space pauses.</source>
            <translation>Ziehen zum Blättern, Strg+Ziehen zum Vergrößern eines Bereichs, Mausrad zum Zoomen, Doppelklick setzt den Zoom zurück. Die Leertaste hält an.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Time window of the chart</source>
            <translation>Zeitfenster des Diagramms</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Scroll through the history (pauses the chart)</source>
            <translation>Durch den Verlauf blättern (hält das Diagramm an)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&amp;Window:</source>
            <translation>Zeit&amp;fenster:</translation>
        </message>
        <message>
            <location line="+69" />
            <location line="+391" />
            <source>Pause</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <location line="-388" />
            <source>Reset zoom</source>
            <translation>Zoom zurücksetzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom in</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom out</source>
            <translation>Verkleinern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scroll back</source>
            <translation>Zurückblättern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scroll forward</source>
            <translation>Vorblättern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as PNG…</source>
            <translation>Als PNG speichern…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export CSV…</source>
            <translation>CSV exportieren…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Draw with OpenGL</source>
            <translation>Mit OpenGL zeichnen</translation>
        </message>
        <message>
            <location line="+123" />
            <source>Tick registers in the table to chart them.</source>
            <translation>Register in der Tabelle ankreuzen, um sie im Diagramm zu zeigen.</translation>
        </message>
        <message>
            <location line="+254" />
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <location line="+174" />
            <source>Could not save the chart to %1.</source>
            <translation>Das Diagramm konnte nicht als %1 gespeichert werden.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Exported %1 rows to %2.</source>
            <translation>%1 Zeilen nach %2 exportiert.</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+7" />
            <source>Save chart as PNG</source>
            <translation>Diagramm als PNG speichern</translation>
        </message>
        <message>
            <location line="-6" />
            <source>PNG images (*.png)</source>
            <translation>PNG-Bilder (*.png)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Export visible samples as CSV</source>
            <translation>Sichtbare Messpunkte als CSV exportieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::CommissioningReport</name>
        <message>
            <location filename="../report/CommissioningReport.cpp" line="+201" />
            <source>%1 (continued)</source>
            <translation>%1 (Fortsetzung)</translation>
        </message>
        <message>
            <location line="+122" />
            <source>Good</source>
            <translation>Gut</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stale</source>
            <translation>Veraltet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not read</source>
            <translation>Nicht gelesen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <location line="+44" />
            <location line="+276" />
            <source>Cannot write %1: %2.</source>
            <translation>%1 kann nicht geschrieben werden: %2.</translation>
        </message>
        <message>
            <location line="-265" />
            <source>Commissioning report: %1</source>
            <translation>Inbetriebnahmeprotokoll: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commissioning report: %1, serial number %2</source>
            <translation>Inbetriebnahmeprotokoll: %1, Seriennummer %2</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+225" />
            <source>Commissioning report</source>
            <translation>Inbetriebnahmeprotokoll</translation>
        </message>
        <message>
            <location line="-222" />
            <source>%1 · serial number %2</source>
            <translation>%1 · Seriennummer %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial number</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Firmware revision</source>
            <translation>Firmwarestand</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Device profile</source>
            <translation>Geräteprofil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+156" />
            <source>Technician</source>
            <translation>Techniker</translation>
        </message>
        <message>
            <location line="-155" />
            <source>Created with</source>
            <translation>Erstellt mit</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Notes</source>
            <translation>Bemerkungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No notes were entered.</source>
            <translation>Es wurden keine Bemerkungen eingegeben.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+28" />
            <source>Live readings</source>
            <translation>Aktuelle Messwerte</translation>
        </message>
        <message>
            <location line="-27" />
            <source>Measurement</source>
            <translation>Messgröße</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+70" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location line="-69" />
            <location line="+70" />
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <location line="-69" />
            <source>Quality</source>
            <translation>Qualität</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The profile names no measurements.</source>
            <translation>Das Profil nennt keine Messgrößen.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Trend</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Measured from %1 to %2 (%3). Lines break where the device did not answer; the legend gives each channel's last value.</source>
            <translation>Gemessen von %1 bis %2 (%3). Die Linien sind unterbrochen, wo das Gerät nicht antwortete; die Legende nennt den letzten Wert jedes Kanals.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No measurements were charted.</source>
            <translation>Es wurden keine Messwerte aufgezeichnet.</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+26" />
            <source>Configuration</source>
            <translation>Konfiguration</translation>
        </message>
        <message>
            <location line="-24" />
            <source>Every writable setting of the device with the value it held when the report was made.</source>
            <translation>Alle beschreibbaren Einstellungen des Geräts mit dem Wert, den sie bei Erstellung des Protokolls hatten.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Setting</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The device has no writable settings.</source>
            <translation>Das Gerät hat keine beschreibbaren Einstellungen.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The device identified above was commissioned with the configuration listed in this report. The readings were taken from the device on %1.</source>
            <translation>Das oben bezeichnete Gerät wurde mit der in diesem Protokoll aufgeführten Konfiguration in Betrieb genommen. Die Messwerte wurden am %1 vom Gerät abgelesen.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Sign-off</source>
            <translation>Abnahme</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Accepted by (operator of the plant)</source>
            <translation>Abgenommen durch (Betreiber der Anlage)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Date and signature</source>
            <translation>Datum und Unterschrift</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Cannot write %1: the PDF could not be started.</source>
            <translation>%1 kann nicht geschrieben werden: Das PDF konnte nicht begonnen werden.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Serial number %1</source>
            <translation>Seriennummer %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cannot write %1: a new page could not be started.</source>
            <translation>%1 kann nicht geschrieben werden: Eine neue Seite konnte nicht begonnen werden.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Page %1 of %2</source>
            <translation>Seite %1 von %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cannot write %1: the PDF could not be finished.</source>
            <translation>%1 kann nicht geschrieben werden: Das PDF konnte nicht abgeschlossen werden.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ConfigField</name>
        <message>
            <location filename="../ui/config/ConfigField.cpp" line="+303" />
            <source>%1 (not in the profile)</source>
            <translation>%1 (nicht im Profil)</translation>
        </message>
        <message>
            <location line="+123" />
            <source>Read failed</source>
            <translation>Lesen fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+59" />
            <source>"%1" is not a number.</source>
            <translation>„%1“ ist keine Zahl.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 is not a valid entry here.</source>
            <translation>%1 ist hier keine gültige Eingabe.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 has no value chosen.</source>
            <translation>Für %1 ist kein Wert gewählt.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>not written</source>
            <translation>nicht geschrieben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not written.</source>
            <translation>Nicht geschrieben.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Written and read back: %1.</source>
            <translation>Geschrieben und zurückgelesen: %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✗ reads back %1</source>
            <translation>✗ liest %1 zurück</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrote %1, but the device reads back %2.</source>
            <translation>%1 geschrieben, aber das Gerät liest %2 zurück.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ written</source>
            <translation>✓ geschrieben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Written; this register cannot be read back to check it.</source>
            <translation>Geschrieben; dieses Register lässt sich zur Prüfung nicht zurücklesen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not verified</source>
            <translation>nicht geprüft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Written, but not read back.</source>
            <translation>Geschrieben, aber nicht zurückgelesen.</translation>
        </message>
        <message>
            <location line="+76" />
            <source>was %1</source>
            <translation>war %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>edited</source>
            <translation>bearbeitet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edited: not written to the device yet.</source>
            <translation>Bearbeitet: noch nicht in das Gerät geschrieben.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+23" />
            <source>read-only</source>
            <translation>nur lesbar</translation>
        </message>
        <message>
            <location line="-20" />
            <source>not read yet</source>
            <translation>noch nicht gelesen</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 to %2%3</source>
            <translation>%1 bis %2%3</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n hex word(s)</source>
            <translation>
                <numerusform>%n Hex-Wort</numerusform>
                <numerusform>%n Hex-Wörter</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ConfigRestore</name>
        <message>
            <location filename="../core/commissioning/ConfigRestore.cpp" line="+94" />
            <source>%1 is written first and the device read again, so that every value is written in the file's unit.</source>
            <translation>%1 wird zuerst geschrieben und das Gerät neu gelesen, damit jeder Wert in der Einheit der Datei geschrieben wird.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 will be written last, and only if everything before is verified: the device may then stop answering at its present settings.</source>
            <translation>%1 wird zuletzt geschrieben, und nur wenn alles davor geprüft ist: Danach antwortet das Gerät unter Umständen nicht mehr mit den jetzigen Einstellungen.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Reading the device…</source>
            <translation>Gerät wird gelesen…</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Not written: %1</source>
            <translation>Nicht geschrieben: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>It held the file's value once the modes were written.</source>
            <translation>Nach dem Schreiben der Betriebsarten hatte es bereits den Wert der Datei.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Not written: the file's value is invalid: %1</source>
            <translation>Nicht geschrieben: Der Wert in der Datei ist ungültig: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not written: the unit switch failed, and this value is in %1.</source>
            <translation>Nicht geschrieben: Die Umstellung der Einheit ist fehlgeschlagen, und dieser Wert ist in %1 angegeben.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Cancelled before it was written.</source>
            <translation>Abgebrochen, bevor es geschrieben wurde.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Writing %1 (%2 of %3)…</source>
            <translation>%1 wird geschrieben (%2 von %3)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No answer.</source>
            <translation>Keine Antwort.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Written; it could not be read back, as expected when the device now answers at other settings: connect with the new settings to check it.</source>
            <translation>Geschrieben; es ließ sich nicht zurücklesen, wie zu erwarten, wenn das Gerät jetzt mit anderen Einstellungen antwortet: Zum Prüfen mit den neuen Einstellungen verbinden.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Reading the device again after the mode changes…</source>
            <translation>Gerät wird nach dem Ändern der Betriebsarten neu gelesen…</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Not written: communication settings are written only when everything before them was verified.</source>
            <translation>Nicht geschrieben: Kommunikationseinstellungen werden nur geschrieben, wenn alles davor geprüft wurde.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Restore finished: %1 verified, %2 failed.</source>
            <translation>Wiederherstellung beendet: %1 geprüft, %2 fehlgeschlagen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore finished: %1 verified.</source>
            <translation>Wiederherstellung beendet: %1 geprüft.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ConfigurationPanel</name>
        <message>
            <location filename="../ui/config/ConfigurationPanel.cpp" line="+113" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location line="+44" />
            <location line="+667" />
            <source>Unlock writing</source>
            <translation>Schreiben entsperren</translation>
        </message>
        <message>
            <location line="-665" />
            <source>Writing to this device is locked until you unlock it. The lock is per device.</source>
            <translation>Das Schreiben in dieses Gerät ist gesperrt, bis Sie es entsperren. Die Sperre gilt je Gerät.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Read from device</source>
            <translation>Vom Gerät lesen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read every value of the form from the device. Edited fields keep your values.</source>
            <translation>Alle Werte des Formulars vom Gerät lesen. Bearbeitete Felder behalten Ihre Eingaben.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Apply…</source>
            <translation>Übernehmen…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Revert</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put every edited field back to the device's value.</source>
            <translation>Alle bearbeiteten Felder auf den Wert des Geräts zurücksetzen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Redo</source>
            <translation>Wiederholen</translation>
        </message>
        <message numerus="yes">
            <location line="+117" />
            <source>%n unapplied change(s) kept from before.</source>
            <translation>
                <numerusform>%n nicht übernommene Änderung von vorher beibehalten.</numerusform>
                <numerusform>%n nicht übernommene Änderungen von vorher beibehalten.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+19" />
            <source>No device. Add one with File › Add device (Ctrl+N).</source>
            <translation>Kein Gerät. Fügen Sie eines mit Datei › Gerät hinzufügen (Strg+N) hinzu.</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Other</source>
            <translation>Sonstige</translation>
        </message>
        <message>
            <location line="+58" />
            <source>The device is not answering; the form shows the last values read.</source>
            <translation>Das Gerät antwortet nicht; das Formular zeigt die zuletzt gelesenen Werte.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>asks before writing %1</source>
            <translation>fragt vor dem Schreiben von %1 nach</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Read from the device at %1.</source>
            <translation>Um %1 vom Gerät gelesen.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>edit %1</source>
            <translation>%1 bearbeiten</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Not connected: the values are read when the device answers.</source>
            <translation>Nicht verbunden: Die Werte werden gelesen, sobald das Gerät antwortet.</translation>
        </message>
        <message numerus="yes">
            <location line="+19" />
            <source>revert %n field(s)</source>
            <translation>
                <numerusform>%n Feld zurücksetzen</numerusform>
                <numerusform>%n Felder zurücksetzen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>revert %1</source>
            <translation>%1 zurücksetzen</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>Reverted %n field(s) to the device's values.</source>
            <translation>
                <numerusform>%n Feld auf den Wert des Geräts zurückgesetzt.</numerusform>
                <numerusform>%n Felder auf die Werte des Geräts zurückgesetzt.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+36" />
            <source>%1 is written last, so that the other values are written in the unit they were typed in.</source>
            <translation>%1 wird zuletzt geschrieben, damit die übrigen Werte in der Einheit geschrieben werden, in der sie eingegeben wurden.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Confirm</source>
            <translation>Bestätigen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 on %2?</source>
            <translation>%1 an %2 ausführen?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1

Writes %2 to %3 (%4).</source>
            <translation>%1

Schreibt %2 in %3 (%4).</translation>
        </message>
        <message>
            <location line="+90" />
            <source>%1: done.</source>
            <translation>%1: erledigt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 failed: %2</source>
            <translation>%1 fehlgeschlagen: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n verified</source>
            <translation>
                <numerusform>%n geprüft</numerusform>
                <numerusform>%n geprüft</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n mismatched</source>
            <translation>
                <numerusform>%n abweichend</numerusform>
                <numerusform>%n abweichend</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n fehlgeschlagen</numerusform>
                <numerusform>%n fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Wrote %1 of %n register(s): %2.</source>
            <translation>
                <numerusform>%1 von %n Register geschrieben: %2.</numerusform>
                <numerusform>%1 von %n Registern geschrieben: %2.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Cancelled: %n register(s) not written; their edits are kept.</source>
            <translation>
                <numerusform>Abgebrochen: %n Register nicht geschrieben; seine Änderung bleibt erhalten.</numerusform>
                <numerusform>Abgebrochen: %n Register nicht geschrieben; ihre Änderungen bleiben erhalten.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+27" />
            <source>Stopped waiting for the device; values that still arrive are shown.</source>
            <translation>Warten auf das Gerät beendet; Werte, die noch eintreffen, werden angezeigt.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Cancelling: waiting for %1, which is being written now…</source>
            <translation>Wird abgebrochen: Warten auf %1, das gerade geschrieben wird…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Writing %1 of %2: %3…</source>
            <translation>Schreibe %1 von %2: %3…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The last register is being written: a write on its way cannot be stopped.</source>
            <translation>Das letzte Register wird gerade geschrieben: Ein laufender Schreibvorgang lässt sich nicht anhalten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write no more registers after the one being written now.</source>
            <translation>Nach dem gerade geschriebenen Register keine weiteren schreiben.</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Reading %n register(s)…</source>
            <translation>
                <numerusform>%n Register wird gelesen…</numerusform>
                <numerusform>%n Register werden gelesen…</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop waiting; values that still arrive are shown.</source>
            <translation>Nicht länger warten; Werte, die noch eintreffen, werden angezeigt.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Writing unlocked</source>
            <translation>Schreiben entsperrt</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No device.</source>
            <translation>Kein Gerät.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Writing is locked for this device: unlock it first.</source>
            <translation>Das Schreiben ist für dieses Gerät gesperrt: Entsperren Sie es zuerst.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A write is under way.</source>
            <translation>Ein Schreibvorgang läuft.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Correct the marked fields first: %1</source>
            <translation>Korrigieren Sie zuerst die markierten Felder: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing edited.</source>
            <translation>Nichts bearbeitet.</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Review and write %n change(s) (Ctrl+Return).</source>
            <translation>
                <numerusform>%n Änderung prüfen und schreiben (Strg+Eingabe).</numerusform>
                <numerusform>%n Änderungen prüfen und schreiben (Strg+Eingabe).</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>Undo %1 (Ctrl+Z)</source>
            <translation>%1 rückgängig machen (Strg+Z)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undo (Ctrl+Z)</source>
            <translation>Rückgängig (Strg+Z)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Redo %1 (Ctrl+Shift+Z)</source>
            <translation>%1 wiederholen (Strg+Umschalt+Z)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation>Wiederholen (Strg+Umschalt+Z)</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n edited</source>
            <translation>
                <numerusform>%n bearbeitet</numerusform>
                <numerusform>%n bearbeitet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n invalid</source>
            <translation>
                <numerusform>%n ungültig</numerusform>
                <numerusform>%n ungültig</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>writing locked</source>
            <translation>Schreiben gesperrt</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::CsvRecorder</name>
        <message>
            <location filename="../core/record/CsvRecorder.cpp" line="+68" />
            <source>Cannot record to %1: a quote or line break cannot separate fields or decimals.</source>
            <translation>Aufzeichnung in %1 nicht möglich: Anführungszeichen oder Zeilenumbrüche können keine Felder oder Dezimalstellen trennen.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Could not open %1 for writing: %2.</source>
            <translation>%1 konnte nicht zum Schreiben geöffnet werden: %2.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Could not write to %1: %2.</source>
            <translation>In %1 konnte nicht geschrieben werden: %2.</translation>
        </message>
        <message>
            <location line="+119" />
            <source>Writing to %1 failed: %2; the recording was stopped.</source>
            <translation>Schreiben in %1 fehlgeschlagen: %2; die Aufzeichnung wurde beendet.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DevicePoller</name>
        <message>
            <location filename="../core/poll/DevicePoller.cpp" line="+179" />
            <source>Polling was stopped before the write was sent.</source>
            <translation>Die Abfrage wurde beendet, bevor der Schreibauftrag gesendet war.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Reconnected after %1 s.</source>
            <translation>Nach %1 s wieder verbunden.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Connected.</source>
            <translation>Verbunden.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The device closed the connection.</source>
            <translation>Das Gerät hat die Verbindung geschlossen.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The write was not sent: %1</source>
            <translation>Der Schreibauftrag wurde nicht gesendet: %1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1; values are stale, trying again in %2 s.</source>
            <translation>%1; die Werte sind veraltet, neuer Versuch in %2 s.</translation>
        </message>
        <message>
            <location line="+71" />
            <source>Not connected: %1</source>
            <translation>Nicht verbunden: %1</translation>
        </message>
        <message>
            <location line="+124" />
            <source>The device answers normally again.</source>
            <translation>Das Gerät antwortet wieder normal.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>%1 is not answered by this device (%2); it is no longer polled.</source>
            <translation>%1 wird von diesem Gerät nicht beantwortet (%2); es wird nicht mehr abgefragt.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The device stopped answering (%1 requests in a row timed out).</source>
            <translation>Das Gerät antwortet nicht mehr (%1 Anfragen in Folge ohne Antwort).</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DeviceSession</name>
        <message>
            <location filename="../core/session/DeviceSession.cpp" line="+65" />
            <source>%1 (simulated)</source>
            <translation>%1 (simuliert)</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Nothing was written: %1</source>
            <translation>Nichts wurde geschrieben: %1</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DeviceWebPage</name>
        <message>
            <location filename="../ui/devices/DeviceWebPage.cpp" line="+25" />
            <source>The simulated device has no web interface.</source>
            <translation>Das simulierte Gerät hat keine Weboberfläche.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A device on a serial line has no web interface; network settings belong to an Ethernet interface board.</source>
            <translation>Ein Gerät an einer seriellen Leitung hat keine Weboberfläche; Netzwerkeinstellungen gehören zu einer Ethernet-Schnittstellenkarte.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The device has no network address.</source>
            <translation>Das Gerät hat keine Netzwerkadresse.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>"%1" is not an address a browser can open.</source>
            <translation>„%1“ ist keine Adresse, die ein Browser öffnen kann.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No web browser could be started; open %1 in one yourself.</source>
            <translation>Es konnte kein Webbrowser gestartet werden; öffnen Sie %1 selbst in einem Browser.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Web interface</source>
            <translation>Weboberfläche</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DevicesPanel</name>
        <message>
            <location filename="../ui/devices/DevicesPanel.cpp" line="+74" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Add…</source>
            <translation>Hinzufügen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connect to a device by host or serial port, or start a simulated one (Ctrl+N).</source>
            <translation>Mit einem Gerät über Host oder serielle Schnittstelle verbinden oder ein simuliertes starten (Strg+N).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disconnect and close the selected device.</source>
            <translation>Das gewählte Gerät trennen und schließen.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Open &amp;web interface (network settings)</source>
            <translation>&amp;Weboberfläche öffnen (Netzwerkeinstellungen)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Remove de&amp;vice</source>
            <translation>Gerät ent&amp;fernen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Add device</source>
            <translation>Gerät hinzufügen</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DiagnosticsPanel</name>
        <message>
            <location filename="../ui/diagnostics/DiagnosticsPanel.cpp" line="+69" />
            <source>Serial number</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Device model</source>
            <translation>Gerätemodell</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Stopped</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connecting</source>
            <translation>Verbindet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connected</source>
            <translation>Verbunden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waiting to reconnect</source>
            <translation>Wartet auf erneutes Verbinden</translation>
        </message>
        <message>
            <location line="+71" />
            <source>Identity</source>
            <translation>Identität</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Device errors</source>
            <translation>Gerätefehler</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Writing to this device is locked; unlock it to use these commands.</source>
            <translation>Das Schreiben in dieses Gerät ist gesperrt; entsperren Sie es, um diese Befehle zu verwenden.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Communication</source>
            <translation>Kommunikation</translation>
        </message>
        <message>
            <location line="+6" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last message</source>
            <translation>Letzte Meldung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Responses</source>
            <translation>Antworten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeouts</source>
            <translation>Zeitüberschreitungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exceptions</source>
            <translation>Ausnahmen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other errors</source>
            <translation>Andere Fehler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconnects</source>
            <translation>Neuverbindungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cycles</source>
            <translation>Zyklen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Late cycles</source>
            <translation>Verspätete Zyklen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last cycle</source>
            <translation>Letzter Zyklus</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Fast cycles that started more than half an interval late, or were skipped because the device had not answered the previous one yet.</source>
            <translation>Schnelle Zyklen, die mehr als ein halbes Intervall zu spät begannen oder ausgelassen wurden, weil das Gerät den vorigen noch nicht beantwortet hatte.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reset counters</source>
            <translation>Zähler zurücksetzen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start counting requests, answers and errors from zero.</source>
            <translation>Anfragen, Antworten und Fehler wieder ab null zählen.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Traffic log</source>
            <translation>Verkehrsprotokoll</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The log keeps at most this many frames; the oldest go first.</source>
            <translation>Das Protokoll behält höchstens so viele Telegramme; die ältesten werden zuerst verworfen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keep last</source>
            <translation>&amp;Behalten: letzte</translation>
        </message>
        <message>
            <location line="+2" />
            <source>frames</source>
            <translation>Telegramme</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+54" />
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <location line="-51" />
            <source>Stop logging new frames, so the ones shown can be read. Polling goes on.</source>
            <translation>Keine neuen Telegramme mehr protokollieren, damit die angezeigten gelesen werden können. Die Abfrage läuft weiter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cl&amp;ear</source>
            <translation>&amp;Leeren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>C&amp;opy</source>
            <translation>K&amp;opieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the selected frames as text, with their bytes in hex (Ctrl+C).</source>
            <translation>Die gewählten Telegramme als Text kopieren, ihre Bytes hexadezimal (Strg+C).</translation>
        </message>
        <message>
            <location line="+32" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Res&amp;ume</source>
            <translation>&amp;Weiter</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Dir</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>Unit-ID</translation>
        </message>
        <message>
            <location line="+87" />
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No device selected.</source>
            <translation>Kein Gerät ausgewählt.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 (built-in simulator)</source>
            <translation>%1 (eingebauter Simulator)</translation>
        </message>
        <message>
            <location line="+57" />
            <location line="+8" />
            <location line="+25" />
            <location line="+11" />
            <location line="+17" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location line="-61" />
            <source>This register is not read from this device.</source>
            <translation>Dieses Register wird von diesem Gerät nicht gelesen.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not read yet.</source>
            <translation>Noch nicht gelesen.</translation>
        </message>
        <message numerus="yes">
            <location line="+53" />
            <source>%1 ms, %n request(s)</source>
            <translation>
                <numerusform>%1 ms, %n Anfrage</numerusform>
                <numerusform>%1 ms, %n Anfragen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Writing to this device is locked. Unlock writing first.</source>
            <translation>Das Schreiben in dieses Gerät ist gesperrt. Entsperren Sie zuerst das Schreiben.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The device is not connected; the command would fail.</source>
            <translation>Das Gerät ist nicht verbunden; der Befehl würde fehlschlagen.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1 on %2?</source>
            <translation>%1 an %2 ausführen?</translation>
        </message>
        <message>
            <location line="+23" />
            <location line="+18" />
            <source>%1 failed: %2</source>
            <translation>%1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <location line="-13" />
            <source>%1…</source>
            <translation>%1…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1: done.</source>
            <translation>%1: erledigt.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DiscoveryDialog</name>
        <message>
            <location filename="../ui/discovery/DiscoveryDialog.cpp" line="+72" />
            <source>&amp;Start</source>
            <translation>&amp;Starten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Cancel</source>
            <translation>Abbre&amp;chen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export CSV…</source>
            <translation>CSV e&amp;xportieren…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open</source>
            <translation>Ö&amp;ffnen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find devices</source>
            <translation>Geräte suchen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Network (Modbus TCP)</source>
            <translation>Netzwerk (Modbus TCP)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial line (Modbus RTU)</source>
            <translation>Serielle Leitung (Modbus RTU)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Sea&amp;rch:</source>
            <translation>Suchen &amp;in:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Scan what the fields above say. Nothing is sent before you press Start.</source>
            <translation>Durchsucht, was in den Feldern oben steht. Vor „Starten“ wird nichts gesendet.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Stop the scan; the devices found so far stay in the table.</source>
            <translation>Suche beenden; die bisher gefundenen Geräte bleiben in der Tabelle.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not started</source>
            <translation>Nicht gestartet</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Choose where to look and press Start. A device is listed only when it answers Modbus; double-click one to open it.</source>
            <translation>Wählen Sie, wo gesucht werden soll, und drücken Sie „Starten“. Ein Gerät erscheint nur, wenn es auf Modbus antwortet; zum Öffnen doppelklicken.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Save the table as CSV, with the same columns as pyrolink-cli discover --csv.</source>
            <translation>Die Tabelle als CSV speichern, mit denselben Spalten wie pyrolink-cli discover --csv.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Connect to the selected device and show it in the main window (or double-click it).</source>
            <translation>Mit dem gewählten Gerät verbinden und es im Hauptfenster zeigen (oder doppelklicken).</translation>
        </message>
        <message>
            <location line="+74" />
            <source>e.g. 192.168.0.0/24 or 192.168.0.10-192.168.0.50; empty = this computer's subnets</source>
            <translation>z. B. 192.168.0.0/24 oder 192.168.0.10-192.168.0.50; leer = Subnetze dieses Computers</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Address ranges, separated by spaces or commas: 10.0.0.0/24, 10.0.0.1-10.0.0.254, 10.0.0.1-254 or one address. Empty: the subnets of this computer's network interfaces, at most 1024 addresses (a /22) each.</source>
            <translation>Adressbereiche, durch Leerzeichen oder Kommas getrennt: 10.0.0.0/24, 10.0.0.1-10.0.0.254, 10.0.0.1-254 oder eine einzelne Adresse. Leer: die Subnetze der Netzwerkschnittstellen dieses Computers, je höchstens 1024 Adressen (ein /22).</translation>
        </message>
        <message>
            <location line="+9" />
            <source>TCP ports: 502, or 1502-1510,1600. Every address is tried at every port.</source>
            <translation>TCP-Ports: 502 oder 1502-1510,1600. Jede Adresse wird an jedem Port versucht.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+55" />
            <source> ms</source>
            <translation> ms</translation>
        </message>
        <message>
            <location line="-53" />
            <source>How long to wait for the connection and for each answer. An absent address costs this long.</source>
            <translation>Wie lange auf die Verbindung und auf jede Antwort gewartet wird. Eine nicht vorhandene Adresse kostet so viel Zeit.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Addresses probed at the same time, at most.</source>
            <translation>Höchstzahl gleichzeitig abgefragter Adressen.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Addresses:</source>
            <translation>&amp;Adressen:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Ports:</source>
            <translation>&amp;Ports:</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+49" />
            <source>&amp;Timeout:</source>
            <translation>&amp;Zeitlimit:</translation>
        </message>
        <message>
            <location line="-48" />
            <source>Co&amp;ncurrency:</source>
            <translation>Paralle&amp;lität:</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The serial port of the RS-485 line, e.g. /dev/ttyUSB0 or COM3.</source>
            <translation>Die serielle Schnittstelle der RS-485-Leitung, z. B. /dev/ttyUSB0 oder COM3.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Even</source>
            <translation>Gerade</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Odd</source>
            <translation>Ungerade</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unit ids to ask, one after another: 1-247, or 1-10,20.</source>
            <translation>Nacheinander abzufragende Unit-IDs: 1-247 oder 1-10,20.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>How long to wait for each unit id. An absent unit costs this long.</source>
            <translation>Wie lange auf jede Unit-ID gewartet wird. Ein nicht vorhandenes Gerät kostet so viel Zeit.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Serial &amp;port:</source>
            <translation>Serielle Sch&amp;nittstelle:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Unit ids:</source>
            <translation>&amp;Unit-IDs:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Baud rate:</source>
            <translation>&amp;Baudrate:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;arity:</source>
            <translation>Pa&amp;rität:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop b&amp;its:</source>
            <translation>S&amp;toppbits:</translation>
        </message>
        <message>
            <location line="+90" />
            <source>There is no discovery method "%1".</source>
            <translation>Es gibt kein Suchverfahren „%1“.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Scanning %1…</source>
            <translation>Durchsuche %1…</translation>
        </message>
        <message>
            <location line="+31" />
            <source>%1 of %2 addresses, %3 found</source>
            <translation>%1 von %2 Adressen, %3 gefunden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of %2 addresses × ports, %3 found</source>
            <translation>%1 von %2 Adressen × Ports, %3 gefunden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of %2 unit ids, %3 found</source>
            <translation>%1 von %2 Unit-IDs, %3 gefunden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of %2, %3 found</source>
            <translation>%1 von %2, %3 gefunden</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Cancelled after %1 of %2; 1 device found so far: the list is incomplete.</source>
            <translation>Abgebrochen nach %1 von %2; bisher 1 Gerät gefunden: Die Liste ist unvollständig.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled after %1 of %2; %3 devices found so far: the list is incomplete.</source>
            <translation>Abgebrochen nach %1 von %2; bisher %3 Geräte gefunden: Die Liste ist unvollständig.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>1 device found in %1 s (%2).</source>
            <translation>1 Gerät in %1 s gefunden (%2).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 devices found in %2 s (%3).</source>
            <translation>%1 Geräte in %2 s gefunden (%3).</translation>
        </message>
        <message>
            <location line="+64" />
            <source>Exported 1 device to %1.</source>
            <translation>1 Gerät nach %1 exportiert.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exported %1 devices to %2.</source>
            <translation>%1 Geräte nach %2 exportiert.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Export discovery results</source>
            <translation>Suchergebnisse exportieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Select a device in the table first.</source>
            <translation>Wählen Sie zuerst ein Gerät in der Tabelle.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Wait for the scan to end or cancel it: it is using %1.</source>
            <translation>Warten Sie das Ende der Suche ab oder brechen Sie sie ab: Sie belegt %1.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 is already open in the main window.</source>
            <translation>%1 ist bereits im Hauptfenster geöffnet.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>No profile speaks Modbus %1, so %2 cannot be opened.</source>
            <translation>Kein Profil unterstützt Modbus %1, daher kann %2 nicht geöffnet werden.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Open %1</source>
            <translation>%1 öffnen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 answers Modbus, but no profile recognised it. Which device is it?</source>
            <translation>%1 antwortet auf Modbus, wurde aber von keinem Profil erkannt. Welches Gerät ist es?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is a %2, but its model could not be told. %3</source>
            <translation>%1 ist ein %2, aber sein Modell ließ sich nicht bestimmen. %3</translation>
        </message>
        <message>
            <location line="+26" />
            <source>P&amp;rofile:</source>
            <translation>P&amp;rofil:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Model:</source>
            <translation>&amp;Modell:</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Opened %1 in the main window.</source>
            <translation>%1 im Hauptfenster geöffnet.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::DiscoveryResultsModel</name>
        <message>
            <location filename="../ui/discovery/DiscoveryResultsModel.cpp" line="+76" />
            <source>Device identification: %1</source>
            <translation>Geräteidentifikation: %1</translation>
        </message>
        <message>
            <location line="+22" />
            <source>IP</source>
            <translation>IP</translation>
        </message>
        <message>
            <location line="+0" />
            <source>MAC</source>
            <translation>MAC</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Serial number</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>Unit-ID</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Response ms</source>
            <translation>Antwortzeit (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::EmissivityAssistant</name>
        <message>
            <location filename="../ui/commissioning/EmissivityAssistant.cpp" line="+74" />
            <source>Emissivity assistant</source>
            <translation>Emissionsgrad-Assistent</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Find the emissivity with a reference</source>
            <translation>Emissionsgrad mit einer Referenz bestimmen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Measure the reference</source>
            <translation>Referenz messen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The emissivity found</source>
            <translation>Der ermittelte Emissionsgrad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Apply the emissivity</source>
            <translation>Emissionsgrad übernehmen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the reading</source>
            <translation>Messwert prüfen</translation>
        </message>
        <message>
            <location line="+68" />
            <source>%1 (stale)</source>
            <translation>%1 (veraltet)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>This device's model has no emissivity determination registers, so the assistant cannot help here. Set the emissivity in the Configuration tab.</source>
            <translation>Das Modell dieses Geräts hat keine Register zur Emissionsgradbestimmung; der Assistent kann hier nicht helfen. Stellen Sie den Emissionsgrad im Reiter „Konfiguration“ ein.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&lt;p&gt;A pyrometer reads the right temperature only with the emissivity of the surface it looks at. This assistant finds it from a reference of known temperature:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;heat a sample of the material to a known temperature (a furnace, a hot plate with a controlled temperature), or&lt;/li&gt;&lt;li&gt;measure a spot of the object with a contact thermometer, or&lt;/li&gt;&lt;li&gt;put emissivity tape or paint of known emissivity on the object: with that emissivity set, what the pyrometer reads on the tape is the reference; then aim beside it, at the bare surface.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Aim the pyrometer at the reference, wait until its temperature is steady, and keep it steady during the measurement (a few seconds).&lt;/p&gt;&lt;p&gt;The assistant then computes the emissivity, applies it, switches the determination off, and checks that the process temperature reads the reference.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Ein Pyrometer misst die richtige Temperatur nur mit dem Emissionsgrad der Oberfläche, auf die es gerichtet ist. Dieser Assistent bestimmt ihn anhand einer Referenz bekannter Temperatur:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;eine Probe des Materials auf eine bekannte Temperatur bringen (ein Ofen, eine Heizplatte mit geregelter Temperatur), oder&lt;/li&gt;&lt;li&gt;eine Stelle des Objekts mit einem Berührungsthermometer messen, oder&lt;/li&gt;&lt;li&gt;Emissionsband oder -lack mit bekanntem Emissionsgrad auf das Objekt aufbringen: Mit diesem Emissionsgrad eingestellt, ist der Messwert des Pyrometers auf dem Band die Referenz; danach daneben auf die blanke Oberfläche zielen.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Richten Sie das Pyrometer auf die Referenz, warten Sie, bis deren Temperatur stabil ist, und halten Sie sie während der Messung (einige Sekunden) stabil.&lt;/p&gt;&lt;p&gt;Der Assistent berechnet dann den Emissionsgrad, übernimmt ihn, schaltet die Bestimmung aus und prüft, ob die Prozesstemperatur der Referenz entspricht.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Enter the reference's temperature and press Start. The assistant averages the measured temperature for a few seconds.</source>
            <translation>Geben Sie die Temperatur der Referenz ein und drücken Sie „Messung starten“. Der Assistent mittelt die gemessene Temperatur über einige Sekunden.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Start measurement</source>
            <translation>&amp;Messung starten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reference temperature:</source>
            <translation>Referenztemperatur:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Live from the device</source>
            <translation>Aktuell vom Gerät</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Process temperature:</source>
            <translation>Prozesstemperatur:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Determination, actual temperature:</source>
            <translation>Bestimmung, Ist-Temperatur:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Determination:</source>
            <translation>Bestimmung:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Emissivity set:</source>
            <translation>Eingestellter Emissionsgrad:</translation>
        </message>
        <message>
            <location line="+35" />
            <source>&amp;Apply</source>
            <translation>Ü&amp;bernehmen</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Writing is locked for this device: the assistant can measure, but cannot write the reference, switch the determination on or apply the result. Unlock writing in the Configuration tab to do so.</source>
            <translation>Das Schreiben ist für dieses Gerät gesperrt: Der Assistent kann messen, aber weder die Referenz schreiben noch die Bestimmung einschalten oder das Ergebnis übernehmen. Entsperren Sie dazu das Schreiben im Reiter „Konfiguration“.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Writing is locked for this device, so the emissivity cannot be applied. Unlock writing in the Configuration tab, then press Apply.</source>
            <translation>Das Schreiben ist für dieses Gerät gesperrt, daher kann der Emissionsgrad nicht übernommen werden. Entsperren Sie das Schreiben im Reiter „Konfiguration“ und drücken Sie dann „Übernehmen“.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Writing is locked</source>
            <translation>Schreiben gesperrt</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Writing is locked: the assistant measures without the device's determination and computes the emissivity itself.</source>
            <translation>Schreiben gesperrt: Der Assistent misst ohne die Bestimmung im Gerät und berechnet den Emissionsgrad selbst.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>ε = %1</source>
            <translation>ε = %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The device determined the emissivity itself: it changed it from %1 to %2 while the determination was on.</source>
            <translation>Das Gerät hat den Emissionsgrad selbst bestimmt: Es hat ihn während der Bestimmung von %1 auf %2 geändert.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&lt;p&gt;With ε = %1 set, the device measured %2 %3 on average; the reference is %4 %3.&lt;/p&gt;&lt;p&gt;By the Stefan-Boltzmann law a pyrometer set to ε&lt;sub&gt;set&lt;/sub&gt; reads an object of emissivity ε at T&lt;sub&gt;ref&lt;/sub&gt; as T&lt;sub&gt;meas&lt;/sub&gt;&lt;sup&gt;4&lt;/sup&gt; = (ε / ε&lt;sub&gt;set&lt;/sub&gt;) T&lt;sub&gt;ref&lt;/sub&gt;&lt;sup&gt;4&lt;/sup&gt; (in kelvin), so:&lt;/p&gt;&lt;p&gt;ε = ε&lt;sub&gt;set&lt;/sub&gt; · (T&lt;sub&gt;meas&lt;/sub&gt; / T&lt;sub&gt;ref&lt;/sub&gt;)&lt;sup&gt;4&lt;/sup&gt; = %1 · (%5 K / %6 K)&lt;sup&gt;4&lt;/sup&gt; = %7&lt;/p&gt;</source>
            <translation>&lt;p&gt;Mit eingestelltem ε = %1 hat das Gerät im Mittel %2 %3 gemessen; die Referenz hat %4 %3.&lt;/p&gt;&lt;p&gt;Nach dem Stefan-Boltzmann-Gesetz misst ein auf ε&lt;sub&gt;set&lt;/sub&gt; eingestelltes Pyrometer ein Objekt mit dem Emissionsgrad ε bei T&lt;sub&gt;ref&lt;/sub&gt; als T&lt;sub&gt;meas&lt;/sub&gt;&lt;sup&gt;4&lt;/sup&gt; = (ε / ε&lt;sub&gt;set&lt;/sub&gt;) T&lt;sub&gt;ref&lt;/sub&gt;&lt;sup&gt;4&lt;/sup&gt; (in Kelvin), also:&lt;/p&gt;&lt;p&gt;ε = ε&lt;sub&gt;set&lt;/sub&gt; · (T&lt;sub&gt;meas&lt;/sub&gt; / T&lt;sub&gt;ref&lt;/sub&gt;)&lt;sup&gt;4&lt;/sup&gt; = %1 · (%5 K / %6 K)&lt;sup&gt;4&lt;/sup&gt; = %7&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Write ε = %1 to the device (read back and compared) and switch the emissivity determination off.</source>
            <translation>ε = %1 in das Gerät schreiben (zurückgelesen und verglichen) und die Emissionsgradbestimmung ausschalten.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write ε = %1 to the device (read back and compared).</source>
            <translation>ε = %1 in das Gerät schreiben (zurückgelesen und verglichen).</translation>
        </message>
        <message>
            <location line="+25" />
            <location line="+12" />
            <source>Writing is locked for this device.</source>
            <translation>Das Schreiben ist für dieses Gerät gesperrt.</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Nothing was written: %1</source>
            <translation>Nichts wurde geschrieben: %1</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Reading the emissivity set…</source>
            <translation>Eingestellter Emissionsgrad wird gelesen…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The emissivity could not be read: %1</source>
            <translation>Der Emissionsgrad konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Measuring…</source>
            <translation>Messung läuft…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Writing the reference and switching the determination on…</source>
            <translation>Referenz wird geschrieben und die Bestimmung eingeschaltet…</translation>
        </message>
        <message numerus="yes">
            <location line="+28" />
            <source>The measured temperature was not read (only %n reading(s)).</source>
            <translation>
                <numerusform>Die gemessene Temperatur wurde nicht gelesen (nur %n Messwert).</numerusform>
                <numerusform>Die gemessene Temperatur wurde nicht gelesen (nur %n Messwerte).</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reading the emissivity again…</source>
            <translation>Emissionsgrad wird erneut gelesen…</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The result ε = %1 cannot be set (%2): check the reference temperature and that the pyrometer sees the reference.</source>
            <translation>Das Ergebnis ε = %1 lässt sich nicht einstellen (%2): Prüfen Sie die Referenztemperatur und ob das Pyrometer die Referenz erfasst.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Measure again</source>
            <translation>&amp;Erneut messen</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Measured %1 %2 on average (%n reading(s)): ε = %3. Press Next.</source>
            <translation>
                <numerusform>Im Mittel %1 %2 gemessen (%n Messwert): ε = %3. Drücken Sie „Weiter“.</numerusform>
                <numerusform>Im Mittel %1 %2 gemessen (%n Messwerte): ε = %3. Drücken Sie „Weiter“.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+27" />
            <source>Writing…</source>
            <translation>Wird geschrieben…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>ε = %1 written and verified; the determination is off. Press Next to check the reading.</source>
            <translation>ε = %1 geschrieben und geprüft; die Bestimmung ist aus. Drücken Sie „Weiter“, um den Messwert zu prüfen.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>ε = %1 written and verified. Press Next to check the reading.</source>
            <translation>ε = %1 geschrieben und geprüft. Drücken Sie „Weiter“, um den Messwert zu prüfen.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Reading the process temperature for a few seconds; it should read the reference, %1 %2, within %3 %2.</source>
            <translation>Die Prozesstemperatur wird einige Sekunden lang gelesen; sie sollte auf %3 %2 genau der Referenz von %1 %2 entsprechen.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>The process temperature was not read.</source>
            <translation>Die Prozesstemperatur wurde nicht gelesen.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The process temperature reads %1 %2, %3 %2 from the reference.</source>
            <translation>Die Prozesstemperatur beträgt %1 %2, %3 %2 Abweichung von der Referenz.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The emissivity is right.</source>
            <translation>Der Emissionsgrad stimmt.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>That is more than %1 %2: check that the reference was steady and the pyrometer saw only the reference, then measure again.</source>
            <translation>Das ist mehr als %1 %2: Prüfen Sie, ob die Referenz stabil war und das Pyrometer nur die Referenz erfasst hat, und messen Sie dann erneut.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::LivePanel</name>
        <message>
            <location filename="../ui/live/LivePanel.cpp" line="+51" />
            <source>Tick a register to chart it; right-click for alarm limits.</source>
            <translation>Register ankreuzen, um es im Diagramm zu zeigen; Rechtsklick für Alarmgrenzen.</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+294" />
            <source>Reset statistics</source>
            <translation>Statistik zurücksetzen</translation>
        </message>
        <message>
            <location line="-290" />
            <location line="+284" />
            <source>Alarm limits…</source>
            <translation>Alarmgrenzen…</translation>
        </message>
        <message>
            <location line="-282" />
            <location line="+275" />
            <source>Show in chart</source>
            <translation>Im Diagramm zeigen</translation>
        </message>
        <message>
            <location line="-69" />
            <source>No device.</source>
            <translation>Kein Gerät.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 good</source>
            <translation>%1 gut</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 stale</source>
            <translation>%1 veraltet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 error</source>
            <translation>%1 Fehler</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n alarm(s)</source>
            <translation>
                <numerusform>%n Alarm</numerusform>
                <numerusform>%n Alarme</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>recording: the charted registers are fixed until it stops</source>
            <translation>Aufzeichnung läuft: Die Register im Diagramm bleiben bis zu ihrem Ende fest</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Clear alarm limits</source>
            <translation>Alarmgrenzen löschen</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::LiveTableModel</name>
        <message>
            <location filename="../ui/live/LiveTableModel.cpp" line="+231" />
            <source>Above the high alarm limit %1.</source>
            <translation>Über der oberen Alarmgrenze %1.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Below the low alarm limit %1.</source>
            <translation>Unter der unteren Alarmgrenze %1.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::LiveValuesModel</name>
        <message>
            <location filename="../core/model/LiveValuesModel.cpp" line="+139" />
            <source>good</source>
            <translation>gut</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stale</source>
            <translation>veraltet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location line="+3" />
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quality</source>
            <translation>Qualität</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Updated</source>
            <translation>Aktualisiert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Min</source>
            <translation>Min.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Max</source>
            <translation>Max.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mean</source>
            <translation>Mittelwert</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::MainWindow</name>
        <message>
            <location filename="../ui/MainWindow.cpp" line="+36" />
            <source>Devices</source>
            <translation>Geräte</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Live</source>
            <translation>&amp;Messwerte</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Configuration</source>
            <translation>&amp;Konfiguration</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Diagnostics</source>
            <translation>Diag&amp;nose</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Recording</source>
            <translation>Auf&amp;zeichnung</translation>
        </message>
        <message>
            <location line="+42" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add device…</source>
            <translation>&amp;Gerät hinzufügen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Find devices…</source>
            <translation>Geräte &amp;suchen…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Remove device</source>
            <translation>Gerät &amp;entfernen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Device &amp;secrets…</source>
            <translation>Ge&amp;heimnisse des Geräts…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Recent &amp;devices</source>
            <translation>&amp;Zuletzt verwendete Geräte</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Light theme</source>
            <translation>Helles Design</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Dark theme</source>
            <translation>Dunkles Design</translation>
        </message>
        <message>
            <location line="+10" />
            <source>D&amp;evice</source>
            <translation>&amp;Gerät</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Pyrolink</source>
            <translation>&amp;Über Pyrolink</translation>
        </message>
        <message>
            <location line="+2" />
            <source>About Pyrolink</source>
            <translation>Über Pyrolink</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;Pyrolink %1&lt;/b&gt;&lt;p&gt;Commissioning and diagnostics for Optris CT pyrometers and any Modbus TCP or RTU device described by a profile.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Pyrolink %1&lt;/b&gt;&lt;p&gt;Inbetriebnahme und Diagnose für Optris-CT-Pyrometer und jedes Modbus-TCP- oder -RTU-Gerät, das ein Profil beschreibt.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Commissioning &amp;report…</source>
            <translation>Inbetriebnahme&amp;protokoll…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Back up configuration…</source>
            <translation>Konfiguration &amp;sichern…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Re&amp;store configuration…</source>
            <translation>Konfiguration wieder&amp;herstellen…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Emissivity assistant…</source>
            <translation>Emissions&amp;grad-Assistent…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This model has no emissivity determination registers.</source>
            <translation>Dieses Modell hat keine Register zur Emissionsgradbestimmung.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(no device selected)</source>
            <translation>(kein Gerät ausgewählt)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No device. Add one with File › Add device (Ctrl+N).</source>
            <translation>Kein Gerät. Fügen Sie eines mit Datei › Gerät hinzufügen (Strg+N) hinzu.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>(none yet)</source>
            <translation>(noch keine)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Recent devices</source>
            <translation>Zuletzt verwendete Geräte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile "%1" is not installed any more.</source>
            <translation>Das Profil „%1“ ist nicht mehr installiert.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::Modbus</name>
        <message>
            <location filename="../core/profile/Codec.cpp" line="+213" />
            <source>Illegal function</source>
            <translation>Unzulässige Funktion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Illegal data address</source>
            <translation>Unzulässige Datenadresse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Illegal data value</source>
            <translation>Unzulässiger Datenwert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Server device failure</source>
            <translation>Gerätefehler im Server</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge</source>
            <translation>Bestätigung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Server device busy</source>
            <translation>Server ist beschäftigt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative acknowledge</source>
            <translation>Negative Bestätigung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Memory parity error</source>
            <translation>Speicher-Paritätsfehler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway path unavailable</source>
            <translation>Gateway-Pfad nicht verfügbar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway target device failed to respond</source>
            <translation>Zielgerät hinter dem Gateway antwortet nicht</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exception %1</source>
            <translation>Ausnahme %1</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ModbusLink</name>
        <message>
            <location filename="../core/modbus/ModbusLink.cpp" line="+50" />
            <source>coil</source>
            <translation>Spule (Coil)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>discrete input</source>
            <translation>diskreter Eingang</translation>
        </message>
        <message>
            <location line="+1" />
            <source>input</source>
            <translation>Eingangsregister</translation>
        </message>
        <message>
            <location line="+3" />
            <source>holding</source>
            <translation>Halteregister</translation>
        </message>
        <message>
            <location line="+178" />
            <source>Read %1 %2..%3</source>
            <translation>%1 %2..%3 lesen</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Write %1 %2 = %3</source>
            <translation>%1 %2 = %3 schreiben</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 value</source>
            <translation>1 Wert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 values</source>
            <translation>%1 Werte</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::PollerRead</name>
        <message>
            <location filename="../core/commissioning/DeviceAccess.cpp" line="+44" />
            <source>%1 is not read by the poller.</source>
            <translation>%1 wird von der zyklischen Abfrage nicht gelesen.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not connected: %1</source>
            <translation>Nicht verbunden: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The connection was lost: %1</source>
            <translation>Die Verbindung ist abgebrochen: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The device did not answer in time.</source>
            <translation>Das Gerät hat nicht rechtzeitig geantwortet.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::RecordingPanel</name>
        <message>
            <location filename="../ui/recording/RecordingPanel.cpp" line="+95" />
            <source>File and format</source>
            <translation>Datei und Format</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The CSV file to record to. A relative name is placed in your documents folder.</source>
            <translation>Die CSV-Datei für die Aufzeichnung. Ein relativer Name wird in Ihrem Dokumentenordner angelegt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Browse…</source>
            <translation>Du&amp;rchsuchen…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>System locale (%1): “%2” between fields, “%3” for decimals</source>
            <translation>Systemgebietsschema (%1): „%2“ zwischen Feldern, „%3“ für Dezimalstellen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>English: “,” between fields, “.” for decimals</source>
            <translation>Englisch: „,“ zwischen Feldern, „.“ für Dezimalstellen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>German: “;” between fields, “,” for decimals</source>
            <translation>Deutsch: „;“ zwischen Feldern, „,“ für Dezimalstellen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom</source>
            <translation>Benutzerdefiniert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spreadsheets expect the separators of their language: a German Excel opens “;” and “,” as a table, an English one “,” and “.”.</source>
            <translation>Tabellenkalkulationen erwarten die Trennzeichen ihrer Sprache: Ein deutsches Excel öffnet „;“ und „,“ als Tabelle, ein englisches „,“ und „.“.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>One character; “tab” for a tab.</source>
            <translation>Ein Zeichen; „tab“ für einen Tabulator.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Between fields:</source>
            <translation>Zwischen Feldern:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Decimals:</source>
            <translation>Dezimalzeichen:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Timestamps in UTC instead of local time</source>
            <translation>Zeitstempel in UTC statt Ortszeit</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fil&amp;e:</source>
            <translation>Dat&amp;ei:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>F&amp;ormat:</source>
            <translation>F&amp;ormat:</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Channels</source>
            <translation>Kanäle</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Recording</source>
            <translation>Aufzeichnung</translation>
        </message>
        <message>
            <location line="+24" />
            <source>File:</source>
            <translation>Datei:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rows:</source>
            <translation>Zeilen:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time:</source>
            <translation>Dauer:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>O&amp;pen folder</source>
            <translation>Ordner ö&amp;ffnen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show the folder of the last recording in the file manager.</source>
            <translation>Den Ordner der letzten Aufzeichnung im Dateimanager zeigen.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>The separators must be one character each (or “tab”).</source>
            <translation>Die Trennzeichen müssen je ein Zeichen sein (oder „tab“).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fields and decimals need different separators; a number would split in two.</source>
            <translation>Felder und Dezimalstellen brauchen verschiedene Trennzeichen; sonst zerfiele eine Zahl in zwei.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“%1” cannot be a separator: it appears in quoted text or in numbers.</source>
            <translation>„%1“ kann kein Trennzeichen sein: Es kommt in Text in Anführungszeichen oder in Zahlen vor.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Record to</source>
            <translation>Aufzeichnen in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Choose at least one channel to record.</source>
            <translation>Wählen Sie mindestens einen Kanal zum Aufzeichnen.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose a file to record to.</source>
            <translation>Wählen Sie eine Datei für die Aufzeichnung.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is a folder; choose a file name.</source>
            <translation>%1 ist ein Ordner; wählen Sie einen Dateinamen.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Replace file</source>
            <translation>Datei ersetzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 already exists. Replace it with the new recording?</source>
            <translation>%1 existiert bereits. Durch die neue Aufzeichnung ersetzen?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Replace</source>
            <translation>Ersetzen</translation>
        </message>
        <message>
            <location line="+67" />
            <source>No device selected.</source>
            <translation>Kein Gerät ausgewählt.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1 of %2 channels checked: one column each in the file. Checked channels are read every poll cycle, and charted too.</source>
            <translation>%1 von %2 Kanälen angekreuzt: je eine Spalte in der Datei. Angekreuzte Kanäle werden in jedem Abfragezyklus gelesen und auch im Diagramm gezeigt.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Stop recording</source>
            <translation>Aufzeichnung beenden</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start recording</source>
            <translation>Aufzeichnung starten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop and close the file (Ctrl+R).</source>
            <translation>Beenden und die Datei schließen (Strg+R).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record the checked channels to the file, one row per poll cycle (Ctrl+R).</source>
            <translation>Die angekreuzten Kanäle in die Datei aufzeichnen, eine Zeile je Abfragezyklus (Strg+R).</translation>
        </message>
        <message>
            <location line="+24" />
            <source>● Recording</source>
            <translation>● Aufzeichnung läuft</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Stopped</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not recording</source>
            <translation>Keine Aufzeichnung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>—</source>
            <translation>—</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ReportChart</name>
        <message>
            <location filename="../report/ReportChart.cpp" line="+90" />
            <source>Measurements</source>
            <translation>Messwerte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no unit</source>
            <translation>ohne Einheit</translation>
        </message>
        <message>
            <location line="+88" />
            <source>no data</source>
            <translation>keine Daten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ReportData</name>
        <message>
            <location filename="../report/ReportData.cpp" line="+73" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+70" />
            <source>Built-in simulator, %1</source>
            <translation>Eingebauter Simulator, %1</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Other settings</source>
            <translation>Weitere Einstellungen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>not read</source>
            <translation>nicht gelesen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>last read %1</source>
            <translation>zuletzt gelesen %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Other measurements</source>
            <translation>Weitere Messwerte</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::ReportDialog</name>
        <message>
            <location filename="../ui/commissioning/ReportDialog.cpp" line="+39" />
            <location line="+76" />
            <source>Commissioning report</source>
            <translation>Inbetriebnahmeprotokoll</translation>
        </message>
        <message>
            <location line="-65" />
            <source>Printed above the signature line</source>
            <translation>Wird über der Unterschriftszeile gedruckt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What was installed, adjusted and checked; anything left to do.</source>
            <translation>Was installiert, eingestellt und geprüft wurde; was noch zu tun ist.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Last minute</source>
            <translation>Letzte Minute</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last %1 minutes</source>
            <translation>Letzte %1 Minuten</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Device:</source>
            <translation>Gerät:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Technician:</source>
            <translation>&amp;Techniker:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notes:</source>
            <translation>&amp;Notizen:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Chart:</source>
            <translation>&amp;Diagramm:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;File:</source>
            <translation>D&amp;atei:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Create PDF</source>
            <translation>PDF erstellen</translation>
        </message>
        <message>
            <location line="+59" />
            <source>The device was closed.</source>
            <translation>Das Gerät wurde geschlossen.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Choose a file for the report.</source>
            <translation>Wählen Sie eine Datei für das Protokoll.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Save commissioning report</source>
            <translation>Inbetriebnahmeprotokoll speichern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The report was saved as %1. Open it now?</source>
            <translation>Das Protokoll wurde als %1 gespeichert. Jetzt öffnen?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No program to show PDF files could be started; the report is at %1.</source>
            <translation>Es konnte kein Programm zum Anzeigen von PDF-Dateien gestartet werden; das Protokoll liegt unter %1.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The device was closed; there is nothing to report.</source>
            <translation>Das Gerät wurde geschlossen; es gibt nichts zu protokollieren.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The device is not connected: the report will show the values last read, marked as such.</source>
            <translation>Das Gerät ist nicht verbunden: Das Protokoll zeigt die zuletzt gelesenen Werte, als solche gekennzeichnet.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The report lists the device's identity, its readings now, every writable setting and a chart of the measurements shown on the Live tab.</source>
            <translation>Das Protokoll enthält die Identität des Geräts, seine aktuellen Messwerte, alle beschreibbaren Einstellungen und ein Diagramm der Messwerte aus dem Reiter „Messwerte“.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::SecretStore</name>
        <message>
            <location filename="../core/secrets/SecretStore.cpp" line="+73" />
            <source>Could not create the folder %1.</source>
            <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+12" />
            <source>Could not write %1: %2.</source>
            <translation>%1 konnte nicht geschrieben werden: %2.</translation>
        </message>
        <message>
            <location line="+65" />
            <source>No keychain service is available (%1); secrets can only be kept for this session unless you allow an unencrypted file.</source>
            <translation>Es ist kein Schlüsselbund-Dienst verfügbar (%1); Geheimnisse können nur für diese Sitzung aufbewahrt werden, es sei denn, Sie erlauben eine unverschlüsselte Datei.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no reason given</source>
            <translation>kein Grund angegeben</translation>
        </message>
        <message>
            <location line="+109" />
            <source>The keychain refused: %1.</source>
            <translation>Der Schlüsselbund hat abgelehnt: %1.</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::SecretsDialog</name>
        <message>
            <location filename="../ui/secrets/SecretsDialog.cpp" line="+19" />
            <source>&amp;Allow an unencrypted file when no keychain is available</source>
            <translation>&amp;Unverschlüsselte Datei erlauben, wenn kein Schlüsselbund verfügbar ist</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Device secrets — %1</source>
            <translation>Geräte-Geheimnisse — %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Checking the keychain…</source>
            <translation>Schlüsselbund wird geprüft…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&lt;b&gt;Warning:&lt;/b&gt; the file %1 is not encrypted. Anyone who can read your files can read these secrets. Without this option, secrets are kept only until Pyrolink quits.</source>
            <translation>&lt;b&gt;Warnung:&lt;/b&gt; Die Datei %1 ist nicht verschlüsselt. Wer Ihre Dateien lesen kann, kann auch diese Geheimnisse lesen. Ohne diese Option werden Geheimnisse nur aufbewahrt, bis Pyrolink beendet wird.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Keychain</source>
            <translation>Schlüsselbund</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Write-unlock PIN</source>
            <translation>PIN zum Entsperren des Schreibens</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Asked for before writing to this device is unlocked. Without a PIN, writing unlocks at once.</source>
            <translation>Wird abgefragt, bevor das Schreiben in dieses Gerät entsperrt wird. Ohne PIN wird das Schreiben sofort entsperrt.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Device unlock code</source>
            <translation>Entsperrcode des Geräts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The code or password the device itself asks for, such as the one a security byte protects.</source>
            <translation>Der Code oder das Passwort, das das Gerät selbst verlangt, etwa das durch ein Sicherheitsbyte geschützte.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>New PIN</source>
            <translation>Neue PIN</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New code</source>
            <translation>Neuer Code</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Repeat the PIN</source>
            <translation>PIN wiederholen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Set PIN</source>
            <translation>PIN &amp;festlegen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sa&amp;ve code</source>
            <translation>Code &amp;speichern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Clear PIN</source>
            <translation>PIN &amp;löschen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>C&amp;lear code</source>
            <translation>Code l&amp;öschen</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Secrets are kept in the OS keychain (service "%1").</source>
            <translation>Geheimnisse werden im Schlüsselbund des Betriebssystems aufbewahrt (Dienst „%1“).</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>in the keychain</source>
            <translation>im Schlüsselbund</translation>
        </message>
        <message>
            <location line="+3" />
            <source>in the unencrypted file</source>
            <translation>in der unverschlüsselten Datei</translation>
        </message>
        <message>
            <location line="+3" />
            <source>until Pyrolink quits</source>
            <translation>bis Pyrolink beendet wird</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A PIN is set (kept %1).</source>
            <translation>Eine PIN ist festgelegt (aufbewahrt %1).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A code is stored (kept %1).</source>
            <translation>Ein Code ist gespeichert (aufbewahrt %1).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No PIN is set: writing unlocks without asking.</source>
            <translation>Keine PIN festgelegt: Das Schreiben wird ohne Nachfrage entsperrt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No code is stored.</source>
            <translation>Kein Code gespeichert.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Type the new PIN first.</source>
            <translation>Geben Sie zuerst die neue PIN ein.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type the code first.</source>
            <translation>Geben Sie zuerst den Code ein.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The two PINs differ; nothing was changed.</source>
            <translation>Die beiden PINs stimmen nicht überein; nichts wurde geändert.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The PIN was set.</source>
            <translation>Die PIN wurde festgelegt.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The code was stored.</source>
            <translation>Der Code wurde gespeichert.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The PIN was cleared.</source>
            <translation>Die PIN wurde gelöscht.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The code was cleared.</source>
            <translation>Der Code wurde gelöscht.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>It is kept in the unencrypted file.</source>
            <translation>Aufbewahrt in der unverschlüsselten Datei.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>It is kept only until Pyrolink quits.</source>
            <translation>Aufbewahrt nur bis zum Beenden von Pyrolink.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing was changed: %1</source>
            <translation>Nichts wurde geändert: %1</translation>
        </message>
    </context>
    <context>
        <name>pyrolink::TrafficLogModel</name>
        <message>
            <location filename="../core/model/TrafficLogModel.cpp" line="+55" />
            <source>Read coils</source>
            <translation>Spulen lesen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read discrete inputs</source>
            <translation>Digitaleingänge lesen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read holding registers</source>
            <translation>Halteregister lesen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read input registers</source>
            <translation>Eingangsregister lesen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write single coil</source>
            <translation>Einzelne Spule schreiben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write single register</source>
            <translation>Einzelnes Register schreiben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write multiple coils</source>
            <translation>Mehrere Spulen schreiben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write multiple registers</source>
            <translation>Mehrere Register schreiben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read device identification</source>
            <translation>Geräteidentifikation lesen</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+60" />
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message numerus="yes">
            <location line="-33" />
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n Byte</numerusform>
                <numerusform>%n Byte</numerusform>
            </translation>
        </message>
        <message>
            <location line="+27" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dir</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unit</source>
            <translation>Unit-ID</translation>
        </message>
        <message>
            <location line="+4" />
            <source>PDU (hex)</source>
            <translation>PDU (hex)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meaning</source>
            <translation>Bedeutung</translation>
        </message>
    </context>
</TS>
