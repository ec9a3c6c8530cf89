<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>pyrolink::ApplyDialog</name>
    <message numerus="yes">
        <location filename="../ui/config/ApplyDialog.cpp" line="+18"/>
        <source>Write %n register(s) to %1 and read each back?</source>
        <translation>
            <numerusform>Write %n register to %1 and read it back?</numerusform>
            <numerusform>Write %n registers to %1 and read each back?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>&amp;Write %n register(s)</source>
        <translation>
            <numerusform>&amp;Write %n register</numerusform>
            <numerusform>&amp;Write %n registers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::BackupDialog</name>
    <message numerus="yes">
        <location filename="../ui/commissioning/BackupDialog.cpp" line="+223"/>
        <source>&amp;Restore %n register(s)</source>
        <translation>
            <numerusform>&amp;Restore %n register</numerusform>
            <numerusform>&amp;Restore %n registers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>Saved %n register(s) to %1.</source>
        <translation>
            <numerusform>Saved %n register to %1.</numerusform>
            <numerusform>Saved %n registers to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n register(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%n register could not be read and was left out.</numerusform>
            <numerusform>%n registers could not be read and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%n register(s) differ from the file</source>
        <translation>
            <numerusform>%n register differs from the file</numerusform>
            <numerusform>%n registers differ from the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n the same</source>
        <translation>
            <numerusform>; %n the same</numerusform>
            <numerusform>; %n the same</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n not compared</source>
        <translation>
            <numerusform>; %n not compared</numerusform>
            <numerusform>; %n not compared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+131"/>
        <source>%n register(s) failed</source>
        <translation>
            <numerusform>%n register failed</numerusform>
            <numerusform>%n registers failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>, %n verified</source>
        <translation>
            <numerusform>, %n verified</numerusform>
            <numerusform>, %n verified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n register(s) written and verified</source>
        <translation>
            <numerusform>%n register written and verified</numerusform>
            <numerusform>%n registers written and verified</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::ConfigField</name>
    <message numerus="yes">
        <location filename="../ui/config/ConfigField.cpp" line="+666"/>
        <source>%n hex word(s)</source>
        <translation>
            <numerusform>%n hex word</numerusform>
            <numerusform>%n hex words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::ConfigurationPanel</name>
    <message numerus="yes">
        <location filename="../ui/config/ConfigurationPanel.cpp" line="+310"/>
        <source>%n unapplied change(s) kept from before.</source>
        <translation>
            <numerusform>%n unapplied change kept from before.</numerusform>
            <numerusform>%n unapplied changes kept from before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+240"/>
        <source>revert %n field(s)</source>
        <translation>
            <numerusform>revert %n field</numerusform>
            <numerusform>revert %n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Reverted %n field(s) to the device&apos;s values.</source>
        <translation>
            <numerusform>Reverted %n field to the device&apos;s value.</numerusform>
            <numerusform>Reverted %n fields to the device&apos;s values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+157"/>
        <source>%n verified</source>
        <translation>
            <numerusform>%n verified</numerusform>
            <numerusform>%n verified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n mismatched</source>
        <translation>
            <numerusform>%n mismatched</numerusform>
            <numerusform>%n mismatched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Wrote %1 of %n register(s): %2.</source>
        <translation>
            <numerusform>Wrote %1 of %n register: %2.</numerusform>
            <numerusform>Wrote %1 of %n registers: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Cancelled: %n register(s) not written; their edits are kept.</source>
        <translation>
            <numerusform>Cancelled: %n register not written; its edit is kept.</numerusform>
            <numerusform>Cancelled: %n registers not written; their edits are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>Reading %n register(s)…</source>
        <translation>
            <numerusform>Reading %n register…</numerusform>
            <numerusform>Reading %n registers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>Review and write %n change(s) (Ctrl+Return).</source>
        <translation>
            <numerusform>Review and write %n change (Ctrl+Return).</numerusform>
            <numerusform>Review and write %n changes (Ctrl+Return).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n edited</source>
        <translation>
            <numerusform>%n edited</numerusform>
            <numerusform>%n edited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n invalid</source>
        <translation>
            <numerusform>%n invalid</numerusform>
            <numerusform>%n invalid</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::DiagnosticsPanel</name>
    <message numerus="yes">
        <location filename="../ui/diagnostics/DiagnosticsPanel.cpp" line="+549"/>
        <source>%1 ms, %n request(s)</source>
        <translation>
            <numerusform>%1 ms, %n request</numerusform>
            <numerusform>%1 ms, %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::EmissivityAssistant</name>
    <message numerus="yes">
        <location filename="../ui/commissioning/EmissivityAssistant.cpp" line="+533"/>
        <source>The measured temperature was not read (only %n reading(s)).</source>
        <translation>
            <numerusform>The measured temperature was not read (only %n reading).</numerusform>
            <numerusform>The measured temperature was not read (only %n readings).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>Measured %1 %2 on average (%n reading(s)): ε = %3. Press Next.</source>
        <translation>
            <numerusform>Measured %1 %2 on average (%n reading): ε = %3. Press Next.</numerusform>
            <numerusform>Measured %1 %2 on average (%n readings): ε = %3. Press Next.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::LivePanel</name>
    <message numerus="yes">
        <location filename="../ui/live/LivePanel.cpp" line="+305"/>
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pyrolink::TrafficLogModel</name>
    <message numerus="yes">
        <location filename="../core/model/TrafficLogModel.cpp" line="+109"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
</TS>
