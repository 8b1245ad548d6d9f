<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="101"/>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="102"/>
        <source>crmdesk %1</source>
        <translation>crmdesk %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="104"/>
        <source>A desktop CRM for small sales teams.</source>
        <translation>面向中小销售团队的桌面 CRM。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="108"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="109"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="109"/>
        <source>Not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="110"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="111"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="117"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="119"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="40"/>
        <source>Assign customers</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="43"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="49"/>
        <source>Optional; required for “Other”</source>
        <translation>选填；选择“其他”时必填</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="52"/>
        <source>New owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="54"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="55"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="60"/>
        <source>Hand %Ln customer(s) to another user.</source>
        <translation>
            <numerusform>将 %Ln 个客户交给其他用户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="89"/>
        <source>Please say why in a few words.</source>
        <translation>请简要说明原因。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../crmdesk/views/widgets.py" line="59"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="183"/>
        <source>Counting the customers this applies to…</source>
        <translation>正在统计涉及的客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="222"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="245"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="280"/>
        <source>%Ln customer(s) skipped: their tags would be too long.</source>
        <translation>
            <numerusform>已跳过 %Ln 个客户：标签总长度会超出上限。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="284"/>
        <source>Cancelled; %Ln customer(s) were not changed.</source>
        <translation>
            <numerusform>已取消；%Ln 个客户未更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="286"/>
        <source>%Ln customer(s) needed no change.</source>
        <translation>
            <numerusform>%Ln 个客户无需更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapsTable</name>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="71"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="71"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="72"/>
        <source>Customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="72"/>
        <source>Locked-customer cap</source>
        <translation>锁定客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="74"/>
        <source>Blank: the team&apos;s cap applies.</source>
        <translation>留空：使用团队的上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="74"/>
        <source>Blank: no cap.</source>
        <translation>留空：不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="98"/>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="120"/>
        <source>Ticked</source>
        <translation>已勾选</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="26"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="35"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="43"/>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="50"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="51"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="52"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="53"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="54"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="55"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="56"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contact_dialog.py" line="69"/>
        <source>Discard the changes to this contact?</source>
        <translation>放弃对这个联系人的修改？</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="85"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="85"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="85"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="85"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="86"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="86"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="88"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="89"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="90"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="29"/>
        <location filename="../../crmdesk/views/customer_columns.py" line="137"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="36"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="50"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="57"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="64"/>
        <location filename="../../crmdesk/views/customer_columns.py" line="145"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="70"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="76"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="80"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="83"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="89"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="97"/>
        <source>Last follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="103"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="111"/>
        <source>Back to the pool</source>
        <translation>回收公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="120"/>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="126"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="152"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="159"/>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="82"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="84"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="90"/>
        <source>Save changes (%1)</source>
        <translation>保存修改（%1）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="106"/>
        <source>Details</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="118"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="126"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="130"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="167"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="221"/>
        <source>In the pool {pool} since {date} · Level {level} · Last follow-up: {last} · Next: {next}</source>
        <translation>在公海“{pool}”中（自 {date} 起） · {level} 级 · 最近跟进：{last} · 下次：{next}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="228"/>
        <source>Owner: {owner} · Level {level} · Last follow-up: {last} · Next: {next}</source>
        <translation>负责人：{owner} · {level} 级 · 最近跟进：{last} · 下次：{next}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="227"/>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="215"/>
        <source>This customer is no longer there: deleted, or handed to someone else.</source>
        <translation>该客户已不在：可能已被删除，或已转给他人。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="447"/>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/detail_contacts.py" line="38"/>
        <source>Saved the contact {name}.</source>
        <translation>已保存联系人{name}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/detail_contacts.py" line="42"/>
        <source>Added {name}.</source>
        <translation>已添加联系人{name}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/detail_contacts.py" line="76"/>
        <source>Removed {name}.</source>
        <translation>已移除联系人{name}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="475"/>
        <source>Follow-up added.</source>
        <translation>已添加跟进记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="134"/>
        <location filename="../../crmdesk/views/customer_detail.py" line="159"/>
        <source>Select a customer in the list to see its details, contacts, follow-ups and history here.</source>
        <translation>在左侧列表中选择一个客户，这里会显示它的资料、联系人、跟进记录和历史。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="38"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="50"/>
        <source>First contact (optional)</source>
        <translation>首位联系人（选填）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="57"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="58"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="59"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="60"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="61"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="132"/>
        <source>Created “{name}”.</source>
        <translation>已创建“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="150"/>
        <source>Discard the new customer?</source>
        <translation>放弃这个新客户？</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="41"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="44"/>
        <source>Comma-separated, e.g. VIP, 展会</source>
        <translation>用逗号分隔，例如：VIP, 展会</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="49"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="50"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="51"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="52"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="53"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="54"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="55"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="56"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="57"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="58"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="59"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="178"/>
        <source>Search name, contact or phone…</source>
        <translation>搜索客户名称、联系人或电话…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="170"/>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="171"/>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="172"/>
        <source>All I can see</source>
        <translation>全部可见客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="184"/>
        <source>Any level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="190"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="196"/>
        <source>Any industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="202"/>
        <source>Any province</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="208"/>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="211"/>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="217"/>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="226"/>
        <source>Follow-up overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="72"/>
        <source>More than %Ln customer(s)</source>
        <translation>
            <numerusform>超过 %Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="115"/>
        <source>Select a customer in the list to see its details, contacts, follow-ups and history here.</source>
        <translation>在左侧列表中选择一个客户，这里会显示它的资料、联系人、跟进记录和历史。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="223"/>
        <source>No customers match the search and filters.</source>
        <translation>没有符合搜索和筛选条件的客户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="68"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="403"/>
        <source>Changed the tags of %Ln customer(s).</source>
        <translation>
            <numerusform>已更改 %Ln 个客户的标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="424"/>
        <source>Moved %Ln customer(s) to the recycle bin.</source>
        <translation>
            <numerusform>已将 %Ln 个客户移入回收站。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="375"/>
        <source>Assigning customers…</source>
        <translation>正在分配客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="224"/>
        <source>No customers here yet.</source>
        <translation>这里还没有客户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="376"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>已分配 %Ln 个客户给 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="380"/>
        <source>%Ln customer(s) not assigned: %1 already owns as many customers as allowed.</source>
        <translation>
            <numerusform>%Ln 个客户未分配：%1 的客户数已达上限。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="402"/>
        <source>Changing tags…</source>
        <translation>正在更改标签…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="415"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>已恢复 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="423"/>
        <source>Deleting customers…</source>
        <translation>正在删除客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="57"/>
        <location filename="../../crmdesk/views/customer_page.py" line="219"/>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="94"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="96"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="98"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="35"/>
        <source>Release to pool…</source>
        <translation>放回公海…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="38"/>
        <source>Give the selected customers back to the public pool</source>
        <translation>把选中的客户放回公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="44"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="48"/>
        <source>Lock: never recycled to the pool</source>
        <translation>锁定：不会被回收到公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="51"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="203"/>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="205"/>
        <source>Move “%1” to the recycle bin?</source>
        <translation>将“%1”移到回收站？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/prompts.py" line="207"/>
        <source>Move %Ln customer(s) to the recycle bin?</source>
        <translation>
            <numerusform>将 %Ln 个客户移到回收站？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="209"/>
        <source>You can undo this for a few seconds, or restore it from the recycle bin.</source>
        <translation>几秒内可以撤销，之后也可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="212"/>
        <source>Move to recycle bin</source>
        <translation>移到回收站</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="31"/>
        <source>{field} is required.</source>
        <translation>{field}为必填项。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="32"/>
        <source>{field} has a value that is not allowed.</source>
        <translation>{field}的取值无效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="33"/>
        <source>{field} does not look like a phone number.</source>
        <translation>{field}格式不正确，请填写电话号码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="36"/>
        <source>{field}: a mobile number has 11 digits starting with 1, or starts with + and a country code.</source>
        <translation>{field}格式不正确：手机号应为以 1 开头的 11 位数字，或以 + 加国家代码开头。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="44"/>
        <source>{field} is too long.</source>
        <translation>{field}太长。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="45"/>
        <source>{field}: too many.</source>
        <translation>{field}：数量过多。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="46"/>
        <source>{field} contains a character that cannot be stored.</source>
        <translation>{field}包含无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="49"/>
        <source>{field} is out of range.</source>
        <translation>{field}超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="50"/>
        <source>{field} must be later than the follow-up itself.</source>
        <translation>{field}必须晚于本次跟进时间。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="53"/>
        <source>{field}: this one is already used.</source>
        <translation>{field}：已被使用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="54"/>
        <source>Only customers that have an owner can be released or locked.</source>
        <translation>只有有负责人的客户才能放回公海或锁定。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="57"/>
        <source>The customers are already in this pool.</source>
        <translation>这些客户已在这个公海中。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="58"/>
        <source>{field}: the cap is reached; unlock a customer first.</source>
        <translation>{field}：已达上限，请先解锁一个客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="61"/>
        <source>{field}: someone chosen no longer exists.</source>
        <translation>{field}：所选的某一项已不存在。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="66"/>
        <source>{field} is too long: at most {limit} characters.</source>
        <translation>{field}太长：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="69"/>
        <source>{field}: at most {limit}.</source>
        <translation>{field}：最多 {limit} 个。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="75"/>
        <source>{field} is not valid.</source>
        <translation>{field}无效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="85"/>
        <source>The database server cannot be reached. Check the network connection and the server address, then try again.</source>
        <translation>无法连接数据库服务器。请检查网络连接和服务器地址，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="90"/>
        <source>The server refused the user name or password. Check them and try again.</source>
        <translation>服务器拒绝了用户名或密码。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="93"/>
        <source>The server has no database of this name. Check the name, or ask your administrator to create it.</source>
        <translation>服务器上没有这个名称的数据库。请检查名称，或请管理员创建。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="98"/>
        <source>This account may not use this database. Ask your administrator for access.</source>
        <translation>该账号无权使用此数据库。请向管理员申请权限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="102"/>
        <source>This file is not a crmdesk database. Choose the database file itself.</source>
        <translation>此文件不是 crmdesk 数据库。请选择数据库文件本身。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="105"/>
        <source>The database file is damaged. Restore it from a backup (crmdesk keeps one in its backup folder before every upgrade).</source>
        <translation>数据库文件已损坏。请从备份恢复（crmdesk 每次升级前都会在备份文件夹中保留一份）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="110"/>
        <source>The database file cannot be opened: the folder does not exist or you may not write there.</source>
        <translation>无法打开数据库文件：文件夹不存在，或你没有写入权限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="115"/>
        <source>The database file is read-only. Check its permissions, then try again.</source>
        <translation>数据库文件为只读。请检查文件权限，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="118"/>
        <source>The database is in use by another program or user and did not become free. Close the other program or wait a moment, then try again.</source>
        <translation>数据库正被其他程序或用户占用，且一直未释放。请关闭其他程序或稍等片刻，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="123"/>
        <source>The disk is full. Free some space, then try again.</source>
        <translation>磁盘已满。请清理空间后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="128"/>
        <source>The database cannot be used. Details are in the log file.</source>
        <translation>数据库无法使用。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="157"/>
        <source>It stopped there; customers changed before that: {count}.</source>
        <translation>操作在此中止；此前已更改的客户：{count} 个。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="137"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="140"/>
        <source>{who} changed this customer at {at} while you were editing it.</source>
        <translation>在你编辑期间，{who} 于 {at} 修改了该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="144"/>
        <source>{who} changed this customer while you were editing it.</source>
        <translation>在你编辑期间，{who} 修改了该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="150"/>
        <source>They changed: {fields}.</source>
        <translation>对方修改了：{fields}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="179"/>
        <source>This record no longer exists, or is no longer yours to see. Someone may have deleted it or handed it on.</source>
        <translation>该记录已不存在，或你已无权查看。可能已被他人删除或转交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="171"/>
        <source>Your account has been deactivated or removed. Ask an administrator.</source>
        <translation>你的账号已被停用或删除。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="41"/>
        <source>{field}: this is not an e-mail address (like name@example.com).</source>
        <translation>{field}格式不正确，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="167"/>
        <source>This pool is closed. Ask an administrator to turn it on again.</source>
        <translation>这个公海已停用。请联系管理员重新启用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="175"/>
        <source>You are not allowed to do this. Ask your manager or an administrator.</source>
        <translation>你无权执行此操作。请联系你的经理或管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="185"/>
        <source>This database was written by a newer version of crmdesk. Install the newest version to open it.</source>
        <translation>此数据库由更新版本的 crmdesk 写入。请安装最新版本后再打开。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="191"/>
        <source>The database could not be upgraded to this version of crmdesk. Details are in the log file. A local database file was copied to the backup folder first; a server database may need its administrator.</source>
        <translation>无法将数据库升级到此版本的 crmdesk。详细信息见日志文件。本地数据库文件已先复制到备份文件夹；服务器数据库可能需要其管理员处理。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="198"/>
        <source>The connection to the database server was lost. What you were doing was not saved; check the network and try again.</source>
        <translation>与数据库服务器的连接已断开。刚才的操作未保存；请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="207"/>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="212"/>
        <source>The database could not answer; it may be damaged or from another program. Details are in the log file.</source>
        <translation>数据库无法给出结果；它可能已损坏，或来自其他程序。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="218"/>
        <source>The database refused this change; nothing was saved. Details are in the log file.</source>
        <translation>数据库拒绝了此更改，未保存任何内容。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="223"/>
        <source>The action could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="224"/>
        <source>Something went wrong and the action was not completed. Details are in the log file.</source>
        <translation>出现问题，操作未完成。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="268"/>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../crmdesk/views/filter_bar.py" line="141"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="29"/>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="31"/>
        <source>e.g. Alex Chen</source>
        <translation>例如：王伟</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="32"/>
        <source>Start with an empty database on this computer</source>
        <translation>在这台电脑上从空白数据库开始</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="33"/>
        <source>Load demo data to look around (2,000 customers)</source>
        <translation>载入演示数据，先看看效果（2,000 个客户）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="34"/>
        <source>Connect to my team&apos;s database server</source>
        <translation>连接团队的数据库服务器</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="41"/>
        <source>The address your administrator gave you, e.g. postgresql://name@server/crm or mysql://name@server/crm.</source>
        <translation>填写管理员提供的地址，例如 postgresql://用户名@服务器/crm 或 mysql://用户名@服务器/crm。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="55"/>
        <source>crmdesk keeps your customers in a file on this computer, or on your team&apos;s database server. On this computer, you are its administrator.</source>
        <translation>crmdesk 把客户资料保存在这台电脑上的文件里，或保存在团队的数据库服务器上。在这台电脑上，你就是管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="98"/>
        <source>Enter a server address that starts with postgresql:// or mysql://.</source>
        <translation>请输入以 postgresql:// 或 mysql:// 开头的服务器地址。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="48"/>
        <source>Please enter your name.</source>
        <translation>请输入你的姓名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="62"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/app.py" line="154"/>
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="123"/>
        <source>What happened? What did the customer say?</source>
        <translation>发生了什么？客户怎么说？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="125"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="131"/>
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="156"/>
        <source>No follow-ups yet.</source>
        <translation>还没有跟进记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="163"/>
        <source>next: {at}</source>
        <translation>下次：{at}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_tabs.py" line="169"/>
        <source>%Ln older follow-up(s) not shown.</source>
        <translation>
            <numerusform>还有 %Ln 条更早的跟进记录未显示。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="180"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="180"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="180"/>
        <source>From</source>
        <translation>原负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="180"/>
        <source>To</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="181"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="181"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="206"/>
        <source>a colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_tabs.py" line="207"/>
        <source>Overwrote {name}&apos;s changes</source>
        <translation>覆盖了{name}的修改</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="23"/>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="24"/>
        <source>On or off</source>
        <translation>启用或停用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="24"/>
        <source>Open to everyone</source>
        <translation>对所有人开放</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="25"/>
        <source>Open deals exempt</source>
        <translation>有进行中商机的客户不回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="28"/>
        <source>added “%1”</source>
        <translation>添加了“%1”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="28"/>
        <source>turned on “%1”</source>
        <translation>启用了“%1”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="29"/>
        <source>turned off “%1”</source>
        <translation>停用了“%1”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="32"/>
        <source>whether won customers count</source>
        <translation>成交客户是否计入上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="33"/>
        <source>a team&apos;s caps</source>
        <translation>团队的上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="33"/>
        <source>a user&apos;s caps</source>
        <translation>用户的上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="36"/>
        <source>No changes recorded yet.</source>
        <translation>还没有修改记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="40"/>
        <source>a pool since removed</source>
        <translation>已删除的公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="41"/>
        <source>Release reasons</source>
        <translation>放回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="41"/>
        <source>Caps</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_history.py" line="45"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="13"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="14"/>
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="15"/>
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="16"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="22"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="23"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="24"/>
        <location filename="../../crmdesk/views/labels.py" line="130"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="25"/>
        <location filename="../../crmdesk/views/labels.py" line="121"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="26"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="32"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="33"/>
        <source>Assigned</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="34"/>
        <source>Transferred</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="35"/>
        <source>Claimed from the pool</source>
        <translation>从公海领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="36"/>
        <source>Released to the pool</source>
        <translation>放回公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="37"/>
        <source>Recycled to the pool</source>
        <translation>回收到公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="38"/>
        <source>Moved to another pool</source>
        <translation>转移到其他公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="39"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="40"/>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="48"/>
        <source>Handover (rep leaving or changing territory)</source>
        <translation>交接（销售离职或调整区域）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="51"/>
        <source>Rebalancing workload</source>
        <translation>平衡工作量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="52"/>
        <source>Customer&apos;s request</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="53"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="54"/>
        <source>No need at present</source>
        <translation>暂无需求</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="55"/>
        <source>Cannot be reached</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="56"/>
        <source>Went with a competitor</source>
        <translation>已选择竞争对手</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="57"/>
        <source>Wrong or invalid information</source>
        <translation>信息错误或无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="58"/>
        <source>No follow-up in time</source>
        <translation>超期未跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="59"/>
        <source>Not won in time</source>
        <translation>超期未成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="99"/>
        <source>Sales rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="100"/>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="101"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="107"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="108"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="109"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="110"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="111"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="112"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="113"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="114"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="115"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="116"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="117"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="118"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="119"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="120"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="122"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="123"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="124"/>
        <location filename="../../crmdesk/views/labels.py" line="138"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="125"/>
        <source>Reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="126"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="127"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="128"/>
        <source>Time of the follow-up</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="129"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="131"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="132"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="133"/>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="134"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="135"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="136"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="137"/>
        <source>Locked customers</source>
        <translation>锁定客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="139"/>
        <source>Release reasons</source>
        <translation>放回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="140"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="141"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="142"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../crmdesk/views/list_panel.py" line="102"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_panel.py" line="104"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_panel.py" line="106"/>
        <source>Count all</source>
        <translation>统计全部</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/list_panel.py" line="113"/>
        <source>%Ln selected</source>
        <translation>
            <numerusform>已选 %Ln 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="96"/>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="106"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="107"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="108"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="109"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="133"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="139"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="142"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="146"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="149"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="152"/>
        <source>Manage &amp;tags…</source>
        <translation>管理标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="154"/>
        <source>&amp;Pools…</source>
        <translation>公海设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="157"/>
        <source>Release &amp;reasons and caps…</source>
        <translation>放回原因和上限(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="161"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="164"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="167"/>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="175"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="179"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="181"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="183"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="188"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="195"/>
        <location filename="../../crmdesk/views/main_window.py" line="221"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="229"/>
        <source>Move to another pool</source>
        <translation>转移到其他公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="235"/>
        <source>To pool</source>
        <translation>目标公海</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="239"/>
        <source>Move %Ln customer(s) to another pool.</source>
        <translation>
            <numerusform>把 %Ln 个客户转移到其他公海。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="242"/>
        <source>There is no other pool to move them to.</source>
        <translation>没有其他可转移的公海。</translation>
    </message>
</context>
<context>
    <name>Pool</name>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="52"/>
        <source>you already own {owned} of at most {cap} customers</source>
        <translation>你已拥有 {owned} 个客户，上限为 {cap} 个</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="56"/>
        <source>you have claimed {claimed} of {cap} allowed from this pool today</source>
        <translation>你今天已从该公海领取 {claimed} 个，每日上限 {cap} 个</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="60"/>
        <source>you released it yourself and may claim it again from {until}</source>
        <translation>这是你放弃的客户，{until} 之后才能再次领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="64"/>
        <source>it is new in the pool; only the pool&apos;s admins may take it until {until}</source>
        <translation>该客户刚进入公海，{until} 之前只有公海管理员可以分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="69"/>
        <source>{by} claimed it a moment ago</source>
        <translation>{by} 刚刚领取了它</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="71"/>
        <source>someone claimed it a moment ago</source>
        <translation>已被其他人领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="73"/>
        <source>it is no longer in this pool</source>
        <translation>它已不在这个公海中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="75"/>
        <source>it no longer exists</source>
        <translation>它已不存在</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="94"/>
        <source>Not claimed: %1, because %2.</source>
        <translation>未领取：%1，原因是%2。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="116"/>
        <source>You own %1 / %2 customers</source>
        <translation>已拥有 %1 / %2 个客户</translation>
    </message>
</context>
<context>
    <name>PoolActionWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="21"/>
        <source>Released %Ln customer(s) to the pool.</source>
        <translation>
            <numerusform>已把 %Ln 个客户放回公海。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="24"/>
        <source>Locked %Ln customer(s): they stay yours.</source>
        <translation>
            <numerusform>已锁定 %Ln 个客户：它们不会被回收。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="27"/>
        <source>Unlocked %Ln customer(s).</source>
        <translation>
            <numerusform>已解锁 %Ln 个客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolAdminDialog</name>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="148"/>
        <source>Release reasons and caps</source>
        <translation>放回原因和上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="151"/>
        <source>Release reasons</source>
        <translation>放回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="152"/>
        <source>Caps</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="154"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="160"/>
        <source>Saves the caps. Release reasons are saved as you change them.</source>
        <translation>保存上限。放回原因在修改时即已保存。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="163"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="176"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="176"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="187"/>
        <source>A new reason, as reps will see it</source>
        <translation>新的原因（销售看到的文字）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="190"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="199"/>
        <source>Reps choose one of the active reasons when they release customers to a pool. A reason is turned off, never deleted: past releases still name it. Changes here take effect at once.</source>
        <translation>销售把客户放回公海时，从启用的原因中选择一个。原因只会停用，不会删除：以前的放回记录仍会显示它。这里的修改立即生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="217"/>
        <source>Won customers count toward the cap</source>
        <translation>成交客户计入上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="219"/>
        <source>Off: a rep&apos;s customers with the status Customer do not use up the cap.</source>
        <translation>关闭：销售状态为“成交客户”的客户不占用上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="222"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="225"/>
        <source>How many customers each rep may own, and lock. Blank: no cap.</source>
        <translation>每位销售最多可拥有和锁定的客户数。留空：不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="228"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="230"/>
        <source>A rep&apos;s own caps, over the team&apos;s. Blank: the team&apos;s cap.</source>
        <translation>销售个人的上限，优先于团队的上限。留空：使用团队的上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="273"/>
        <source>Built in: each user sees it in their own language.</source>
        <translation>内置原因：每位用户看到的是自己语言的文字。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="321"/>
        <source>Turned on the release reason “%1”.</source>
        <translation>已启用放回原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="323"/>
        <source>Turned off the release reason “%1”.</source>
        <translation>已停用放回原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="351"/>
        <source>Added the release reason “%1”.</source>
        <translation>已添加放回原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="370"/>
        <source>“%1” always stays on: a rep can always give a reason in their own words.</source>
        <translation>“%1”始终启用：销售总可以用自己的话说明原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="374"/>
        <source>There is already a reason with these words.</source>
        <translation>已有相同文字的原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="392"/>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="396"/>
        <source>No cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="398"/>
        <source>Team&apos;s: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="437"/>
        <source>Saved the caps.</source>
        <translation>已保存上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="471"/>
        <source>Team “{name}”, {column}: enter a number from 1 to {high}, or leave it blank for no cap.</source>
        <translation>团队“{name}”的{column}：请输入 1 到 {high} 之间的数字，或留空表示不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="474"/>
        <source>User “{name}”, {column}: enter a number from 1 to {high}, or leave it blank for the team&apos;s cap.</source>
        <translation>用户“{name}”的{column}：请输入 1 到 {high} 之间的数字，或留空表示使用团队的上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="476"/>
        <source>customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="476"/>
        <source>locked cap</source>
        <translation>锁定上限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="481"/>
        <source>And %Ln more.</source>
        <translation>
            <numerusform>还有 %Ln 条。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="493"/>
        <source>Discard your changes to the caps?</source>
        <translation>放弃对上限的修改吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="495"/>
        <source>Discard the release reason you typed?</source>
        <translation>放弃你输入的放回原因吗？</translation>
    </message>
</context>
<context>
    <name>PoolColumns</name>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="29"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="31"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="33"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="35"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="37"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="39"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="42"/>
        <source>In pool</source>
        <translation>在公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="44"/>
        <source>Released by</source>
        <translation>前负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="46"/>
        <source>Why it left</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="51"/>
        <source>Last follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="68"/>
        <source>Search name, contact or phone…</source>
        <translation>搜索名称、联系人或电话…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="73"/>
        <source>Any level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="79"/>
        <source>Any industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="85"/>
        <source>Any province</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="91"/>
        <source>Any size</source>
        <translation>全部规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="97"/>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="103"/>
        <source>Any time in the pool</source>
        <translation>在公海时长不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="110"/>
        <source>Any previous owner</source>
        <translation>全部前负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="117"/>
        <source>Any reason</source>
        <translation>全部原因</translation>
    </message>
</context>
<context>
    <name>PoolFilterWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_columns.py" line="58"/>
        <source>In the pool ≥ %n day(s)</source>
        <translation>
            <numerusform>在公海 ≥ %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="56"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="72"/>
        <source>%Ln customer(s) in the pool</source>
        <translation>
            <numerusform>公海中有 %Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="101"/>
        <location filename="../../crmdesk/views/pool_page.py" line="365"/>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="102"/>
        <source>Take the selected customers as your own</source>
        <translation>把选中的客户领取为自己的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="105"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="108"/>
        <source>Move…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="112"/>
        <source>Pool settings…</source>
        <translation>公海设置…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="125"/>
        <source>Pool:</source>
        <translation>公海：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="170"/>
        <source>%1 (closed)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="174"/>
        <source>No pool</source>
        <translation>没有公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="274"/>
        <source>No pool is open to you. Ask an administrator to add you to one.</source>
        <translation>你还没有可以查看的公海。请联系管理员把你加入一个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="278"/>
        <source>No customer in this pool matches the search and filters.</source>
        <translation>这个公海中没有符合搜索和筛选条件的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="279"/>
        <source>This pool is empty: every customer has an owner.</source>
        <translation>这个公海是空的：所有客户都有负责人。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="356"/>
        <source>Claiming…</source>
        <translation>正在领取…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="363"/>
        <source>Claimed %Ln customer(s).</source>
        <translation>
            <numerusform>已领取 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="389"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 个客户分配给 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="394"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="412"/>
        <source>Moved %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 个客户转移到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolSettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="74"/>
        <source>Pool settings</source>
        <translation>公海设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="79"/>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="297"/>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="349"/>
        <source>New pool</source>
        <translation>新建公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="86"/>
        <source>A pool is never deleted: turn it off to stop it taking customers.</source>
        <translation>公海不会被删除：停用后它就不再接收客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="94"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="95"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="96"/>
        <source>Claiming and recycling</source>
        <translation>领取与回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="100"/>
        <source>Show their version</source>
        <translation>查看对方的版本</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="109"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="128"/>
        <source>On: members see the pool, and it takes customers</source>
        <translation>启用：成员可以看到该公海，公海接收客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="130"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="133"/>
        <source>Find or add a province…</source>
        <translation>查找或添加省份…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="133"/>
        <source>None ticked: every province.</source>
        <translation>未勾选：所有省份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="136"/>
        <source>Find or add an industry…</source>
        <translation>查找或添加行业…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="136"/>
        <source>None ticked: every industry.</source>
        <translation>未勾选：所有行业。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="139"/>
        <source>Provinces covered</source>
        <translation>覆盖省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="140"/>
        <source>Industries covered</source>
        <translation>覆盖行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="146"/>
        <source>The recycle rules apply to the members&apos; customers in these provinces and industries; recycled customers come to this pool.</source>
        <translation>回收规则适用于成员在这些省份和行业的客户；被回收的客户进入这个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="159"/>
        <source>Open to everyone</source>
        <translation>对所有人开放</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="160"/>
        <source>Open to the teams and users ticked below</source>
        <translation>只对下面勾选的团队和用户开放</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="163"/>
        <source>Find a team…</source>
        <translation>查找团队…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="163"/>
        <source>No team.</source>
        <translation>没有团队。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="164"/>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="165"/>
        <source>Find a user…</source>
        <translation>查找用户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="164"/>
        <source>No user by name.</source>
        <translation>没有指定用户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="165"/>
        <source>Administrators only.</source>
        <translation>仅系统管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="167"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="167"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="168"/>
        <source>Pool admins</source>
        <translation>公海管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="174"/>
        <source>Pool admins may assign from the pool, move customers out of it and edit these settings; administrators always may.</source>
        <translation>公海管理员可以从公海分配客户、把客户转移到其他公海并修改这些设置；系统管理员始终可以。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="192"/>
        <source>Claiming</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="195"/>
        <source>Claims per rep a day</source>
        <translation>每人每天可领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="196"/>
        <source>Days before the previous owner may claim it back</source>
        <translation>前负责人重新领取需等待天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="197"/>
        <source>Days a new entry is kept for the pool&apos;s admins</source>
        <translation>新进入公海的客户仅限管理员分配的天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="198"/>
        <source>Recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="201"/>
        <source>Warn the owner this many days before</source>
        <translation>提前几天提醒负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="202"/>
        <source>Never recycle a customer with an open deal</source>
        <translation>有进行中商机的客户不回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="206"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="208"/>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="228"/>
        <source>Team #%1</source>
        <translation>团队 #%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="229"/>
        <source>Inactive user #%1</source>
        <translation>已停用用户 #%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="290"/>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="337"/>
        <source>You are not an admin of any pool.</source>
        <translation>你不是任何公海的管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="369"/>
        <source>A pool has at most %1 recycle rules.</source>
        <translation>一个公海最多有 %1 条回收规则。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="403"/>
        <source>Saved the pool “{name}”.</source>
        <translation>已保存公海“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="487"/>
        <source>Discard your changes to this pool?</source>
        <translation>放弃对这个公海的修改吗？</translation>
    </message>
</context>
<context>
    <name>PoolSettingsWords</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="239"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="242"/>
        <source>{who} saved this pool at {at}, after you opened it.</source>
        <translation>你打开后，{who} 在 {at} 保存了这个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="244"/>
        <source>{who} saved this pool after you opened it.</source>
        <translation>你打开后，{who} 保存了这个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="247"/>
        <source>Your changes are still here: Save again to put yours over theirs, or Show their version to start again from theirs.</source>
        <translation>你的修改还在：再次保存会用你的版本覆盖对方的，或点击“查看对方的版本”从对方的版本重新开始。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="258"/>
        <source>Recycle rule %1: days for level %2</source>
        <translation>回收规则 %1：%2 级客户天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="261"/>
        <source>Recycle rule %1: kind</source>
        <translation>回收规则 %1：类型</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="262"/>
        <source>Recycle rule %1: days</source>
        <translation>回收规则 %1：天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="264"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="265"/>
        <source>Industries covered</source>
        <translation>覆盖行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="266"/>
        <source>Provinces covered</source>
        <translation>覆盖省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="267"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="268"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="269"/>
        <source>Pool admins</source>
        <translation>公海管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="270"/>
        <source>Claims per rep a day</source>
        <translation>每人每天可领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="271"/>
        <source>Days before the previous owner may claim it back</source>
        <translation>前负责人重新领取需等待天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="272"/>
        <source>Days a new entry is kept for the pool&apos;s admins</source>
        <translation>新进入公海的客户仅限管理员分配的天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="273"/>
        <source>Days of warning before recycling</source>
        <translation>回收前提醒天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="274"/>
        <source>Recycle rules</source>
        <translation>回收规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="286"/>
        <source>{field}: enter a number from {low} to {high}.</source>
        <translation>{field}：请输入 {low} 到 {high} 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="289"/>
        <source>Another pool already has this name. Choose another.</source>
        <translation>已有同名的公海，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="293"/>
        <source>Tick the teams or users who may use this pool, or open it to everyone.</source>
        <translation>请勾选可以使用这个公海的团队或用户，或对所有人开放。</translation>
    </message>
</context>
<context>
    <name>PoolWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="33"/>
        <source>Claimed %Ln customer(s).</source>
        <translation>
            <numerusform>已领取 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="36"/>
        <source>%Ln customer(s) not claimed:</source>
        <translation>
            <numerusform>%Ln 个客户未领取：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="39"/>
        <source>and %Ln more.</source>
        <translation>
            <numerusform>还有 %Ln 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="42"/>
        <source>You own %Ln customer(s)</source>
        <translation>
            <numerusform>已拥有 %Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="45"/>
        <source>%Ln more today from this pool</source>
        <translation>
            <numerusform>今日还可领取 %Ln 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="54"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="55"/>
        <source>Save your changes to “{name}”?</source>
        <translation>保存对“{name}”的修改？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="56"/>
        <source>If you don&apos;t save them, what you typed will be lost.</source>
        <translation>不保存的话，输入的内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="60"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="61"/>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="62"/>
        <location filename="../../crmdesk/views/prompts.py" line="149"/>
        <location filename="../../crmdesk/views/prompts.py" line="289"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="99"/>
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="101"/>
        <source>What you typed in this window will be lost.</source>
        <translation>此窗口中输入的内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="103"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="104"/>
        <location filename="../../crmdesk/views/prompts.py" line="185"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="118"/>
        <source>nobody, it is in the pool {pool}</source>
        <translation>无人负责，在公海“{pool}”中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="121"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="123"/>
        <source>The name is already used by “{customer}” (owner: {owner}).</source>
        <translation>名称已被“{customer}”使用（负责人：{owner}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="128"/>
        <source>The phone {phone} already belongs to “{customer}” (owner: {owner}).</source>
        <translation>电话 {phone} 已属于“{customer}”（负责人：{owner}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="140"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="145"/>
        <source>Open the existing customer</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="153"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="154"/>
        <source>This customer may already exist.</source>
        <translation>这个客户可能已经存在。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="169"/>
        <source>Reload (lose my changes to {fields})</source>
        <translation>重新加载（放弃我对{fields}的修改）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="170"/>
        <source>Reload shows their version and loses what you typed in: {fields}. Keep mine saves your changes over theirs; their other changes stay, and the overwrite is recorded in the customer&apos;s history.</source>
        <translation>重新加载将显示对方的版本，你在{fields}中输入的内容会丢失。保留我的将用你的修改覆盖对方的修改；对方的其他修改保持不变，覆盖操作会记入客户的历史记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="179"/>
        <source>Changed by a colleague</source>
        <translation>已被同事修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="184"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="232"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="233"/>
        <source>Choose another database file…</source>
        <translation>选择其他数据库文件…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="238"/>
        <source>Open the default local database</source>
        <translation>打开默认的本地数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="241"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="245"/>
        <source>The database did not open</source>
        <translation>数据库未能打开</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="247"/>
        <source>What would you like to do?</source>
        <translation>接下来要怎么做？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="263"/>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="265"/>
        <source>crmdesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>crmdesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="276"/>
        <location filename="../../crmdesk/views/prompts.py" line="286"/>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="277"/>
        <source>Remove {name} from this customer?</source>
        <translation>从该客户中移除{name}？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="280"/>
        <source>Their details go; the follow-ups already logged stay.</source>
        <translation>联系人资料会被移除，已记录的跟进不受影响。</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="33"/>
        <source>Search deleted customers…</source>
        <translation>搜索已删除的客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="59"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="65"/>
        <source>Deleted customers stay here, with their contacts and follow-ups, until you restore them.</source>
        <translation>已删除的客户连同其联系人和跟进记录都保留在这里，直到你将其恢复。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="46"/>
        <source>No deleted customer matches the search.</source>
        <translation>没有符合搜索条件的已删除客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="48"/>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="44"/>
        <source>%Ln deleted customer(s)</source>
        <translation>
            <numerusform>%Ln 个已删除客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="110"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>已恢复 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="109"/>
        <source>Restoring customers…</source>
        <translation>正在恢复客户…</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="138"/>
        <source>Release to the pool</source>
        <translation>放回公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="141"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="144"/>
        <source>Their own pool (by region and industry)</source>
        <translation>所属公海（按地区和行业）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="147"/>
        <source>What the next owner should know</source>
        <translation>下一位负责人需要知道的情况</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="150"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="151"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="152"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="155"/>
        <source>Release</source>
        <translation>放回</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_dialogs.py" line="159"/>
        <source>%Ln customer(s) will go back to the pool, where colleagues may claim them. Their contacts, follow-ups and history go with them.</source>
        <translation>
            <numerusform>%Ln 个客户将放回公海，同事可以领取。联系人、跟进记录和历史记录都会随客户保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="178"/>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="201"/>
        <source>Choose why the customers go back to the pool.</source>
        <translation>请选择放回公海的原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_dialogs.py" line="203"/>
        <source>Please say why in a few words.</source>
        <translation>请简单说明原因。</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="68"/>
        <source>not won within %n day(s)</source>
        <translation>
            <numerusform>%n 天未成交</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="69"/>
        <source>no follow-up for %n day(s)</source>
        <translation>
            <numerusform>%n 天未跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="72"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesTable</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="151"/>
        <source>Recycle when</source>
        <translation>回收条件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="151"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="152"/>
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="153"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="155"/>
        <source>Days for customers of this level; — uses the rule&apos;s days.</source>
        <translation>该级别客户的天数；“—”表示使用规则的天数。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="170"/>
        <source>Not won within … days</source>
        <translation>超过 … 天未成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="171"/>
        <source>No follow-up for … days</source>
        <translation>超过 … 天未跟进</translation>
    </message>
</context>
<context>
    <name>SavedViewsBar</name>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="44"/>
        <source>(current filters)</source>
        <translation>（当前筛选）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="46"/>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="50"/>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="156"/>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="160"/>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="55"/>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="111"/>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="125"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="112"/>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="126"/>
        <source>A view named “{name}” already exists. Replace it?</source>
        <translation>已存在名为“{name}”的视图。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="137"/>
        <source>Saved the view “{name}”.</source>
        <translation>已保存视图“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="157"/>
        <source>Delete the view “{name}”?</source>
        <translation>删除视图“{name}”？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="159"/>
        <source>The customers it shows are not touched.</source>
        <translation>视图中的客户不受影响。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/saved_views_bar.py" line="169"/>
        <source>Deleted the view “{name}”.</source>
        <translation>已删除视图“{name}”。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="113"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="116"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="118"/>
        <source>A new language applies the next time crmdesk starts.</source>
        <translation>新的语言将在下次启动 crmdesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="121"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="45"/>
        <source>Save the customer&apos;s changes</source>
        <translation>保存客户的修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="49"/>
        <source>Leave an edit (asks before throwing anything away)</source>
        <translation>退出编辑（丢弃内容前会先询问）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="55"/>
        <source>Move the selected customers to the recycle bin</source>
        <translation>将选中的客户移到回收站</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="61"/>
        <source>Select every customer of the list</source>
        <translation>选中列表中的全部客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="65"/>
        <source>Select a range of customers</source>
        <translation>选中连续的多个客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="66"/>
        <source>Shift+click</source>
        <translation>Shift+单击</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="74"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="82"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="82"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="98"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="100"/>
        <source>Add this tag</source>
        <translation>添加此标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="101"/>
        <source>Remove this tag</source>
        <translation>移除此标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="105"/>
        <source>Change the tags of %Ln customer(s).</source>
        <translation>
            <numerusform>修改 %Ln 个客户的标签。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="107"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>TagFilter</name>
    <message>
        <location filename="../../crmdesk/views/filter_bar.py" line="75"/>
        <source>No tags yet</source>
        <translation>还没有标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/filter_bar.py" line="82"/>
        <location filename="../../crmdesk/views/filter_bar.py" line="90"/>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="32"/>
        <source>Manage tags</source>
        <translation>管理标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="35"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="35"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="46"/>
        <source>Renaming a tag changes it on every customer; renaming it to an existing tag merges the two. Deleting a tag removes it from every customer.</source>
        <translation>重命名标签会修改所有客户上的该标签；改成已有的标签名则两个标签合并。删除标签会从所有客户上移除它。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="51"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="53"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="99"/>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/tags_dialog.py" line="100"/>
        <source>New name for “%1” (on %Ln customer(s)):</source>
        <translation>
            <numerusform>“%1”的新名称（%Ln 个客户使用）：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="111"/>
        <source>Renamed the tag “%1” to “%2”.</source>
        <translation>已将标签“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="120"/>
        <location filename="../../crmdesk/views/tags_dialog.py" line="126"/>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/tags_dialog.py" line="122"/>
        <source>Remove the tag “%1” from %Ln customer(s)?</source>
        <translation>
            <numerusform>从 %Ln 个客户上移除标签“%1”？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/tags_dialog.py" line="133"/>
        <source>Deleted the tag “%1”.</source>
        <translation>已删除标签“%1”。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="63"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="65"/>
        <source>Customers with no follow-up for this long</source>
        <translation>超过这么久没有跟进的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="67"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="71"/>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="72"/>
        <source>About to go back to the pool</source>
        <translation>即将回收到公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="74"/>
        <source>Forgotten customers</source>
        <translation>被遗忘的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="76"/>
        <source>Birthdays this week</source>
        <translation>本周生日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="78"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="139"/>
        <source>Today · %1</source>
        <translation>今日 · %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="149"/>
        <source>Nothing due today.</source>
        <translation>今天没有待跟进的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="158"/>
        <source>None of your customers is about to go back to the pool.</source>
        <translation>你的客户中没有即将回收到公海的。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="164"/>
        <source>No forgotten customers.</source>
        <translation>没有被遗忘的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="174"/>
        <source>No birthdays in the next seven days.</source>
        <translation>未来七天没有生日。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="180"/>
        <source>No new notifications.</source>
        <translation>没有新通知。</translation>
    </message>
</context>
<context>
    <name>TodayWords</name>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="17"/>
        <source>goes back to the pool at the next recycle pass</source>
        <translation>下次回收时退回公海</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="18"/>
        <source>returns to the pool in %n day(s)</source>
        <translation>
            <numerusform>%n 天后回收到公海</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="21"/>
        <source>no follow-up for %n day(s)</source>
        <translation>
            <numerusform>%n 天未跟进</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="24"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="24"/>
        <location filename="../../crmdesk/views/today_words.py" line="31"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="27"/>
        <source>%Ln more not shown</source>
        <translation>
            <numerusform>另有 %Ln 条未显示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="31"/>
        <source>next pass</source>
        <translation>下次回收</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="34"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="41"/>
        <source>%1 went back to %2: %3</source>
        <translation>%1 已回收到%2：%3</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="43"/>
        <source>%1 assigned to you from %2 by %3</source>
        <translation>%3 从%2把 %1 分配给了你</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="45"/>
        <source>%1 you had released claimed from %2 by %3</source>
        <translation>你放弃的 %1 已被 %3 从%2领取</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="47"/>
        <source>%1 will go back to %2 within %n day(s)</source>
        <translation>
            <numerusform>%1 将在 %n 天内回收到%2</numerusform>
        </translation>
    </message>
</context>
</TS>
