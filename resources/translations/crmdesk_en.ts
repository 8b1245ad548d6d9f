<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="49"/>
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
        <location filename="../../crmdesk/views/bulk_actions.py" line="240"/>
        <source>%Ln customer(s) skipped: their tags would be too long.</source>
        <translation>
            <numerusform>%Ln customer skipped: its tags would be too long.</numerusform>
            <numerusform>%Ln customers skipped: their tags would be too long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="244"/>
        <source>Cancelled; %Ln customer(s) were not changed.</source>
        <translation>
            <numerusform>Cancelled; %Ln customer was not changed.</numerusform>
            <numerusform>Cancelled; %Ln customers were not changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="246"/>
        <source>%Ln customer(s) needed no change.</source>
        <translation>
            <numerusform>%Ln customer needed no change.</numerusform>
            <numerusform>%Ln customers needed no change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="133"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="137"/>
        <source>More than %Ln customer(s)</source>
        <translation>
            <numerusform>More than %Ln customer</numerusform>
            <numerusform>More than %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="438"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>Assigned %Ln customer to %1.</numerusform>
            <numerusform>Assigned %Ln customers to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="472"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>Restored %Ln customer.</numerusform>
            <numerusform>Restored %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="460"/>
        <source>Changed the tags of %Ln customer(s).</source>
        <translation>
            <numerusform>Changed the tags of %Ln customer.</numerusform>
            <numerusform>Changed the tags of %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="481"/>
        <source>Moved %Ln customer(s) to the recycle bin.</source>
        <translation>
            <numerusform>Moved %Ln customer to the recycle bin.</numerusform>
            <numerusform>Moved %Ln customers to the recycle bin.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/prompts.py" line="201"/>
        <source>Move %Ln customer(s) to the recycle bin?</source>
        <translation>
            <numerusform>Move %Ln customer to the recycle bin?</numerusform>
            <numerusform>Move %Ln customers to the recycle bin?</numerusform>
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
    <name>ListPanel</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/list_panel.py" line="113"/>
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
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
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="110"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>Restored %Ln customer.</numerusform>
            <numerusform>Restored %Ln customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="94"/>
        <source>Change the tags of %Ln customer(s).</source>
        <translation>
            <numerusform>Change the tags of %Ln customer.</numerusform>
            <numerusform>Change the tags of %Ln customers.</numerusform>
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
</TS>
