<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="63"/>
        <source>Hand %Ln customer(s) to another user.</source>
        <translation>
            <numerusform>Hand %Ln customer to another user.</numerusform>
            <numerusform>Hand %Ln customers to another user.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="302"/>
        <source>%Ln customer(s) skipped: their tags would be too long.</source>
        <translation>
            <numerusform>%Ln customer skipped: its tags would be too long.</numerusform>
            <numerusform>%Ln customers skipped: their tags would be too long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="306"/>
        <source>Cancelled; %Ln customer(s) were not changed.</source>
        <translation>
            <numerusform>Cancelled; %Ln customer was not changed.</numerusform>
            <numerusform>Cancelled; %Ln customers were not changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="308"/>
        <source>%Ln customer(s) needed no change.</source>
        <translation>
            <numerusform>%Ln customer needed no change.</numerusform>
            <numerusform>%Ln customers needed no change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollaboratorsPanel</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/collaborators_panel.py" line="135"/>
        <source>Shared with (%n)</source>
        <translation>
            <numerusform>Shared with (%n)</numerusform>
            <numerusform>Shared with (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_columns.py" line="84"/>
        <source>%Ln contract(s)</source>
        <translation>
            <numerusform>%Ln contract</numerusform>
            <numerusform>%Ln contracts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_columns.py" line="87"/>
        <source>Ending within %n day(s)</source>
        <translation>
            <numerusform>Ending within %n day</numerusform>
            <numerusform>Ending within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_texts.py" line="237"/>
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n instalment</numerusform>
            <numerusform>%n instalments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="68"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="72"/>
        <source>More than %Ln customer(s)</source>
        <translation>
            <numerusform>More than %Ln customer</numerusform>
            <numerusform>More than %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="375"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>Assigned %Ln customer to %1.</numerusform>
            <numerusform>Assigned %Ln customers to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="379"/>
        <source>%Ln customer(s) not assigned: %1 already owns as many customers as allowed.</source>
        <translation>
            <numerusform>%Ln customer not assigned: %1 already owns as many customers as allowed.</numerusform>
            <numerusform>%Ln customers not assigned: %1 already owns as many customers as allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="422"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>Restored %Ln customer.</numerusform>
            <numerusform>Restored %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="431"/>
        <source>Moved %Ln customer(s) to the recycle bin.</source>
        <translation>
            <numerusform>Moved %Ln customer to the recycle bin.</numerusform>
            <numerusform>Moved %Ln customers to the recycle bin.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/deal_words.py" line="116"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/deal_words.py" line="119"/>
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>%n day in stage</numerusform>
            <numerusform>%n days in stage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/deal_words.py" line="122"/>
        <source>stale: %n day(s) in this stage</source>
        <translation>
            <numerusform>stale: %n day in this stage</numerusform>
            <numerusform>stale: %n days in this stage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/prompts.py" line="207"/>
        <source>Move %Ln customer(s) to the recycle bin?</source>
        <translation>
            <numerusform>Move %Ln customer to the recycle bin?</numerusform>
            <numerusform>Move %Ln customers to the recycle bin?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DistributionPanel</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/target_editor.py" line="233"/>
        <source>%n unsaved change(s).</source>
        <translation>
            <numerusform>%n unsaved change.</numerusform>
            <numerusform>%n unsaved changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/target_editor.py" line="453"/>
        <source>Imported %n target(s).</source>
        <translation>
            <numerusform>Imported %n target.</numerusform>
            <numerusform>Imported %n targets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/target_editor.py" line="455"/>
        <source>%n changed.</source>
        <translation>
            <numerusform>%n changed.</numerusform>
            <numerusform>%n changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/drill_dialog.py" line="309"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_tabs.py" line="169"/>
        <source>%Ln older follow-up(s) not shown.</source>
        <translation>
            <numerusform>%Ln older follow-up not shown.</numerusform>
            <numerusform>%Ln older follow-ups not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="40"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="43"/>
        <source>%Ln open deal(s)</source>
        <translation>
            <numerusform>%Ln open deal</numerusform>
            <numerusform>%Ln open deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="48"/>
        <source>%Ln customer(s) will go to %1.</source>
        <translation>
            <numerusform>%Ln customer will go to %1.</numerusform>
            <numerusform>%Ln customers will go to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="51"/>
        <source>%Ln customer(s) will go back to “%1”.</source>
        <translation>
            <numerusform>%Ln customer will go back to “%1”.</numerusform>
            <numerusform>%Ln customers will go back to “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="54"/>
        <source>%Ln open deal(s) will go to %1.</source>
        <translation>
            <numerusform>%Ln open deal will go to %1.</numerusform>
            <numerusform>%Ln open deals will go to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="57"/>
        <source>%Ln customer(s) went to %1.</source>
        <translation>
            <numerusform>%Ln customer went to %1.</numerusform>
            <numerusform>%Ln customers went to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="60"/>
        <source>%Ln customer(s) went back to “%1”.</source>
        <translation>
            <numerusform>%Ln customer went back to “%1”.</numerusform>
            <numerusform>%Ln customers went back to “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="63"/>
        <source>%Ln open deal(s) went to %1.</source>
        <translation>
            <numerusform>%Ln open deal went to %1.</numerusform>
            <numerusform>%Ln open deals went to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryQuestions</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_history.py" line="47"/>
        <source>It removes the %Ln record(s) the import created</source>
        <translation>
            <numerusform>It removes the %Ln record the import created</numerusform>
            <numerusform>It removes the %Ln records the import created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_history.py" line="48"/>
        <source>and restores the %Ln record(s) it changed.</source>
        <translation>
            <numerusform>and restores the %Ln record it changed.</numerusform>
            <numerusform>and restores the %Ln records it changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="346"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="349"/>
        <source>%Ln with errors</source>
        <translation>
            <numerusform>%Ln with errors</numerusform>
            <numerusform>%Ln with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="352"/>
        <source>%Ln duplicate(s) in the file</source>
        <translation>
            <numerusform>%Ln duplicate in the file</numerusform>
            <numerusform>%Ln duplicates in the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="355"/>
        <source>%Ln repeat(s) an earlier row: skipped</source>
        <translation>
            <numerusform>%Ln row repeats an earlier row: skipped</numerusform>
            <numerusform>%Ln rows repeat an earlier row: skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="358"/>
        <source>%Ln repeat(s) an earlier row: update(s) what it imports</source>
        <translation>
            <numerusform>%Ln row repeats an earlier row: it updates what that row imports</numerusform>
            <numerusform>%Ln rows repeat an earlier row: they update what it imports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="361"/>
        <source>%Ln totals row(s) skipped</source>
        <translation>
            <numerusform>%Ln totals row skipped</numerusform>
            <numerusform>%Ln totals rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="365"/>
        <source>%Ln cell(s) to leave empty</source>
        <translation>
            <numerusform>%Ln cell to leave empty</numerusform>
            <numerusform>%Ln cells to leave empty</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="369"/>
        <source>%Ln cell(s) were left empty:</source>
        <translation>
            <numerusform>%Ln cell was left empty:</numerusform>
            <numerusform>%Ln cells were left empty:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="378"/>
        <source>%Ln row(s) were given to you: their owner is no user (%1).</source>
        <translation>
            <numerusform>%Ln row was given to you: its owner is no user (%1).</numerusform>
            <numerusform>%Ln rows were given to you: their owner is no user (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="383"/>
        <source>%Ln user(s) were created: %1.</source>
        <translation>
            <numerusform>%Ln user was created: %1.</numerusform>
            <numerusform>%Ln users were created: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="386"/>
        <source>%Ln empty row(s) skipped</source>
        <translation>
            <numerusform>%Ln empty row skipped</numerusform>
            <numerusform>%Ln empty rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="389"/>
        <source>Import %Ln row(s)</source>
        <translation>
            <numerusform>Import %Ln row</numerusform>
            <numerusform>Import %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="392"/>
        <source>Removed %Ln record(s) the import created.</source>
        <translation>
            <numerusform>Removed %Ln record the import created.</numerusform>
            <numerusform>Removed %Ln records the import created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="395"/>
        <source>Restored %Ln record(s) it had changed.</source>
        <translation>
            <numerusform>Restored %Ln record it had changed.</numerusform>
            <numerusform>Restored %Ln records it had changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="398"/>
        <source>Left %Ln record(s) alone:</source>
        <translation>
            <numerusform>Left %Ln record alone:</numerusform>
            <numerusform>Left %Ln records alone:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="406"/>
        <source>and %Ln more.</source>
        <translation>
            <numerusform>and %Ln more.</numerusform>
            <numerusform>and %Ln more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="409"/>
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="412"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListExporter</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/list_export.py" line="266"/>
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/list_panel.py" line="132"/>
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="239"/>
        <source>Move %Ln customer(s) to another pool.</source>
        <translation>
            <numerusform>Move %Ln customer to another pool.</numerusform>
            <numerusform>Move %Ln customers to another pool.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnerOnlyWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="62"/>
        <source>No customers of your own yet. %Ln customer(s) shared with you are under “Shared with me”.</source>
        <translation>
            <numerusform>No customers of your own yet. %Ln customer shared with you is under “Shared with me”.</numerusform>
            <numerusform>No customers of your own yet. %Ln customers shared with you are under “Shared with me”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="71"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineSettingsWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="417"/>
        <source>“%1” still holds %Ln open deal(s): move them to another stage first.</source>
        <translation>
            <numerusform>“%1” still holds %Ln open deal: move it to another stage first.</numerusform>
            <numerusform>“%1” still holds %Ln open deals: move them to another stage first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_plan.py" line="305"/>
        <source>%n instalment(s) already paid (in full or in part) kept as they are; {rest} not yet covered spread over the new ones.</source>
        <translation>
            <numerusform>%n instalment already paid (in full or in part) kept as it is; {rest} not yet covered spread over the new ones.</numerusform>
            <numerusform>%n instalments already paid (in full or in part) kept as they are; {rest} not yet covered spread over the new ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_plan.py" line="358"/>
        <source>The contract ends on {end}: %n monthly instalment(s) fit before it.</source>
        <translation>
            <numerusform>The contract ends on {end}: %n monthly instalment fits before it.</numerusform>
            <numerusform>The contract ends on {end}: %n monthly instalments fit before it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_plan.py" line="366"/>
        <source>only %n before the end day</source>
        <translation>
            <numerusform>only %n before the end day</numerusform>
            <numerusform>only %n before the end day</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolActionWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="29"/>
        <source>Released %Ln customer(s) to the pool.</source>
        <translation>
            <numerusform>Released %Ln customer to the pool.</numerusform>
            <numerusform>Released %Ln customers to the pool.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="32"/>
        <source>Locked %Ln customer(s): they stay yours.</source>
        <translation>
            <numerusform>Locked %Ln customer: they stay yours.</numerusform>
            <numerusform>Locked %Ln customers: they stay yours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="35"/>
        <source>Unlocked %Ln customer(s).</source>
        <translation>
            <numerusform>Unlocked %Ln customer.</numerusform>
            <numerusform>Unlocked %Ln customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolAdminDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="355"/>
        <source>And %Ln more.</source>
        <translation>
            <numerusform>And %Ln more.</numerusform>
            <numerusform>And %Ln more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolFilterWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_columns.py" line="64"/>
        <source>In the pool ≥ %n day(s)</source>
        <translation>
            <numerusform>In the pool ≥ %n day</numerusform>
            <numerusform>In the pool ≥ %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="72"/>
        <source>%Ln customer(s) in the pool</source>
        <translation>
            <numerusform>%Ln customer in the pool</numerusform>
            <numerusform>%Ln customers in the pool</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="278"/>
        <source>You own %Ln customer(s) and your cap is %1: release some before you claim.</source>
        <translation>
            <numerusform>You own %Ln customer and your cap is %1: release some before you claim.</numerusform>
            <numerusform>You own %Ln customers and your cap is %1: release some before you claim.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="391"/>
        <source>Claimed %Ln customer(s).</source>
        <translation>
            <numerusform>Claimed %Ln customer.</numerusform>
            <numerusform>Claimed %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="418"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>Assigned %Ln customer to %1.</numerusform>
            <numerusform>Assigned %Ln customers to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="441"/>
        <source>Moved %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>Moved %Ln customer to %1.</numerusform>
            <numerusform>Moved %Ln customers to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="33"/>
        <source>Claimed %Ln customer(s).</source>
        <translation>
            <numerusform>Claimed %Ln customer.</numerusform>
            <numerusform>Claimed %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="36"/>
        <source>%Ln customer(s) not claimed:</source>
        <translation>
            <numerusform>%Ln customer not claimed:</numerusform>
            <numerusform>%Ln customers not claimed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="39"/>
        <source>and %Ln more.</source>
        <translation>
            <numerusform>and %Ln more.</numerusform>
            <numerusform>and %Ln more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="42"/>
        <source>You own %Ln customer(s)</source>
        <translation>
            <numerusform>You own %Ln customer</numerusform>
            <numerusform>You own %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="45"/>
        <source>%Ln more today from this pool</source>
        <translation>
            <numerusform>%Ln more today from this pool</numerusform>
            <numerusform>%Ln more today from this pool</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="44"/>
        <source>%Ln deleted customer(s)</source>
        <translation>
            <numerusform>%Ln deleted customer</numerusform>
            <numerusform>%Ln deleted customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="113"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>Restored %Ln customer.</numerusform>
            <numerusform>Restored %Ln customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="159"/>
        <source>%Ln customer(s) will go back to the pool, where colleagues may claim them. Their contacts, follow-ups and history go with them.</source>
        <translation>
            <numerusform>%Ln customer will go back to the pool, where colleagues may claim them. Their contacts, follow-ups and history go with them.</numerusform>
            <numerusform>%Ln customers will go back to the pool, where colleagues may claim them. Their contacts, follow-ups and history go with them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="69"/>
        <source>not won within %n day(s)</source>
        <translation>
            <numerusform>not won within %n day</numerusform>
            <numerusform>not won within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="70"/>
        <source>no follow-up for %n day(s)</source>
        <translation>
            <numerusform>no follow-up for %n day</numerusform>
            <numerusform>no follow-up for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="73"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="121"/>
        <source>Change the tags of %Ln customer(s).</source>
        <translation>
            <numerusform>Change the tags of %Ln customer.</numerusform>
            <numerusform>Change the tags of %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="148"/>
        <source>Added the tag “%1” to %Ln customer(s).</source>
        <translation>
            <numerusform>Added the tag “%1” to %Ln customer.</numerusform>
            <numerusform>Added the tag “%1” to %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="150"/>
        <source>Removed the tag “%1” from %Ln customer(s).</source>
        <translation>
            <numerusform>Removed the tag “%1” from %Ln customer.</numerusform>
            <numerusform>Removed the tag “%1” from %Ln customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/tags_dialog.py" line="100"/>
        <source>New name for “%1” (on %Ln customer(s)):</source>
        <translation>
            <numerusform>New name for “%1” (on %Ln customer):</numerusform>
            <numerusform>New name for “%1” (on %Ln customers):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/tags_dialog.py" line="122"/>
        <source>Remove the tag “%1” from %Ln customer(s)?</source>
        <translation>
            <numerusform>Remove the tag “%1” from %Ln customer?</numerusform>
            <numerusform>Remove the tag “%1” from %Ln customers?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/work_report_team.py" line="413"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/work_report_team.py" line="425"/>
        <source>Not submitted for %1: %n</source>
        <translation>
            <numerusform>Not submitted for %1: %n</numerusform>
            <numerusform>Not submitted for %1: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="19"/>
        <source>returns to the pool in %n day(s)</source>
        <translation>
            <numerusform>returns to the pool in %n day</numerusform>
            <numerusform>returns to the pool in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="22"/>
        <source>no follow-up for %n day(s)</source>
        <translation>
            <numerusform>no follow-up for %n day</numerusform>
            <numerusform>no follow-up for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="25"/>
        <location filename="../../crmdesk/views/today_words.py" line="48"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="30"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="31"/>
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="34"/>
        <source>ends in %n day(s)</source>
        <translation>
            <numerusform>ends in %n day</numerusform>
            <numerusform>ends in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="37"/>
        <source>%Ln more not shown</source>
        <translation>
            <numerusform>%Ln more not shown</numerusform>
            <numerusform>%Ln more not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="41"/>
        <source>%Ln instalment(s)</source>
        <translation>
            <numerusform>%Ln instalment</numerusform>
            <numerusform>%Ln instalments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="44"/>
        <source>%Ln more instalment(s) not shown</source>
        <translation>
            <numerusform>%Ln more instalment not shown</numerusform>
            <numerusform>%Ln more instalments not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="51"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="64"/>
        <source>%1 will go back to %2 within %n day(s)</source>
        <translation>
            <numerusform>%1 will go back to %2 within %n day</numerusform>
            <numerusform>%1 will go back to %2 within %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
