<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="48"/>
        <source>Hand %n customer(s) to another user.</source>
        <translation>
            <numerusform>Hand %n customer to another user.</numerusform>
            <numerusform>Hand %n customers to another user.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="165"/>
        <source>%n customer(s) skipped: their tags would be too long.</source>
        <translation>
            <numerusform>%n customer skipped: its tags would be too long.</numerusform>
            <numerusform>%n customers skipped: their tags would be too long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="169"/>
        <source>Cancelled; %n customer(s) were not changed.</source>
        <translation>
            <numerusform>Cancelled; %n customer was not changed.</numerusform>
            <numerusform>Cancelled; %n customers were not changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_detail.py" line="313"/>
        <source>%n older follow-up(s) not shown.</source>
        <translation>
            <numerusform>%n older follow-up not shown.</numerusform>
            <numerusform>%n older follow-ups not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="253"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="255"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="362"/>
        <source>Assigned %n customer(s).</source>
        <translation>
            <numerusform>Assigned %n customer.</numerusform>
            <numerusform>Assigned %n customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="378"/>
        <source>Changed the tags of %n customer(s).</source>
        <translation>
            <numerusform>Changed the tags of %n customer.</numerusform>
            <numerusform>Changed the tags of %n customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="388"/>
        <source>Move %n customer(s) to the recycle bin? You can restore them from there.</source>
        <translation>
            <numerusform>Move %n customer to the recycle bin? You can restore it from there.</numerusform>
            <numerusform>Move %n customers to the recycle bin? You can restore them from there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="395"/>
        <source>Moved %n customer(s) to the recycle bin.</source>
        <translation>
            <numerusform>Moved %n customer to the recycle bin.</numerusform>
            <numerusform>Moved %n customers to the recycle bin.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="129"/>
        <source>%n deleted customer(s)</source>
        <translation>
            <numerusform>%n deleted customer</numerusform>
            <numerusform>%n deleted customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="132"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="147"/>
        <source>Restored %n customer(s).</source>
        <translation>
            <numerusform>Restored %n customer.</numerusform>
            <numerusform>Restored %n customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="93"/>
        <source>Change the tags of %n customer(s).</source>
        <translation>
            <numerusform>Change the tags of %n customer.</numerusform>
            <numerusform>Change the tags of %n customers.</numerusform>
        </translation>
    </message>
</context>
</TS>
