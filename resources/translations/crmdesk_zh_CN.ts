<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="118"/>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="119"/>
        <source>crmdesk %1</source>
        <translation>crmdesk %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="121"/>
        <source>A desktop CRM for small sales teams.</source>
        <translation>面向中小销售团队的桌面 CRM。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="125"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="126"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="126"/>
        <source>Not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="127"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="128"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="134"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="136"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="349"/>
        <source>Per day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="349"/>
        <source>Per week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="350"/>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="359"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="381"/>
        <source>%1 people</source>
        <translation>%1 人</translation>
    </message>
</context>
<context>
    <name>AnswerField</name>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="82"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="82"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="91"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="120"/>
        <source>Waiting for a decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="121"/>
        <source>Decided</source>
        <comment>which approvals: those already decided</comment>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="139"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="156"/>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="159"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="162"/>
        <source>Cancel request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="165"/>
        <source>Comment (required to reject)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="187"/>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="188"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="189"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="190"/>
        <source>Cancelled</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="126"/>
        <source>Stage moves and contracts your team&apos;s reps asked for. Approve to make the move or activate the contract; reject with a comment to leave it as it is. Double-click to open the deal or the contract.</source>
        <translation>团队销售提交的阶段推进和合同生效申请。通过即推进阶段或使合同生效；填写意见后驳回则保持原样。双击可打开商机或合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="132"/>
        <source>Your stage moves and contracts waiting for a manager&apos;s approval. A deal waiting for one cannot move, nor a contract become active, until it is decided or you cancel the request.</source>
        <translation>你提交的、等待主管审批的阶段推进和合同生效申请。审批完成或你撤回申请之前，商机不能推进，合同也不能生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="194"/>
        <source>Deal or contract</source>
        <translation>商机 / 合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="195"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="196"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="198"/>
        <source>Stage / status</source>
        <translation>阶段 / 状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="200"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="202"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="203"/>
        <source>When</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="204"/>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="205"/>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="206"/>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="209"/>
        <source>Decided</source>
        <comment>column: when it was decided</comment>
        <translation>处理时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="249"/>
        <source>No decided requests yet.</source>
        <translation>还没有已处理的申请。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="251"/>
        <source>Nothing waits for your approval.</source>
        <translation>没有等待你审批的申请。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="252"/>
        <source>None of your requests waits for approval.</source>
        <translation>你没有等待审批的申请。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="322"/>
        <location filename="../../crmdesk/views/approvals_page.py" line="407"/>
        <source>Write a comment saying why you reject it: the rep reads it.</source>
        <translation>请填写驳回的理由：销售会看到这条意见。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="347"/>
        <source>Approved: contract %1 is active.</source>
        <translation>已通过：合同 %1 已生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="349"/>
        <source>Rejected: contract %1 stays a draft.</source>
        <translation>已驳回：合同 %1 仍为草稿。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="354"/>
        <source>Approved: “%1” moves to %2.</source>
        <translation>已通过：“%1”推进到“%2”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="356"/>
        <source>Rejected: “%1” stays where it was, not moved to %2.</source>
        <translation>已驳回：“%1”留在原阶段，未推进到“%2”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="378"/>
        <source>Cancelled the request to activate contract %1: it stays a draft.</source>
        <translation>已撤回合同 %1 的生效申请：合同仍为草稿。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="381"/>
        <source>Cancelled the request to move “%1”: the deal may move again.</source>
        <translation>已撤回“%1”的推进申请：该商机可以再次移动。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="399"/>
        <source>The deal no longer has everything the stage asks for (a colleague changed it or the stage&apos;s settings). Ask the rep to complete it, or reject with a comment.</source>
        <translation>该商机已不再满足这个阶段的准入条件（同事修改了商机或阶段设置）。请让销售补全，或填写意见后驳回。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/approvals_page.py" line="405"/>
        <source>Someone decided this request already; the list shows it now.</source>
        <translation>这条申请已被他人处理，列表已更新。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="43"/>
        <source>Assign customers</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="46"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="52"/>
        <source>Optional; required for “Other”</source>
        <translation>选填；选择“其他”时必填</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="55"/>
        <source>New owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="57"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="58"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="63"/>
        <source>Hand %Ln customer(s) to another user.</source>
        <translation>
            <numerusform>将 %Ln 个客户交给其他用户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="79"/>
        <source>Choose or type a name…</source>
        <translation>选择或输入姓名…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="79"/>
        <source>Nobody you may choose</source>
        <translation>没有可选择的人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="100"/>
        <source>Please say why in a few words.</source>
        <translation>请简要说明原因。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="65"/>
        <source>Backed up to {path}.</source>
        <translation>已备份到 {path}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="110"/>
        <source>The daily backup could not be made: {reason}</source>
        <translation>无法完成每日备份：{reason}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="125"/>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="126"/>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="127"/>
        <source>Before a restore</source>
        <translation>恢复前备份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="128"/>
        <source>Before an upgrade</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="130"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="187"/>
        <location filename="../../crmdesk/views/backup_actions.py" line="264"/>
        <location filename="../../crmdesk/views/backup_actions.py" line="299"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="188"/>
        <source>Replace your database with the backup of {at}? Changes made since then are undone (your database as it is now is kept as a backup). The program starts again.</source>
        <translation>用 {at} 的备份替换当前数据库？此后所做的修改都将撤销（当前数据库会先保留为一份备份）。程序将重新启动。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="265"/>
        <source>There are no backups of this database yet.</source>
        <translation>此数据库还没有备份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="297"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="419"/>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="420"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="425"/>
        <location filename="../../crmdesk/views/backup_actions.py" line="443"/>
        <source>Copy the database</source>
        <translation>复制数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="444"/>
        <source>Copied {rows} rows in {tables} tables.</source>
        <translation>已复制 {tables} 张表中的 {rows} 行数据。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../crmdesk/views/widgets.py" line="60"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="187"/>
        <source>Counting the customers this applies to…</source>
        <translation>正在统计涉及的客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="226"/>
        <source>None of the selected customers can be changed by you (any more): only their owner, a manager or an administrator can.</source>
        <translation>选中的客户（已）都不能由你修改：只有负责人、其主管或管理员可以。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="235"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_actions.py" line="259"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="302"/>
        <source>%Ln customer(s) skipped: their tags would be too long.</source>
        <translation>
            <numerusform>已跳过 %Ln 个客户：标签总长度会超出上限。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="306"/>
        <source>Cancelled; %Ln customer(s) were not changed.</source>
        <translation>
            <numerusform>已取消；%Ln 个客户未更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_actions.py" line="308"/>
        <source>%Ln customer(s) needed no change.</source>
        <translation>
            <numerusform>%Ln 个客户无需更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapsTable</name>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="100"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="100"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="101"/>
        <source>Customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="101"/>
        <source>Locked-customer cap</source>
        <translation>锁定客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="103"/>
        <source>Blank: the team&apos;s cap applies.</source>
        <translation>留空：使用团队的上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="103"/>
        <source>Blank: no cap.</source>
        <translation>留空：不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="127"/>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../crmdesk/views/board.py" line="199"/>
        <source>⏳ Awaiting approval</source>
        <translation>⏳ 待审批</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="133"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="138"/>
        <source>Your password was set by an administrator. Choose your own before you start.</source>
        <translation>你的密码是由管理员设置的。开始使用前，请设置你自己的密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="141"/>
        <source>Choose a new password for {login}.</source>
        <translation>请为 {login} 设置新密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="148"/>
        <source>At least 8 characters, and not your login name.</source>
        <translation>至少 8 个字符，且不能与登录名相同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="152"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="153"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="154"/>
        <source>Again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="182"/>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="104"/>
        <source>Ticked</source>
        <translation>已勾选</translation>
    </message>
</context>
<context>
    <name>Collaborators</name>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="254"/>
        <source>{name} owns this customer and needs no sharing.</source>
        <translation>{name}是该客户的负责人，无需共享。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="258"/>
        <source>{name} is deactivated: choose an active colleague.</source>
        <translation>{name}已被停用：请选择一位在职的同事。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="262"/>
        <source>Nobody owns this customer: it is in a pool. Claim it before sharing it.</source>
        <translation>该客户没有负责人，目前在公海中。请先领取，再共享。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="267"/>
        <source>This customer is shared with {limit} colleagues already, the most it can be. Remove one first.</source>
        <translation>该客户已与 {limit} 位同事共享，已达上限。请先移除一位协作人。</translation>
    </message>
</context>
<context>
    <name>CollaboratorsPanel</name>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="45"/>
        <source>Colleagues this customer is shared with see it and may log follow-ups on it; they are told of new follow-ups. Only its owner, their manager or an administrator can change it.</source>
        <translation>与之共享该客户的同事可以查看它并添加跟进，有新跟进时会收到通知。只有负责人、其主管或管理员可以修改该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="56"/>
        <source>Choose a colleague…</source>
        <translation>选择同事…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="58"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="60"/>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="177"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="71"/>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="135"/>
        <source>Shared with</source>
        <translation>协作人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="127"/>
        <source>added by %1</source>
        <translation>由 %1 添加</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="132"/>
        <source>Not shared with anyone.</source>
        <translation>尚未与任何人共享。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/collaborators_panel.py" line="135"/>
        <source>Shared with (%n)</source>
        <translation>
            <numerusform>协作人（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="177"/>
        <source>Stop sharing with me</source>
        <translation>退出协作</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="189"/>
        <source>Shared with {name}.</source>
        <translation>已添加协作人{name}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/collaborators_panel.py" line="203"/>
        <source>No longer shared with {name}.</source>
        <translation>已移除协作人{name}。</translation>
    </message>
</context>
<context>
    <name>ColumnFitter</name>
    <message>
        <location filename="../../crmdesk/views/column_fit.py" line="72"/>
        <source>%1 (hidden: the window is too narrow)</source>
        <translation>%1（窗口太窄，暂时隐藏）</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="22"/>
        <source>Connected. The database is empty: crmdesk will set it up when you connect, and you will create its first administrator.</source>
        <translation>连接成功。数据库是空的：连接时 crmdesk 会完成初始化，由你创建第一个管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="28"/>
        <source>Connected, but the database was made by an older version of crmdesk. An administrator must upgrade it before anyone can work in it.</source>
        <translation>连接成功，但该数据库由旧版本的 crmdesk 创建。需由管理员升级后才能使用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="34"/>
        <source>The file was made by an older version of crmdesk: it will be upgraded when you connect (a backup copy is made first).</source>
        <translation>该文件由旧版 crmdesk 创建：连接时会升级（升级前先做备份）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="40"/>
        <source>There is no file there yet: a new, empty database will be made.</source>
        <translation>该位置还没有文件：将新建一个空数据库。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="43"/>
        <source>Connected. The database is ready.</source>
        <translation>连接成功。数据库已就绪。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="50"/>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_words.py" line="51"/>
        <source>Delete the connection “{name}”? Its password is removed from the keychain too. The database itself is not touched.</source>
        <translation>删除连接“{name}”？其密码也会从密码钥匙串中移除。数据库本身不受影响。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="57"/>
        <source>Connect to a database</source>
        <translation>连接数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="73"/>
        <source>Local file on this computer</source>
        <translation>本机文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="74"/>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="75"/>
        <source>MySQL or MariaDB server</source>
        <translation>MySQL 或 MariaDB 服务器</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="77"/>
        <source>The default file (in your data folder)</source>
        <translation>默认文件（位于数据文件夹中）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="78"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="87"/>
        <source>e.g. 192.168.1.5 or db.example.cn</source>
        <translation>例如：192.168.1.5 或 db.example.cn</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="94"/>
        <source>The database server&apos;s account, not your crmdesk login (asked when you sign in).</source>
        <translation>数据库服务器的账号，不是你的 crmdesk 登录名（登录名在登录时填写）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="99"/>
        <source>Remember the password in this computer&apos;s keychain</source>
        <translation>在本机的密码钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="101"/>
        <source>This computer has no keychain: the password is asked for at each start.</source>
        <translation>本机没有密码钥匙串：每次启动时都需要输入密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="107"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="108"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="109"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="110"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="111"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="112"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="113"/>
        <source>Database user</source>
        <translation>数据库用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="114"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="134"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="136"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="138"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="142"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="188"/>
        <source>Reading the saved connections…</source>
        <translation>正在读取已保存的连接…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="228"/>
        <source>This computer (local file)</source>
        <translation>本机（本地文件）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="284"/>
        <source>Reading the keychain…</source>
        <translation>正在读取密码钥匙串…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="371"/>
        <source>New server</source>
        <translation>新服务器</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="404"/>
        <source>Give the connection a name.</source>
        <translation>请为连接命名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="406"/>
        <source>Another connection already has this name.</source>
        <translation>已有同名的连接。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="409"/>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="411"/>
        <source>Enter the database&apos;s name.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connect_dialog.py" line="427"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../crmdesk/views/connection_watch.py" line="56"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connection_watch.py" line="66"/>
        <source>The connection to the server was lost. Retrying in {n} s…</source>
        <translation>与服务器的连接已断开，{n} 秒后重试…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connection_watch.py" line="71"/>
        <source>The connection to the server was lost. Connecting…</source>
        <translation>与服务器的连接已断开，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/connection_watch.py" line="78"/>
        <source>What you saved is kept and is sent as soon as it answers.</source>
        <translation>您保存的内容已保留，服务器恢复响应后会立即提交。</translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message>
        <location filename="../../crmdesk/views/connection_watch.py" line="204"/>
        <source>Connected again.</source>
        <translation>已重新连接。</translation>
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
    <name>ContractColumns</name>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="71"/>
        <source>Awaiting approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="73"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="74"/>
        <source>Active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="75"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="76"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="126"/>
        <source>Number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="128"/>
        <source>Contract</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="130"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="132"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="134"/>
        <source>Amount</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="136"/>
        <source>Received</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="138"/>
        <source>Outstanding</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="140"/>
        <source>Next due</source>
        <translation>下次回款日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="142"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="144"/>
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="146"/>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="153"/>
        <source>My contracts</source>
        <translation>我的合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="154"/>
        <source>My team&apos;s contracts</source>
        <translation>我团队的合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="155"/>
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="164"/>
        <source>Signed this month</source>
        <translation>本月签订</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="165"/>
        <source>Signed last month</source>
        <translation>上月签订</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="166"/>
        <source>Signed this quarter</source>
        <translation>本季度签订</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="167"/>
        <source>Signed last quarter</source>
        <translation>上季度签订</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="168"/>
        <source>Signed this year</source>
        <translation>今年签订</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="169"/>
        <source>Signed last year</source>
        <translation>去年签订</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="171"/>
        <source>Search number, title or customer…</source>
        <translation>搜索合同编号、名称或客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="181"/>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="183"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="186"/>
        <source>Signed any time</source>
        <translation>签订日期不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="189"/>
        <source>Any end date</source>
        <translation>结束日期不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_columns.py" line="191"/>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="85"/>
        <location filename="../../crmdesk/views/contract_dialog.py" line="172"/>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="85"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="95"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="96"/>
        <source>Lines</source>
        <translation>产品明细</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="97"/>
        <location filename="../../crmdesk/views/contract_texts.py" line="57"/>
        <source>Payment plan</source>
        <translation>回款计划</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="98"/>
        <source>Payments</source>
        <translation>回款记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="99"/>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="100"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="173"/>
        <source>Draft · the number is generated when saved unless typed</source>
        <translation>草稿 · 未填写合同编号时，保存后自动生成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="203"/>
        <source>Contract {number}</source>
        <translation>合同 {number}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="205"/>
        <source>received {received} of {amount}</source>
        <translation>已回款 {received} / {amount}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="208"/>
        <source>read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="347"/>
        <source>Created the contract “{title}”.</source>
        <translation>已创建合同“{title}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="349"/>
        <source>Saved “{title}”.</source>
        <translation>已保存“{title}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_dialog.py" line="405"/>
        <source>the new contract</source>
        <translation>新合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="37"/>
        <source>Instalment {n}&apos;s amount</source>
        <translation>第 {n} 期的金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="38"/>
        <source>Instalment {n}&apos;s due date</source>
        <translation>第 {n} 期的到期日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="39"/>
        <source>Instalment {n}&apos;s note</source>
        <translation>第 {n} 期的备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="43"/>
        <source>Instalment {n}</source>
        <translation>第 {n} 期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="46"/>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="47"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="48"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="49"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="50"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="51"/>
        <source>Amount</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="52"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="53"/>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="54"/>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="55"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="58"/>
        <source>Due on</source>
        <translation>计划回款日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="59"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="67"/>
        <source>The payment plan does not add up to the contract amount: correct it on the Payment plan tab and save, then activate the contract.</source>
        <translation>回款计划合计与合同金额不一致：请在“回款计划”页修正并保存，再提交生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="73"/>
        <location filename="../../crmdesk/views/contract_texts.py" line="133"/>
        <source>The payment plan does not add up to the contract amount: change an instalment, or fill the plan again from a template.</source>
        <translation>回款计划的合计与合同金额不符：请修改某一期，或用模板重新生成回款计划。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="81"/>
        <source>Enter the day the contract was signed (Signed on) and save before activating it.</source>
        <translation>请先填写签订日期并保存，再提交生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="85"/>
        <source>Amount: above the approval limit an administrator set{limit}, a signed contract&apos;s amount or discount cannot be raised here. Ask an administrator to make the change.</source>
        <translation>金额：超过管理员设定的审批上限{limit}，已签订合同的金额或折扣不能在此调高。请联系管理员修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="90"/>
        <source>Payments are recorded on this contract, so it cannot go back to draft: void them on the Payments tab first.</source>
        <translation>该合同已有回款记录，不能退回草稿：请先在“回款”页作废这些回款。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="95"/>
        <source>Contract number: too long{limit}. A number left blank is made from the pattern in Contract settings; an administrator can shorten it there.</source>
        <translation>合同编号过长{limit}。编号留空时按“合同设置”中的规则生成；管理员可在那里改短。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="100"/>
        <source>This deal already has a contract: open it from the customer&apos;s Contracts tab instead of making another.</source>
        <translation>该商机已有合同：请在客户的“合同”页打开它，不要重复创建。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="112"/>
        <source> (at most {limit} characters)</source>
        <translation>（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="116"/>
        <source> ({limit})</source>
        <translation>（{limit}）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="138"/>
        <source>{field}: less than what is already paid of it.</source>
        <translation>{field}：少于该期已回款的金额。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="141"/>
        <source>An instalment already (partly) paid cannot be removed from the plan.</source>
        <translation>已回款（含部分回款）的期次不能从回款计划中删除。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="144"/>
        <source>{field}: before the contract starts.</source>
        <translation>{field}：早于合同开始日期。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="147"/>
        <source>{field}: cannot change while a manager decides on activating the contract.</source>
        <translation>{field}：合同生效审批期间不能修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="151"/>
        <source>The contract&apos;s status has changed meanwhile.</source>
        <translation>合同状态在此期间已发生变化。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="154"/>
        <source>{field}: less than what has already been received on it.</source>
        <translation>{field}：少于已回款的金额。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="157"/>
        <source>{field}: only a won deal makes a contract.</source>
        <translation>{field}：只有已赢单的商机才能创建合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="160"/>
        <source>A contract with payments recorded on it cannot be deleted.</source>
        <translation>已登记回款的合同不能删除。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="187"/>
        <source>This contract no longer exists, or is no longer yours to see: someone may have deleted it or handed it on.</source>
        <translation>该合同已不存在，或你已无权查看：可能已被他人删除或转交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="200"/>
        <source>{who} changed this contract at {at} while you were editing it.</source>
        <translation>在你编辑期间，{who} 于 {at} 修改了该合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="203"/>
        <source>{who} changed this contract while you were editing it.</source>
        <translation>在你编辑期间，{who} 修改了该合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="211"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="212"/>
        <source>Active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="213"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="214"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="220"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="221"/>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="222"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="223"/>
        <source>Payment plan changed</source>
        <translation>回款计划变更</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="224"/>
        <source>Payment recorded</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="225"/>
        <source>Payment voided</source>
        <translation>作废回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="226"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="227"/>
        <source>Approval requested</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="228"/>
        <source>Approved</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="229"/>
        <source>Approval refused</source>
        <translation>审批驳回</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="271"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="286"/>
        <source>Terminate contract</source>
        <translation>终止合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="287"/>
        <source>Terminate the contract “{title}”?</source>
        <translation>终止合同“{title}”？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="290"/>
        <source>Payments may still be recorded on it; it can go back to draft later.</source>
        <translation>终止后仍可登记回款，之后也可以退回草稿。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="297"/>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="300"/>
        <location filename="../../crmdesk/views/contract_texts.py" line="329"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="313"/>
        <source>Complete contract</source>
        <translation>完成合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="314"/>
        <source>{outstanding} is still outstanding. Mark the contract completed anyway?</source>
        <translation>仍有 {outstanding} 待回款。确定将合同标记为已完成吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="318"/>
        <source>What is owed on “{title}” stays in the receivables; payments may still be recorded on it, and it can be reopened.</source>
        <translation>“{title}”的待回款仍计入应收款；之后仍可登记回款，也可重新执行。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="326"/>
        <source>Mark completed</source>
        <translation>标记为已完成</translation>
    </message>
</context>
<context>
    <name>ContractForm</name>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="251"/>
        <source>Generated when saved</source>
        <translation>保存时自动生成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="255"/>
        <location filename="../../crmdesk/views/contract_form.py" line="310"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="265"/>
        <source>Number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="266"/>
        <source>Title *</source>
        <translation>合同名称 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="267"/>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="268"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="269"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="270"/>
        <source>Amount</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="271"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="272"/>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="273"/>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="274"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="323"/>
        <source>The deal this contract was made from.</source>
        <translation>该合同对应的商机。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="341"/>
        <source>{total} (the lines&apos; total)</source>
        <translation>{total}（产品明细合计）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="388"/>
        <source>The amount stays as it is while a manager decides on activating.</source>
        <translation>主管审批期间，金额保持不变。</translation>
    </message>
</context>
<context>
    <name>ContractHistory</name>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="55"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="55"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="55"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="55"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ContractPayments</name>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="343"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="344"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="345"/>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="346"/>
        <source>Online</source>
        <translation>在线支付</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="352"/>
        <source>Received on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="353"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="354"/>
        <source>Method</source>
        <translation>回款方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="355"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="356"/>
        <source>Instalment</source>
        <translation>回款期次</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="357"/>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="358"/>
        <source>Issued on</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="367"/>
        <source>{field}: a day still to come.</source>
        <translation>{field}：不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="368"/>
        <source>Payments and invoices are recorded on a signed contract: activate it first.</source>
        <translation>合同生效后才能登记回款和发票：请先提交生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="372"/>
        <source>This payment is already void.</source>
        <translation>该笔回款已作废。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="373"/>
        <source>That is more than the plan still expects ({outstanding}).</source>
        <translation>超出了回款计划中尚待回款的金额（{outstanding}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="398"/>
        <source>More than the plan expects</source>
        <translation>超出回款计划</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="399"/>
        <source>{amount} is more than the plan still expects ({outstanding}).</source>
        <translation>{amount} 超出了回款计划中尚待回款的金额（{outstanding}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="403"/>
        <source>Record it anyway and keep {excess} as the contract&apos;s credit, or correct the amount.</source>
        <translation>仍然登记，并将多出的 {excess} 计入合同余额；或者修改金额。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="410"/>
        <source>Keep as credit</source>
        <translation>计入余额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="415"/>
        <source>Correct the amount</source>
        <translation>修改金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="429"/>
        <location filename="../../crmdesk/views/contract_texts.py" line="440"/>
        <source>Void payment</source>
        <translation>作废回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="430"/>
        <source>Void the payment of {amount} received on {day}?</source>
        <translation>作废 {day} 收到的这笔 {amount} 回款？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="433"/>
        <source>The instalments it paid are unpaid again. The payment stays in the list, marked void.</source>
        <translation>这笔回款冲抵的期次将恢复为未回款。该回款仍保留在列表中，并标记为已作废。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_texts.py" line="443"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ContractSettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="27"/>
        <source>Contract settings</source>
        <translation>合同设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="33"/>
        <source>{yyyy} the year, {yy} its last two digits, {mm} the month, {seq:4} the year&apos;s running number in at least 4 digits (exactly one {seq} is needed).</source>
        <translation>{yyyy} 为年份，{yy} 为年份后两位，{mm} 为月份，{seq:4} 为当年流水号（至少 4 位；必须且只能有一个 {seq}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="40"/>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="42"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="44"/>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="118"/>
        <source>Number pattern</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="47"/>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="119"/>
        <source>Approval above the amount</source>
        <translation>金额超过此值需审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="48"/>
        <source>Approval above a line&apos;s discount (%)</source>
        <translation>明细折扣超过此值需审批（%）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="53"/>
        <source>Activating a contract above either limit asks a manager&apos;s approval first. Numbers already given keep theirs; a contract whose number is typed keeps it.</source>
        <translation>合同超过任一上限时，提交生效需先经主管审批。已生成的编号保持不变；手工填写编号的合同也保留原编号。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="96"/>
        <source>The year&apos;s first number would read: {number}</source>
        <translation>当年第一个编号将是：{number}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="120"/>
        <source>Approval above a line&apos;s discount</source>
        <translation>明细折扣审批上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="129"/>
        <source>Number pattern: it needs exactly one {seq} (or {seq:4}), and no other braces than {yyyy}, {yy} and {mm}.</source>
        <translation>编号规则：必须且只能包含一个 {seq}（或 {seq:4}），除 {yyyy}、{yy}、{mm} 外不能有其他花括号。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="134"/>
        <source>Approval above a line&apos;s discount: between 0 and 100.</source>
        <translation>明细折扣审批上限：应在 0 到 100 之间。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_settings_dialog.py" line="165"/>
        <source>Saved the contract settings.</source>
        <translation>已保存合同设置。</translation>
    </message>
</context>
<context>
    <name>ContractStatusBar</name>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="104"/>
        <location filename="../../crmdesk/views/contract_form.py" line="148"/>
        <source>Activate</source>
        <translation>提交生效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="104"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="105"/>
        <source>Terminate…</source>
        <translation>终止…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="106"/>
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="114"/>
        <source>Above the amount or discount an administrator set, activating asks a manager&apos;s approval first.</source>
        <translation>金额或折扣超过管理员设定的标准时，生效前需先经主管审批。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="133"/>
        <source>Awaiting a manager&apos;s approval (asked by {who} on {at}): the contract becomes active once approved. Until then its lines, amount and payment plan stay as the manager sees them, and its status cannot change.</source>
        <translation>等待主管审批（{who} 于 {at} 提交）：审批通过后合同生效。在此之前，产品明细、金额和回款计划保持主管所见的内容，状态也不能更改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="141"/>
        <source>Awaiting a manager&apos;s approval: the contract becomes active once approved. Until then its lines, amount and payment plan stay as the manager sees them, and its status cannot change.</source>
        <translation>等待主管审批：审批通过后合同生效。在此之前，产品明细、金额和回款计划保持主管所见的内容，状态也不能更改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="148"/>
        <source>Reopen</source>
        <translation>重新执行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="169"/>
        <source>Sent to a manager for approval: “{title}” becomes active once approved.</source>
        <translation>已提交主管审批：审批通过后，“{title}”即生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="172"/>
        <source>“{title}” is now {status}.</source>
        <translation>“{title}”的状态已改为“{status}”。</translation>
    </message>
</context>
<context>
    <name>ContractWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_columns.py" line="84"/>
        <source>%Ln contract(s)</source>
        <translation>
            <numerusform>%Ln 份合同</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_columns.py" line="87"/>
        <source>Ending within %n day(s)</source>
        <translation>
            <numerusform>%n 天内到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_texts.py" line="237"/>
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <location filename="../../crmdesk/views/contracts_page.py" line="110"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contracts_page.py" line="114"/>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contracts_page.py" line="128"/>
        <location filename="../../crmdesk/views/contracts_page.py" line="143"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contracts_page.py" line="145"/>
        <location filename="../../crmdesk/views/contracts_page.py" line="281"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contracts_page.py" line="195"/>
        <source>No contract matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contracts_page.py" line="196"/>
        <source>No contracts yet. A won deal offers to create its contract; or use New contract…</source>
        <translation>还没有合同。赢单后可直接创建合同，或点击“新建合同…”。</translation>
    </message>
</context>
<context>
    <name>CopyTargetDialog</name>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="340"/>
        <source>A new password for this administrator</source>
        <translation>为该管理员设置的新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="343"/>
        <source>To sign in to a server copy of this file, give an administrator a password in the copy (optional):</source>
        <translation>如需登录复制到服务器上的数据库，请在副本中为一位管理员设置密码（选填）：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="335"/>
        <source>Copy the database</source>
        <translation>复制数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="349"/>
        <source>postgresql://user@host/database, or a new file</source>
        <translation>postgresql://用户名@服务器/数据库，或一个新文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="350"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="354"/>
        <source>Everything is copied into an empty database: a server database (its URL) or a new file. A server&apos;s database is set up for crmdesk first.</source>
        <translation>所有数据将复制到一个空数据库：服务器数据库（填写其地址）或新文件。服务器数据库会先按 crmdesk 的要求完成初始化。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="365"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="374"/>
        <source>Administrator&apos;s login</source>
        <translation>管理员登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="375"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="383"/>
        <source>Copy to a new file</source>
        <translation>复制到新文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="383"/>
        <source>crmdesk database (*.sqlite)</source>
        <translation>crmdesk 数据库 (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="29"/>
        <location filename="../../crmdesk/views/customer_columns.py" line="147"/>
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
        <location filename="../../crmdesk/views/customer_columns.py" line="155"/>
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
        <location filename="../../crmdesk/views/customer_columns.py" line="105"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="115"/>
        <source>Back to the pool</source>
        <translation>回收公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="126"/>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="134"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="162"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="169"/>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
</context>
<context>
    <name>CustomerContractsTab</name>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="49"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="49"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="49"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="50"/>
        <location filename="../../crmdesk/views/customer_contracts.py" line="96"/>
        <source>Received</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="50"/>
        <location filename="../../crmdesk/views/customer_contracts.py" line="97"/>
        <source>Outstanding</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="53"/>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="56"/>
        <source>No contracts with this customer yet.</source>
        <translation>该客户还没有合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="84"/>
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="86"/>
        <source>Next due</source>
        <translation>下次回款日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_contracts.py" line="95"/>
        <source>Contracted</source>
        <translation>合同金额</translation>
    </message>
</context>
<context>
    <name>CustomerDealsTab</name>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="27"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="27"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="27"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="28"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="28"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="31"/>
        <source>New deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_deals.py" line="34"/>
        <source>No deals with this customer yet.</source>
        <translation>这个客户还没有商机。</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="79"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="81"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="87"/>
        <source>Save changes (%1)</source>
        <translation>保存修改（%1）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="103"/>
        <source>Details</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="115"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="123"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="126"/>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="128"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="132"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="173"/>
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
        <location filename="../../crmdesk/views/customer_detail.py" line="224"/>
        <source>This customer is no longer there: deleted, or handed to someone else.</source>
        <translation>该客户已不在：可能已被删除，或已转给他人。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="458"/>
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
        <location filename="../../crmdesk/views/customer_detail.py" line="486"/>
        <source>Follow-up added.</source>
        <translation>已添加跟进记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="136"/>
        <location filename="../../crmdesk/views/customer_detail.py" line="165"/>
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
    <name>CustomerPicker</name>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="54"/>
        <source>Type a name, phone or pinyin to search</source>
        <translation>输入名称、电话或拼音搜索</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="190"/>
        <source>Search name, contact or phone…</source>
        <translation>搜索客户名称、联系人或电话…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="180"/>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="181"/>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="182"/>
        <source>All I can see</source>
        <translation>全部可见客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="183"/>
        <source>Shared with me</source>
        <translation>我协作的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="196"/>
        <source>Any level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="202"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="208"/>
        <source>Any industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="214"/>
        <source>Any province</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="220"/>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="223"/>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="229"/>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_columns.py" line="238"/>
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
        <location filename="../../crmdesk/views/customer_page.py" line="230"/>
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
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="232"/>
        <source>No customers here yet. Customers deleted lately wait in the recycle bin.</source>
        <translation>这里还没有客户。最近删除的客户可在回收站找回。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="431"/>
        <source>Moved %Ln customer(s) to the recycle bin.</source>
        <translation>
            <numerusform>已将 %Ln 个客户移入回收站。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="374"/>
        <source>Assigning customers…</source>
        <translation>正在分配客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="132"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="375"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>已分配 %Ln 个客户给 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="379"/>
        <source>%Ln customer(s) not assigned: %1 already owns as many customers as allowed.</source>
        <translation>
            <numerusform>%Ln 个客户未分配：%1 的客户数已达上限。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="405"/>
        <source>Changing tags…</source>
        <translation>正在更改标签…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="422"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>已恢复 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="430"/>
        <source>Deleting customers…</source>
        <translation>正在删除客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="57"/>
        <location filename="../../crmdesk/views/customer_page.py" line="226"/>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="96"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="98"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="100"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="99"/>
        <source>Release to pool…</source>
        <translation>放回公海…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="102"/>
        <source>Give the selected customers back to the public pool</source>
        <translation>把选中的客户放回公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="108"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="112"/>
        <source>Lock: never recycled to the pool</source>
        <translation>锁定：不会被回收到公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="115"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="174"/>
        <source>Not yours to change</source>
        <translation>无权修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="202"/>
        <source>Show those shared with me</source>
        <translation>查看与我共享的客户</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="174"/>
        <location filename="../../crmdesk/views/target_dashboard.py" line="414"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="175"/>
        <location filename="../../crmdesk/views/target_dashboard.py" line="413"/>
        <source>Achieved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="176"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="177"/>
        <source>Gap</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="178"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="179"/>
        <source>Time elapsed</source>
        <translation>时间进度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="184"/>
        <source>Open deals expected to close from today to the end of the period, each weighted by its probability.</source>
        <translation>预计在今天至本期末之间成交的进行中商机，按各自的赢率加权。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="196"/>
        <source>Loading the chart…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="207"/>
        <source>Reps</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="208"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="215"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="292"/>
        <source>The chart could not be drawn (see the log).</source>
        <translation>图表无法绘制（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="351"/>
        <location filename="../../crmdesk/views/target_dashboard.py" line="360"/>
        <source>No target set for this period.</source>
        <translation>本期未设置目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="362"/>
        <source>Target reached.</source>
        <translation>已达成目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="364"/>
        <source>Still to go.</source>
        <translation>距目标还差。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="371"/>
        <source>Weighted open deals due by the period&apos;s end</source>
        <translation>本期末前预计成交的进行中商机（按赢率加权）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="375"/>
        <source>Day %1 of %2</source>
        <translation>第 %1 天 / 共 %2 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="385"/>
        <source>%1 not allocated to teams</source>
        <translation>%1 未分配到团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="387"/>
        <source>%1 not allocated to reps</source>
        <translation>%1 未分配到销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="389"/>
        <source>Teams hold %1 more than this</source>
        <translation>各团队目标合计比此目标多 %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="391"/>
        <source>Reps hold %1 more than this</source>
        <translation>各销售目标合计比此目标多 %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="404"/>
        <source>%1 by month: achieved and target</source>
        <translation>各月%1：已完成与目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="408"/>
        <source>No targets or results in this period.</source>
        <translation>此期间没有目标，也没有业绩。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../crmdesk/views/contract_form.py" line="203"/>
        <source>No date</source>
        <translation>未定</translation>
    </message>
</context>
<context>
    <name>DealColumns</name>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="21"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="22"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="23"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="37"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="39"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="41"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="43"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="46"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="49"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="51"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="55"/>
        <source>In stage</source>
        <translation>在本阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_columns.py" line="58"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="84"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="84"/>
        <location filename="../../crmdesk/views/deal_dialog.py" line="149"/>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="106"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="107"/>
        <source>Lines</source>
        <translation>产品明细</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="108"/>
        <source>History</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="109"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="112"/>
        <source>Delete deal…</source>
        <translation>删除商机…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="184"/>
        <source>Deal: {title}</source>
        <translation>商机：{title}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="187"/>
        <source>read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="202"/>
        <source>The customer&apos;s follow-ups could not be read.</source>
        <translation>无法读取该客户的跟进记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="331"/>
        <source>Created the deal “{title}”.</source>
        <translation>已创建商机“{title}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="333"/>
        <source>Saved “{title}”.</source>
        <translation>已保存“{title}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="375"/>
        <source>Deleted the deal “{title}”.</source>
        <translation>已删除商机“{title}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="376"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_dialog.py" line="387"/>
        <source>the new deal</source>
        <translation>新商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="22"/>
        <source>Line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="25"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="26"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="27"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="28"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="29"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="30"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="31"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="32"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="33"/>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="34"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="35"/>
        <source>External ID</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="36"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="37"/>
        <source>Product lines</source>
        <translation>产品明细</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="38"/>
        <location filename="../../crmdesk/views/deal_texts.py" line="39"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="40"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="41"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="42"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="43"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="56"/>
        <source>{field}: at most two decimals (cents).</source>
        <translation>{field}：最多两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="59"/>
        <source>{field}: this stage asks for more before a deal enters it; create the deal in an earlier stage and move it on the board.</source>
        <translation>{field}：进入该阶段需先满足准入条件；请在更早的阶段创建商机，再到看板上推进。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="64"/>
        <source>{field}: move the deal on the pipeline board to change it.</source>
        <translation>{field}：请在销售漏斗看板上移动商机来更改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="90"/>
        <source>This deal no longer exists, or is no longer yours to see: someone may have deleted it or handed it on.</source>
        <translation>该商机已不存在，或你已无权查看：可能已被他人删除或转交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="103"/>
        <source>{who} changed this deal at {at} while you were editing it.</source>
        <translation>在你编辑期间，{who} 于 {at} 修改了该商机。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="106"/>
        <source>{who} changed this deal while you were editing it.</source>
        <translation>在你编辑期间，{who} 修改了该商机。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="128"/>
        <source>Changed by a colleague</source>
        <translation>已被同事修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="130"/>
        <source>Reload shows their version and loses what you typed in: {fields}. Keep mine saves your changes over theirs; their other changes stay.</source>
        <translation>重新加载将显示对方的版本，你在{fields}中输入的内容会丢失。保留我的将用你的修改覆盖对方的修改；对方的其他修改保持不变。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="138"/>
        <source>Reload (lose my changes to {fields})</source>
        <translation>重新加载（放弃我对{fields}的修改）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="143"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="144"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="155"/>
        <source>Delete deal</source>
        <translation>删除商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="156"/>
        <source>Move the deal “{title}” to the recycle bin?</source>
        <translation>将商机“{title}”移到回收站？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="159"/>
        <source>You can undo this for a few seconds.</source>
        <translation>几秒内可以撤销。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="163"/>
        <source>Move to recycle bin</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_texts.py" line="166"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DealForm</name>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="152"/>
        <source>No date</source>
        <translation>未定</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="170"/>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="171"/>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="172"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="173"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="175"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="176"/>
        <source>Probability (%)</source>
        <translation>赢率 (%)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="177"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="178"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="179"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="180"/>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="181"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="232"/>
        <source>A deal moves between stages on the pipeline board.</source>
        <translation>商机的阶段在销售漏斗看板上推进。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="250"/>
        <source>{total} (the lines&apos; total)</source>
        <translation>{total}（明细合计）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="253"/>
        <source>{n}% (the stage&apos;s)</source>
        <translation>{n}%（阶段默认）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_form.py" line="282"/>
        <source>Later stages ask for more first: move the deal there on the board.</source>
        <translation>后面的阶段需先满足准入条件：请在看板上推进。</translation>
    </message>
</context>
<context>
    <name>DealHistory</name>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="25"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="26"/>
        <source>Moved</source>
        <translation>推进阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="27"/>
        <location filename="../../crmdesk/views/deal_history.py" line="39"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="28"/>
        <location filename="../../crmdesk/views/deal_history.py" line="40"/>
        <location filename="../../crmdesk/views/deal_history.py" line="57"/>
        <location filename="../../crmdesk/views/deal_history.py" line="59"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="29"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="30"/>
        <source>Approval requested</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="31"/>
        <source>Approved</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="32"/>
        <source>Approval refused</source>
        <translation>审批驳回</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="38"/>
        <location filename="../../crmdesk/views/deal_history.py" line="62"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="48"/>
        <source>Won on {date}</source>
        <translation>{date} 赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="71"/>
        <source>Awaiting a manager&apos;s approval to move to {stage} (asked by {who} on {at}: {why}).</source>
        <translation>等待主管审批进入“{stage}”（{who} 于 {at} 申请，原因：{why}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="88"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="88"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="88"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="88"/>
        <source>From → to</source>
        <translation>阶段变化</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="89"/>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="89"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="106"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_history.py" line="106"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>DealLinesEditor</name>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="76"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="76"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="76"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="77"/>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="77"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="89"/>
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="94"/>
        <source>No product lines. Add one to work out the amount.</source>
        <translation>还没有产品明细。添加明细后会自动算出金额。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="140"/>
        <source>Product or service</source>
        <translation>产品或服务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="149"/>
        <source>Remove this line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_lines.py" line="317"/>
        <source>Total: {total}</source>
        <translation>合计：{total}</translation>
    </message>
</context>
<context>
    <name>DealWords</name>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="17"/>
        <source>Standard sales process</source>
        <translation>标准销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="27"/>
        <source>Initial contact</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="28"/>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="29"/>
        <source>Proposal / demo</source>
        <translation>方案演示</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="30"/>
        <source>Quotation</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="31"/>
        <source>Negotiation</source>
        <translation>谈判</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="32"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="33"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="44"/>
        <source>Is the customer&apos;s budget confirmed?</source>
        <translation>客户预算是否确认？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="45"/>
        <source>Who makes the final decision?</source>
        <translation>谁做最终决定？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="46"/>
        <source>How was the solution shown?</source>
        <translation>演示方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="47"/>
        <source>The customer&apos;s main concerns</source>
        <translation>客户的主要顾虑</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="54"/>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="55"/>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="63"/>
        <source>Price too high</source>
        <translation>价格过高</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="64"/>
        <source>Went with a competitor</source>
        <translation>选择了竞争对手</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="65"/>
        <source>No budget</source>
        <translation>没有预算</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="66"/>
        <source>No decision made</source>
        <translation>未做决定</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="67"/>
        <source>Bad timing</source>
        <translation>时机不对</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="68"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="74"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="75"/>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="76"/>
        <source>At least one product line</source>
        <translation>至少一条产品明细</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="77"/>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="78"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="79"/>
        <source>Reason for losing</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="80"/>
        <source>What happened (for &apos;Other&apos;)</source>
        <translation>具体情况（原因为“其他”时）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="81"/>
        <source>Final amount</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="87"/>
        <source>this stage always needs a manager&apos;s approval</source>
        <translation>进入该阶段始终需要主管审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="90"/>
        <source>a line&apos;s discount is above the limit</source>
        <translation>有明细的折扣超过上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_words.py" line="91"/>
        <source>the amount is above the limit</source>
        <translation>金额超过上限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/deal_words.py" line="116"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/deal_words.py" line="119"/>
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>在本阶段 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/deal_words.py" line="122"/>
        <source>stale: %n day(s) in this stage</source>
        <translation>
            <numerusform>停滞：在本阶段 %n 天</numerusform>
        </translation>
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
    <name>DistributionPanel</name>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="113"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="63"/>
        <location filename="../../crmdesk/views/target_editor.py" line="114"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="64"/>
        <source>Revert %n change(s)?</source>
        <translation>撤销 %n 处修改？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="69"/>
        <source>The targets you changed go back to what is saved.</source>
        <translation>您修改过的目标将恢复为已保存的值。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="115"/>
        <source>Split to months…</source>
        <translation>分解到各月…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="116"/>
        <source>Split to teams / reps…</source>
        <translation>分解到团队 / 销售…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="117"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="118"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="228"/>
        <location filename="../../crmdesk/views/target_editor.py" line="257"/>
        <source>You may not change this row.</source>
        <translation>你无权修改这一行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/target_editor.py" line="233"/>
        <source>%n unsaved change(s).</source>
        <translation>
            <numerusform>%n 处修改未保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="255"/>
        <source>You may not change any target here.</source>
        <translation>您无权修改这里的任何目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="296"/>
        <source>Targets saved.</source>
        <translation>目标已保存。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="324"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="327"/>
        <source>%1 changed these targets at %2 while you were editing: %3.</source>
        <translation>在你编辑期间，%1 于 %2 修改了这些目标：%3。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="330"/>
        <source>%1 changed these targets while you were editing: %3.</source>
        <translation>在你编辑期间，%1 修改了这些目标：%3。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="332"/>
        <source>Your values are kept. Save again to put yours over theirs, or Revert to see theirs.</source>
        <translation>你填写的值仍然保留。再次保存会用你的值覆盖对方的值；点“还原”可查看对方的值。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="338"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="339"/>
        <source>Your values are kept.</source>
        <translation>你填写的值仍然保留。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="364"/>
        <source>Split %1&apos;s target for %2 (%3).</source>
        <translation>分解%1在%2的目标（%3）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="404"/>
        <source>Export targets</source>
        <translation>导出目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="405"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="415"/>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="424"/>
        <source>Import targets</source>
        <translation>导入目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_editor.py" line="425"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/target_editor.py" line="453"/>
        <source>Imported %n target(s).</source>
        <translation>
            <numerusform>已导入 %n 个目标。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/target_editor.py" line="455"/>
        <source>%n changed.</source>
        <translation>
            <numerusform>其中 %n 个有变化。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="46"/>
        <source>(not visible to you)</source>
        <translation>（您无权查看）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="66"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="75"/>
        <location filename="../../crmdesk/views/drill_dialog.py" line="141"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="83"/>
        <location filename="../../crmdesk/views/drill_dialog.py" line="150"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="90"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="97"/>
        <location filename="../../crmdesk/views/drill_dialog.py" line="171"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="105"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="114"/>
        <location filename="../../crmdesk/views/drill_dialog.py" line="179"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="123"/>
        <source>Closed</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="157"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="164"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="234"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="241"/>
        <source>No rows behind this figure.</source>
        <translation>这个数字没有对应的明细。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/drill_dialog.py" line="243"/>
        <source>Double-click a row to open it.</source>
        <translation>双击一行可打开。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/drill_dialog.py" line="309"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 条明细</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="149"/>
        <source>%1 - errors.xlsx</source>
        <translation>%1 - 错误报告.xlsx</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="151"/>
        <source>Save the error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="153"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="167"/>
        <source>Saving the error report…</source>
        <translation>正在保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="171"/>
        <source>Error report saved: %1</source>
        <translation>错误报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="40"/>
        <source>{field} is required.</source>
        <translation>{field}为必填项。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="41"/>
        <source>{field} has a value that is not allowed.</source>
        <translation>{field}的取值无效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="42"/>
        <source>{field} does not look like a phone number.</source>
        <translation>{field}格式不正确，请填写电话号码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="45"/>
        <source>{field}: a mobile number has 11 digits starting with 1, or starts with + and a country code.</source>
        <translation>{field}格式不正确：手机号应为以 1 开头的 11 位数字，或以 + 加国家代码开头。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="53"/>
        <source>{field} is too long.</source>
        <translation>{field}太长。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="54"/>
        <source>{field}: too many.</source>
        <translation>{field}：数量过多。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="55"/>
        <source>{field} contains a character that cannot be stored.</source>
        <translation>{field}包含无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="58"/>
        <source>{field} is out of range.</source>
        <translation>{field}超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="59"/>
        <source>{field} must be later than the follow-up itself.</source>
        <translation>{field}必须晚于本次跟进时间。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="62"/>
        <source>{field}: this one is already used.</source>
        <translation>{field}：已被使用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="63"/>
        <source>Only customers that have an owner can be released or locked.</source>
        <translation>只有有负责人的客户才能放回公海或锁定。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="66"/>
        <source>The customers are already in this pool.</source>
        <translation>这些客户已在这个公海中。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="67"/>
        <source>{field}: the cap is reached; unlock a customer first.</source>
        <translation>{field}：已达上限，请先解锁一个客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="70"/>
        <source>{field}: someone chosen no longer exists.</source>
        <translation>{field}：所选的某一项已不存在。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="75"/>
        <source>{field} is too long: at most {limit} characters.</source>
        <translation>{field}太长：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="78"/>
        <source>{field}: at most {limit}.</source>
        <translation>{field}：最多 {limit} 个。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="84"/>
        <source>{field} is not valid.</source>
        <translation>{field}无效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="94"/>
        <source>The database server cannot be reached. Check the network connection and the server address, then try again.</source>
        <translation>无法连接数据库服务器。请检查网络连接和服务器地址，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="99"/>
        <source>The server refused the user name or password. Check them and try again.</source>
        <translation>服务器拒绝了用户名或密码。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="102"/>
        <source>The server has no database of this name. Check the name, or ask your administrator to create it.</source>
        <translation>服务器上没有这个名称的数据库。请检查名称，或请管理员创建。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="107"/>
        <source>This account may not use this database. Ask your administrator for access.</source>
        <translation>该账号无权使用此数据库。请向管理员申请权限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="111"/>
        <source>This file is not a crmdesk database. Choose the database file itself.</source>
        <translation>此文件不是 crmdesk 数据库。请选择数据库文件本身。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="114"/>
        <source>The database file is damaged. Restore it from a backup (crmdesk keeps one in its backup folder before every upgrade).</source>
        <translation>数据库文件已损坏。请从备份恢复（crmdesk 每次升级前都会在备份文件夹中保留一份）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="119"/>
        <source>The database file cannot be opened: the folder does not exist or you may not write there.</source>
        <translation>无法打开数据库文件：文件夹不存在，或你没有写入权限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="124"/>
        <source>The database file is read-only. Check its permissions, then try again.</source>
        <translation>数据库文件为只读。请检查文件权限，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="127"/>
        <source>The database is in use by another program or user and did not become free. Close the other program or wait a moment, then try again.</source>
        <translation>数据库正被其他程序或用户占用，且一直未释放。请关闭其他程序或稍等片刻，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="132"/>
        <source>The disk is full. Free some space, then try again.</source>
        <translation>磁盘已满。请清理空间后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="137"/>
        <source>The database cannot be used. Details are in the log file.</source>
        <translation>数据库无法使用。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="176"/>
        <source>{field}: theirs {theirs}, yours {yours}</source>
        <translation>{field}：对方为 {theirs}，你的为 {yours}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="193"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="195"/>
        <source>“{value}”</source>
        <translation>“{value}”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="207"/>
        <source>It stopped there; rows imported before that: {count}.</source>
        <translation>操作在此中止；此前已导入 {count} 行。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="211"/>
        <source>It stopped there; customers changed before that: {count}.</source>
        <translation>操作在此中止；此前已更改的客户：{count} 个。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="150"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="153"/>
        <source>{who} changed this customer at {at} while you were editing it.</source>
        <translation>在你编辑期间，{who} 于 {at} 修改了该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="157"/>
        <source>{who} changed this customer while you were editing it.</source>
        <translation>在你编辑期间，{who} 修改了该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="163"/>
        <source>They changed: {fields}.</source>
        <translation>对方修改了：{fields}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="244"/>
        <source>This record no longer exists, or is no longer yours to see. Someone may have deleted it or handed it on.</source>
        <translation>该记录已不存在，或你已无权查看。可能已被他人删除或转交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="226"/>
        <source>Your account has been deactivated or removed. Ask an administrator.</source>
        <translation>你的账号已被停用或删除。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="50"/>
        <source>{field}: this is not an e-mail address (like name@example.com).</source>
        <translation>{field}格式不正确，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="222"/>
        <source>This pool is closed. Ask an administrator to turn it on again.</source>
        <translation>这个公海已停用。请联系管理员重新启用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="231"/>
        <source>Finance does not own customers. Choose a colleague in sales.</source>
        <translation>财务人员不负责客户，请选择一位销售同事。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="235"/>
        <source>Your role may not import customers, contacts, deals or follow-ups. Ask a colleague in sales or an administrator.</source>
        <translation>你的角色无权导入客户、联系人、商机或跟进记录。请联系销售同事或管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="240"/>
        <source>You are not allowed to do this. Ask your manager or an administrator.</source>
        <translation>你无权执行此操作。请联系你的经理或管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="250"/>
        <source>This database was written by a newer version of crmdesk. Install the newest version to open it.</source>
        <translation>此数据库由更新版本的 crmdesk 写入。请安装最新版本后再打开。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="256"/>
        <source>The database could not be upgraded to this version of crmdesk. Details are in the log file. A local database file was copied to the backup folder first; a server database may need its administrator.</source>
        <translation>无法将数据库升级到此版本的 crmdesk。详细信息见日志文件。本地数据库文件已先复制到备份文件夹；服务器数据库可能需要其管理员处理。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="263"/>
        <source>The connection to the database server was lost. What you were doing was not saved; check the network and try again.</source>
        <translation>与数据库服务器的连接已断开。刚才的操作未保存；请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="272"/>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="277"/>
        <source>The database could not answer; it may be damaged or from another program. Details are in the log file.</source>
        <translation>数据库无法给出结果；它可能已损坏，或来自其他程序。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="283"/>
        <source>The database refused this change; nothing was saved. Details are in the log file.</source>
        <translation>数据库拒绝了此更改，未保存任何内容。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="288"/>
        <source>The action could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="289"/>
        <source>Something went wrong and the action was not completed. Details are in the log file.</source>
        <translation>出现问题，操作未完成。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="333"/>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="31"/>
        <source>Too many wrong passwords: this account is locked until {time}. Try again then, or ask an administrator to unlock it.</source>
        <translation>密码错误次数过多：该账号已锁定至 {time}。请届时再试，或请管理员解锁。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="37"/>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation>该账号已被停用。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="41"/>
        <source>This account has no password yet. Ask an administrator to set one (File › Users and teams… › Reset password, or crmdesk set-password).</source>
        <translation>该账号还没有密码。请管理员设置一个（文件 › 用户和团队… › 重置密码，或 crmdesk set-password）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="46"/>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="48"/>
        <source>No user has the login {login}.</source>
        <translation>没有登录名为 {login} 的用户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="52"/>
        <source>This database already has users: sign in with your login instead.</source>
        <translation>此数据库已有用户：请用你的登录名登录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="56"/>
        <source>This is the last active administrator. Make someone else an administrator first.</source>
        <translation>这是最后一位在职的管理员。请先将其他人设为管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="62"/>
        <source>Members still in this team: %n (deactivated ones included). Move them to another team first.</source>
        <translation>该团队仍有 %n 名成员（含已停用的）。请先将他们移到其他团队。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="70"/>
        <source>You cannot deactivate yourself; another administrator can.</source>
        <translation>你不能停用自己的账号；可由其他管理员停用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="83"/>
        <source>The password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="86"/>
        <source>The password may have at most 128 characters.</source>
        <translation>密码最多 128 个字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="89"/>
        <source>The password cannot be one character repeated.</source>
        <translation>密码不能由同一个字符重复组成。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="92"/>
        <source>The password cannot be the login.</source>
        <translation>密码不能与登录名相同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="95"/>
        <source>The password contains a character that cannot be used.</source>
        <translation>密码中包含不可使用的字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="98"/>
        <source>The new password must differ from the old one.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="101"/>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="102"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="105"/>
        <source>Enter a login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="106"/>
        <source>A login cannot contain spaces.</source>
        <translation>登录名不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="109"/>
        <source>Someone already has this login.</source>
        <translation>该登录名已被使用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="110"/>
        <source>The login is too long.</source>
        <translation>登录名太长。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="111"/>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="112"/>
        <source>The team chosen no longer exists.</source>
        <translation>所选团队已不存在。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="115"/>
        <source>The customer cap is a whole number from 1 up, or empty for none.</source>
        <translation>客户上限应为不小于 1 的整数，留空表示不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="118"/>
        <source>The locked cap is a whole number from 1 up, or empty for none.</source>
        <translation>锁定上限应为不小于 1 的整数，留空表示不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="121"/>
        <source>Choose a colleague or a pool to take over the customers.</source>
        <translation>请选择接手客户的同事或公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="124"/>
        <source>The colleague chosen cannot take customers over (deactivated or finance).</source>
        <translation>所选同事不能接手客户（已停用或为财务）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="127"/>
        <location filename="../../crmdesk/views/errors_team.py" line="136"/>
        <source>The colleague chosen no longer exists.</source>
        <translation>所选同事已不存在。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="130"/>
        <source>Choose a colleague to take over the open deals.</source>
        <translation>请选择接手进行中商机的同事。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="133"/>
        <source>The colleague chosen cannot take deals over (deactivated or finance).</source>
        <translation>所选同事不能接手商机（已停用或为财务）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="139"/>
        <source>The pool chosen no longer exists.</source>
        <translation>所选公海已不存在。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="142"/>
        <source>This user is already deactivated.</source>
        <translation>该用户已被停用。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="161"/>
        <source>This server database is empty: it has not been set up for crmdesk yet. An administrator sets it up and becomes its first user.</source>
        <translation>该服务器数据库是空的，尚未为 crmdesk 初始化。由管理员完成初始化，并成为它的第一个用户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="167"/>
        <source>This database is at version {found}; this program needs version {needed}. Ask your administrator to upgrade the database to version {needed}.</source>
        <translation>此数据库的版本为 {found}，本程序需要版本 {needed}。请让管理员将数据库升级到版本 {needed}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="173"/>
        <source>This administrator has no password yet (older versions of crmdesk used none). Choose one: it is set with the upgrade.</source>
        <translation>该管理员还没有密码（旧版 crmdesk 不使用密码）。请设置一个：升级时一并设置。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="179"/>
        <source>Only an administrator can upgrade the database. Ask your administrator to upgrade it to version {needed}.</source>
        <translation>只有管理员可以升级数据库。请让管理员将其升级到版本 {needed}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="185"/>
        <source>Someone else is upgrading this database right now. Try again in a few minutes.</source>
        <translation>其他人正在升级此数据库。请几分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="190"/>
        <source>The target database already holds data (table {table}). Copy into an empty database: nothing was changed.</source>
        <translation>目标数据库中已有数据（表 {table}）。请复制到空数据库；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="196"/>
        <source>The copy was checked and found incomplete ({table}: {found} rows instead of {expected}), so it was not kept. Try again; details are in the log file.</source>
        <translation>复制结果经校验不完整（{table}：{found} 行，应为 {expected} 行），因此未予保留。请重试；详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="204"/>
        <source>{login} is not an active administrator of the database being copied.</source>
        <translation>{login} 不是被复制数据库的在职管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="208"/>
        <source>The copy was cancelled; the target database was left as it was.</source>
        <translation>复制已取消；目标数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="214"/>
        <source>{path} is not a crmdesk backup (or it is damaged): nothing was restored.</source>
        <translation>{path} 不是 crmdesk 备份（或已损坏）：未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="218"/>
        <source>{path} was written by a newer version of crmdesk: install it to restore this backup. Nothing was restored.</source>
        <translation>{path} 由更新版本的 crmdesk 写入：请安装该版本后再恢复此备份。未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="224"/>
        <source>The backup could not be restored: {detail}. Your database was copied to the backup folder before the attempt.</source>
        <translation>无法恢复备份：{detail}。恢复前，你的数据库已复制到备份文件夹。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="229"/>
        <source>The backup could not be written to {path}: {detail}</source>
        <translation>无法将备份写入 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors_team.py" line="241"/>
        <source>This was saved before the connection dropped; it was not saved a second time.</source>
        <translation>此内容在连接断开前已保存，未重复保存。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <location filename="../../crmdesk/cli_excel.py" line="197"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/cli_excel.py" line="198"/>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/cli_excel.py" line="199"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
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
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="142"/>
        <source>Set up the team&apos;s database</source>
        <translation>初始化团队数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="147"/>
        <source>{database} is empty. crmdesk will set it up and make you its first administrator: you then add your colleagues under File › Users and teams.</source>
        <translation>{database} 是空的。crmdesk 将完成初始化，并将你设为第一个管理员；之后你可以在“文件 › 用户和团队”中添加同事。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="154"/>
        <source>e.g. Alex Chen</source>
        <translation>例如：王伟</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="162"/>
        <source>At least 8 characters, and not your login name.</source>
        <translation>至少 8 个字符，且不能与登录名相同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="166"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="167"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="168"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="169"/>
        <source>Again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="173"/>
        <source>Set up</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="187"/>
        <source>Enter your name and a login name.</source>
        <translation>请输入你的姓名和登录名。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="31"/>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="33"/>
        <source>e.g. Alex Chen</source>
        <translation>例如：王伟</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="34"/>
        <source>Start with an empty database on this computer</source>
        <translation>在这台电脑上从空白数据库开始</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="35"/>
        <source>Load demo data to look around (2,000 customers)</source>
        <translation>载入演示数据，先看看效果（2,000 个客户）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="36"/>
        <source>Connect to my team&apos;s database server</source>
        <translation>连接团队的数据库服务器</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="43"/>
        <source>The address your administrator gave you, e.g. postgresql://name@server/crm or mysql://name@server/crm.</source>
        <translation>填写管理员提供的地址，例如 postgresql://用户名@服务器/crm 或 mysql://用户名@服务器/crm。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="57"/>
        <source>crmdesk keeps your customers in a file on this computer, or on your team&apos;s database server. On this computer, you are its administrator.</source>
        <translation>crmdesk 把客户资料保存在这台电脑上的文件里，或保存在团队的数据库服务器上。在这台电脑上，你就是管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="100"/>
        <source>Enter a server address that starts with postgresql:// or mysql://.</source>
        <translation>请输入以 postgresql:// 或 mysql:// 开头的服务器地址。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="50"/>
        <source>Please enter your name.</source>
        <translation>请输入你的姓名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="64"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/app.py" line="159"/>
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
</context>
<context>
    <name>FollowUpColumns</name>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="15"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="18"/>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="20"/>
        <source>Type</source>
        <translation>跟进方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="22"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="24"/>
        <source>Date</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="28"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/follow_up_columns.py" line="31"/>
        <source>Author</source>
        <translation>跟进人</translation>
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
    <name>FunnelPanel</name>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="148"/>
        <source>Double-click a row to list its deals</source>
        <translation>双击一行查看对应的商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="150"/>
        <source>Deals created in the period, by the furthest stage they reached</source>
        <translation>本期新建的商机，按到达的最远阶段统计</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="168"/>
        <source>%1 of the previous</source>
        <translation>上一阶段的 %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="170"/>
        <source>%1 deals</source>
        <translation>%1 个商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="174"/>
        <source>No deals were created in this period.</source>
        <translation>本期没有新建商机。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="175"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="175"/>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="175"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="175"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="176"/>
        <source>Avg. days in stage</source>
        <translation>平均停留天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="181"/>
        <source>Created: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>新建：&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="183"/>
        <source>Won: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>赢单：&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="185"/>
        <source>Lost: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>输单：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="186"/>
        <source>Win rate: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>赢单率：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="187"/>
        <source>Average cycle: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>平均成交周期：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>GateDialog</name>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="123"/>
        <source>Move to %1</source>
        <translation>推进到“%1”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="129"/>
        <source>Before “%1” can enter %2, tell us:</source>
        <translation>“%1”进入“%2”之前，请先填写：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="156"/>
        <source>(must be yes)</source>
        <translation>（须为“是”）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="162"/>
        <source>Also needed, in the deal itself: %1.</source>
        <translation>还需在商机中填写：%1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="186"/>
        <source>Answer “%1”.</source>
        <translation>请回答“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="189"/>
        <source>While the answer to “%1” is No, the deal cannot enter this stage.</source>
        <translation>“%1”的回答为“否”时，商机不能进入此阶段。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="196"/>
        <source>Enter the amount, e.g. 12000 or 1.2万.</source>
        <translation>请输入金额，例如 12000 或 1.2万。</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="70"/>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="73"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="327"/>
        <source>Deactivated {name}.</source>
        <translation>已停用{name}。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="92"/>
        <source>Deactivate {name}</source>
        <translation>停用{name}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="94"/>
        <source>Counting what they hold…</source>
        <translation>正在统计其名下的客户和商机…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="96"/>
        <source>Transfer their customers to a colleague</source>
        <translation>将其客户转交给同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="97"/>
        <source>Release their customers to a pool</source>
        <translation>将其客户放回公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="108"/>
        <source>What the next owner should know</source>
        <translation>下一位负责人需要知道的情况</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="114"/>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="116"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="117"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="118"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="119"/>
        <source>Open deals go to</source>
        <translation>进行中的商机转交给</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="125"/>
        <source>They can no longer sign in; nothing of theirs is deleted, and contracts keep them as owner. An administrator can reactivate them later.</source>
        <translation>停用后该用户将无法登录；其数据不会被删除，合同的负责人也保持不变。管理员之后可以重新启用该用户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="133"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="163"/>
        <location filename="../../crmdesk/views/handover_dialog.py" line="219"/>
        <source>Choose a colleague…</source>
        <translation>请选择同事…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="165"/>
        <location filename="../../crmdesk/views/handover_dialog.py" line="217"/>
        <source>The same colleague</source>
        <translation>同一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="176"/>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="198"/>
        <source>{name} owns no customers and no open deals: there is nothing to hand over.</source>
        <translation>{name}名下没有客户，也没有进行中的商机，无需交接。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="201"/>
        <source>{name} owns {customers} and {deals}. Choose where they go.</source>
        <translation>{name}名下有 {customers}和 {deals}。请选择交接去向。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="249"/>
        <location filename="../../crmdesk/views/handover_dialog.py" line="262"/>
        <source>Choose the colleague who takes over their open deals.</source>
        <translation>请选择接手其进行中商机的同事。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="253"/>
        <source>Choose the colleague who takes over their customers.</source>
        <translation>请选择接手其客户的同事。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="256"/>
        <source>Choose the pool their customers go back to.</source>
        <translation>请选择其客户要放回的公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="258"/>
        <source>Choose why the customers go back to the pool.</source>
        <translation>请选择放回公海的原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="260"/>
        <source>Please say why in a few words.</source>
        <translation>请简要说明原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="270"/>
        <source>Deactivate {name}? They will no longer be able to sign in.</source>
        <translation>停用{name}？停用后该用户将无法登录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/handover_dialog.py" line="283"/>
        <source>Deactivate {name}?</source>
        <translation>停用{name}？</translation>
    </message>
</context>
<context>
    <name>HandoverWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="40"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="43"/>
        <source>%Ln open deal(s)</source>
        <translation>
            <numerusform>%Ln 个进行中的商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="48"/>
        <source>%Ln customer(s) will go to %1.</source>
        <translation>
            <numerusform>%Ln 个客户将转给%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="51"/>
        <source>%Ln customer(s) will go back to “%1”.</source>
        <translation>
            <numerusform>%Ln 个客户将放回“%1”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="54"/>
        <source>%Ln open deal(s) will go to %1.</source>
        <translation>
            <numerusform>%Ln 个进行中的商机将转给%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="57"/>
        <source>%Ln customer(s) went to %1.</source>
        <translation>
            <numerusform>%Ln 个客户已转给%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="60"/>
        <source>%Ln customer(s) went back to “%1”.</source>
        <translation>
            <numerusform>%Ln 个客户已放回“%1”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/handover_dialog.py" line="63"/>
        <source>%Ln open deal(s) went to %1.</source>
        <translation>
            <numerusform>%Ln 个进行中的商机已转给%1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryQuestions</name>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="42"/>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="43"/>
        <source>Undo the import of %1 (%2)?</source>
        <translation>撤销 %1（%2）的这次导入？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_history.py" line="47"/>
        <source>It removes the %Ln record(s) the import created</source>
        <translation>
            <numerusform>将删除这次导入新建的 %Ln 条记录，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_history.py" line="48"/>
        <source>and restores the %Ln record(s) it changed.</source>
        <translation>
            <numerusform>并恢复它修改过的 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="49"/>
        <source>Records someone changed since are left alone, and listed.</source>
        <translation>导入后又被修改过的记录保持不变，并会逐一列出。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="51"/>
        <source>Undo the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="52"/>
        <source>Keep it</source>
        <translation>保留</translation>
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
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="123"/>
        <source>Import history</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="139"/>
        <source>No imports yet.</source>
        <translation>还没有导入记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="146"/>
        <source>Undo this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="149"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="207"/>
        <location filename="../../crmdesk/views/import_history.py" line="254"/>
        <source>This import was undone already.</source>
        <translation>这次导入已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="209"/>
        <source>Only the person who imported it or an administrator may undo it.</source>
        <translation>只有导入人或管理员可以撤销。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="222"/>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="245"/>
        <source>The undo stopped before the end; undo the import again to finish it.</source>
        <translation>撤销未完成就中止了；请再次撤销这次导入以完成撤销。</translation>
    </message>
</context>
<context>
    <name>ImportHistoryTableModel</name>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="102"/>
        <source>Undone at %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="113"/>
        <source>When</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="113"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="113"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="113"/>
        <source>What</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="113"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="114"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="114"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="114"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_history.py" line="114"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>ImportPreviewTableModel</name>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="171"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
</context>
<context>
    <name>ImportQuestions</name>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="45"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="46"/>
        <source>The import is still running. Stop it?</source>
        <translation>导入仍在进行中。要停止吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="48"/>
        <source>The rows already written stay imported; Import history can undo them.</source>
        <translation>已写入的行会保留；可以在“导入历史”中撤销。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="50"/>
        <source>Stop the import</source>
        <translation>停止导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="51"/>
        <source>Keep importing</source>
        <translation>继续导入</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="69"/>
        <source>Import from a spreadsheet</source>
        <translation>从电子表格导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="93"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="95"/>
        <location filename="../../crmdesk/views/import_wizard.py" line="150"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="98"/>
        <location filename="../../crmdesk/views/import_wizard.py" line="155"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="122"/>
        <source>Step 1 of 5: the file</source>
        <translation>第 1 步（共 5 步）：选择文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="123"/>
        <source>Step 2 of 5: what each column is</source>
        <translation>第 2 步（共 5 步）：字段对应</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="124"/>
        <source>Step 3 of 5: duplicates and owners</source>
        <translation>第 3 步（共 5 步）：重复数据与负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="125"/>
        <source>Step 4 of 5: check the rows</source>
        <translation>第 4 步（共 5 步）：检查数据</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="126"/>
        <source>Step 5 of 5: importing</source>
        <translation>第 5 步（共 5 步）：正在导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="127"/>
        <source>What the import did</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="146"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="148"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_wizard.py" line="152"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="51"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="52"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="53"/>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="54"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="55"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="56"/>
        <source>Payments</source>
        <translation>回款记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="62"/>
        <location filename="../../crmdesk/views/import_words.py" line="90"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="64"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="66"/>
        <source>Deal title</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="68"/>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="70"/>
        <source>Kind of follow-up</source>
        <translation>跟进方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="72"/>
        <source>Contract title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="74"/>
        <source>Contract status</source>
        <translation>合同状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="76"/>
        <location filename="../../crmdesk/views/import_words.py" line="290"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="77"/>
        <location filename="../../crmdesk/views/import_words.py" line="293"/>
        <source>External ID</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="78"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="80"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="81"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="82"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="83"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="84"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="85"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="86"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="87"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="88"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="89"/>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="91"/>
        <source>Contact&apos;s job title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="92"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="93"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="94"/>
        <location filename="../../crmdesk/views/import_words.py" line="292"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="95"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="96"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="97"/>
        <location filename="../../crmdesk/views/import_words.py" line="326"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="98"/>
        <source>Customer&apos;s external ID</source>
        <translation>客户外部编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="99"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="100"/>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="101"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="102"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="103"/>
        <source>Time of the follow-up</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="104"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="105"/>
        <source>Written by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="106"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="107"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="108"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="109"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="110"/>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="111"/>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="112"/>
        <location filename="../../crmdesk/views/import_words.py" line="113"/>
        <location filename="../../crmdesk/views/import_words.py" line="294"/>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="115"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="116"/>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="117"/>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="118"/>
        <source>Received on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="119"/>
        <source>Payment method</source>
        <translation>回款方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="120"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="121"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="128"/>
        <source>required, but empty</source>
        <translation>必填，但为空</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="129"/>
        <source>too long: at most {limit} characters</source>
        <translation>过长：最多 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="130"/>
        <source>contains a control character that cannot be stored</source>
        <translation>包含无法保存的控制字符</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="131"/>
        <source>not a date (write it like 2024-03-05)</source>
        <translation>不是有效的日期（请写成 2024-03-05 这样的格式）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="132"/>
        <source>not a phone number (5 to 20 digits)</source>
        <translation>不是有效的电话号码（应为 5 到 20 位数字）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="133"/>
        <source>not an e-mail address (like name@example.com)</source>
        <translation>不是有效的邮箱地址（例如 name@example.com）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="134"/>
        <source>not an amount (like 1234.50, ¥1,234.50 or 1.2万)</source>
        <translation>不是有效的金额（例如 1234.50、¥1,234.50 或 1.2万）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="135"/>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="136"/>
        <source>not a percentage from 0 to 100 (like 60%, 60 or 0.6)</source>
        <translation>不是 0 到 100 之间的百分比（如 60%、60 或 0.6）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="137"/>
        <source>not a level (A, B or C)</source>
        <translation>不是有效的级别（A、B 或 C）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="138"/>
        <source>not a status (lead, prospect, customer or lost)</source>
        <translation>不是有效的状态（线索、意向客户、成交客户或已流失）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="139"/>
        <source>not a kind of follow-up (call, visit, WeChat, e-mail or note)</source>
        <translation>不是有效的跟进方式（电话、拜访、微信、邮件或备注）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="140"/>
        <source>write yes or no</source>
        <translation>请填写“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="141"/>
        <source>no user is called “{value}”</source>
        <translation>没有名为“{value}”的用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="142"/>
        <source>you may not give records to “{value}”</source>
        <translation>你无权把记录分配给“{value}”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="143"/>
        <source>several users are called “{value}”; write their login</source>
        <translation>有多个用户名为“{value}”；请填写其登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="145"/>
        <source>the file names too many people nobody is called (at most 200 new users); check the column</source>
        <translation>文件中不存在的用户名过多（最多新建 200 个用户）；请检查该列</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="148"/>
        <source>the stage “{value}” is not matched to one of ours</source>
        <translation>阶段“{value}”未对应到本系统的阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="150"/>
        <source>not a contract status (draft, active, completed or terminated)</source>
        <translation>不是有效的合同状态（草稿、执行中、已完成或已终止）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="152"/>
        <source>not a payment method (bank transfer, cash, cheque or online)</source>
        <translation>不是有效的回款方式（银行转账、现金、支票或在线支付）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="153"/>
        <source>before the contract starts</source>
        <translation>早于合同开始日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="155"/>
        <source>above the approval limit: a manager approves activating it (import it as a draft)</source>
        <translation>超过审批上限：须经主管审批才能生效（请以草稿状态导入）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="157"/>
        <source>a day still to come</source>
        <translation>是未来的日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="158"/>
        <source>more than the contract can hold</source>
        <translation>超出合同可记录的金额上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="159"/>
        <source>this value cannot be stored</source>
        <translation>此值无法保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="160"/>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="161"/>
        <source>cannot be zero</source>
        <translation>不能为零</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="162"/>
        <source>must be after the time of the follow-up</source>
        <translation>必须晚于跟进时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="164"/>
        <source>the deal waits for a manager&apos;s approval; it was left as it is</source>
        <translation>该商机正在等待主管审批，已保持不变</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="166"/>
        <source>this value cannot be imported</source>
        <translation>此值无法导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="170"/>
        <source>The same as row {value} above; only the first is imported.</source>
        <translation>与上方第 {value} 行重复；只导入最先出现的一行。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="172"/>
        <source>Already in the database; skipped.</source>
        <translation>数据库中已存在；已跳过。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="173"/>
        <source>The same as row {value} above; skipped.</source>
        <translation>与上方第 {value} 行重复；已跳过。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="174"/>
        <source>The customer already has the most contacts it may have; this row&apos;s contact was not added.</source>
        <translation>该客户的联系人已达上限；此行的联系人未添加。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="176"/>
        <source>Already in the database, and not yours to change.</source>
        <translation>数据库中已存在，且你无权修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="177"/>
        <source>No customer is called “{value}”.</source>
        <translation>没有名为“{value}”的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="179"/>
        <source>Several customers are called “{value}”; give the customer&apos;s external ID.</source>
        <translation>有多个客户名为“{value}”；请填写客户外部编号。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="181"/>
        <source>No contract you may see has the number “{value}”.</source>
        <translation>你可查看的合同中没有编号为“{value}”的合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="182"/>
        <source>The contract “{value}” is a draft: it takes no money until it is signed.</source>
        <translation>合同“{value}”是草稿：签订生效前不能登记回款。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="184"/>
        <source>Another contract has the number “{value}”; leave the number empty to have one given.</source>
        <translation>已有其他合同使用编号“{value}”；请将编号留空，由系统自动生成。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="186"/>
        <source>The customer has no deal “{value}”.</source>
        <translation>该客户没有商机“{value}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="187"/>
        <source>The customer has several deals called “{value}”; give the deal&apos;s external ID.</source>
        <translation>该客户有多个名为“{value}”的商机；请填写商机的外部编号。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="189"/>
        <source>Already in the database with these values; nothing to change.</source>
        <translation>数据库中已存在且内容相同；无需更改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="191"/>
        <source>A totals row (“{value}”): not a record; skipped.</source>
        <translation>合计行（“{value}”）：不是记录；已跳过。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="192"/>
        <source>This row cannot be imported.</source>
        <translation>该行无法导入。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="197"/>
        <source>A required value is empty</source>
        <translation>必填项为空</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="198"/>
        <source>A value is too long</source>
        <translation>内容过长</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="199"/>
        <source>A value has a control character</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="200"/>
        <source>Not a date</source>
        <translation>日期无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="201"/>
        <source>Not a phone number</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="202"/>
        <source>Not an e-mail address</source>
        <translation>邮箱地址无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="203"/>
        <source>Not an amount</source>
        <translation>金额无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="204"/>
        <source>Not a number</source>
        <translation>数字无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="205"/>
        <source>Not a percentage</source>
        <translation>百分比无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="206"/>
        <source>Not a level</source>
        <translation>级别无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="207"/>
        <source>Not a status</source>
        <translation>状态无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="208"/>
        <source>Not a kind of follow-up</source>
        <translation>跟进方式无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="209"/>
        <source>Not yes or no</source>
        <translation>不是“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="210"/>
        <source>Repeated in the file</source>
        <translation>文件内重复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="211"/>
        <source>Already in the database</source>
        <translation>数据库中已存在</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="212"/>
        <source>Repeats an earlier row</source>
        <translation>与前面的行重复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="213"/>
        <source>The customer has too many contacts</source>
        <translation>客户联系人过多</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="214"/>
        <source>Several users of that name</source>
        <translation>有多个同名用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="215"/>
        <source>Too many new users</source>
        <translation>新用户过多</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="216"/>
        <source>Already in the database, not yours to change</source>
        <translation>数据库中已存在，且无权修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="217"/>
        <source>Owner unknown</source>
        <translation>负责人不存在</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="218"/>
        <source>Owner you may not assign to</source>
        <translation>无权分配给该负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="219"/>
        <source>Stage not matched</source>
        <translation>阶段未对应</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="220"/>
        <source>Customer not found</source>
        <translation>找不到客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="221"/>
        <source>Several customers of that name</source>
        <translation>有多个同名客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="222"/>
        <source>Not a contract status</source>
        <translation>合同状态无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="223"/>
        <source>Not a payment method</source>
        <translation>回款方式无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="224"/>
        <source>Ends before it starts</source>
        <translation>结束日期早于开始日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="225"/>
        <source>Needs a manager&apos;s approval</source>
        <translation>需主管审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="226"/>
        <source>Dated in the future</source>
        <translation>日期在未来</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="227"/>
        <source>Too much for the contract</source>
        <translation>超出合同金额上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="228"/>
        <source>Contract not found</source>
        <translation>找不到合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="229"/>
        <source>Contract still a draft</source>
        <translation>合同仍是草稿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="230"/>
        <source>Contract number taken</source>
        <translation>合同编号已被使用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="231"/>
        <source>Deal not found</source>
        <translation>找不到商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="232"/>
        <source>Several deals of that title</source>
        <translation>有多个同名商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="233"/>
        <source>A value cannot be stored</source>
        <translation>有值无法保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="234"/>
        <source>Negative amount</source>
        <translation>金额为负数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="235"/>
        <source>Amount of zero</source>
        <translation>金额为零</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="236"/>
        <source>Next follow-up not after the follow-up</source>
        <translation>下次跟进不晚于本次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="237"/>
        <source>Deal awaiting approval</source>
        <translation>商机待审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="238"/>
        <source>Already in the database, unchanged</source>
        <translation>数据库中已存在，无变化</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="239"/>
        <source>Totals row</source>
        <translation>合计行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="257"/>
        <source>The file is not there any more. Choose it again.</source>
        <translation>文件已不存在。请重新选择。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="259"/>
        <source>The file cannot be opened: it may be open in another program (Excel locks the files it has open), or you may not read it. Close it there and try again.</source>
        <translation>无法打开文件：文件可能正在其他程序中打开（Excel 会锁定它打开的文件），或你没有读取权限。请在该程序中关闭文件后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="263"/>
        <source>This is not a spreadsheet crmdesk can read. Save it from Excel as .xlsx (or .xls, .ods, .csv) and choose that file.</source>
        <translation>这不是 crmdesk 能读取的表格文件。请在 Excel 中另存为 .xlsx（或 .xls、.ods、.csv）格式，再选择该文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="267"/>
        <source>The file is damaged and cannot be read. Open it in Excel, save it again as .xlsx and choose the new file.</source>
        <translation>文件已损坏，无法读取。请在 Excel 中打开，重新另存为 .xlsx，再选择新文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="271"/>
        <source>The file is protected by a password. Open it in Excel, remove the password, save it and choose it again.</source>
        <translation>文件设有密码保护。请在 Excel 中打开并取消密码，保存后重新选择。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="274"/>
        <source>The file has no data in any of its sheets.</source>
        <translation>文件的所有工作表中都没有数据。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="275"/>
        <source>The file has no sheet called “{sheet}”. Choose another sheet.</source>
        <translation>文件中没有名为“{sheet}”的工作表。请选择其他工作表。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="277"/>
        <source>Row {row} is empty or past the end of the sheet. Choose the row with the column titles.</source>
        <translation>第 {row} 行是空行或已超出工作表末尾。请选择列标题所在的行。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="281"/>
        <source>Row {row} has fewer than 2 column titles: it looks like a title, not the row of column titles. Choose the row with the column titles.</source>
        <translation>第 {row} 行的列标题不足 2 个：它看起来是表格标题，而不是列标题行。请选择列标题所在的行。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="284"/>
        <source>The file cannot be read. Save it again as .xlsx and retry.</source>
        <translation>无法读取文件。请重新另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="291"/>
        <source>Phone or mobile</source>
        <translation>电话或手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="295"/>
        <source>Contract, day, amount and reference</source>
        <translation>合同、日期、金额和参考号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="296"/>
        <source>Do not look for duplicates</source>
        <translation>不查重</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="302"/>
        <source>Skip the row</source>
        <translation>跳过该行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="303"/>
        <source>The record in crmdesk stays as it is; the row is not imported.</source>
        <translation>crmdesk 中的记录保持不变，该行不导入。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="304"/>
        <source>Fill empty fields</source>
        <translation>补全空白字段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="305"/>
        <source>The record keeps its values; its empty fields get the row&apos;s.</source>
        <translation>记录保留原有的值，只用该行的值填入空白字段。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="306"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="307"/>
        <source>The record takes every value the row has for a chosen column.</source>
        <translation>用该行在已对应各列中的值覆盖记录（空白单元格除外）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="309"/>
        <source>Create anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="310"/>
        <source>A new record is made beside the one already there.</source>
        <translation>在已有记录之外再新建一条记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="315"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="316"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="317"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="318"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="319"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="320"/>
        <source>Undo not finished</source>
        <translation>撤销未完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="321"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="327"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="114"/>
        <location filename="../../crmdesk/views/import_words.py" line="328"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="329"/>
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="330"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="331"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="332"/>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="338"/>
        <source>changed since the import</source>
        <translation>导入后已被修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="339"/>
        <source>has deals, contracts, contacts or follow-ups added since</source>
        <translation>此后新增了商机、合同、联系人或跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="340"/>
        <source>owns customers or deals now</source>
        <translation>现已负责客户或商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="341"/>
        <source>no longer yours to change</source>
        <translation>你已无权修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="346"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="349"/>
        <source>%Ln with errors</source>
        <translation>
            <numerusform>%Ln 行有错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="352"/>
        <source>%Ln duplicate(s) in the file</source>
        <translation>
            <numerusform>文件内重复 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="355"/>
        <source>%Ln repeat(s) an earlier row: skipped</source>
        <translation>
            <numerusform>%Ln 行与前面的行重复：已跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="358"/>
        <source>%Ln repeat(s) an earlier row: update(s) what it imports</source>
        <translation>
            <numerusform>%Ln 行与前面的行重复：将更新前一行导入的记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="361"/>
        <source>%Ln totals row(s) skipped</source>
        <translation>
            <numerusform>跳过 %Ln 个合计行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="365"/>
        <source>%Ln cell(s) to leave empty</source>
        <translation>
            <numerusform>%Ln 个单元格将留空</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="369"/>
        <source>%Ln cell(s) were left empty:</source>
        <translation>
            <numerusform>%Ln 个单元格已留空：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="374"/>
        <source>{problem} — the row will be imported with this cell empty</source>
        <translation>{problem}——该行将导入，此单元格留空</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="375"/>
        <source>{problem} — the row was imported with this cell empty</source>
        <translation>{problem}——该行已导入，此单元格留空</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="378"/>
        <source>%Ln row(s) were given to you: their owner is no user (%1).</source>
        <translation>
            <numerusform>%Ln 行已分配给你：其负责人不是系统用户（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="383"/>
        <source>%Ln user(s) were created: %1.</source>
        <translation>
            <numerusform>已新建 %Ln 个用户：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="386"/>
        <source>%Ln empty row(s) skipped</source>
        <translation>
            <numerusform>跳过 %Ln 个空行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="389"/>
        <source>Import %Ln row(s)</source>
        <translation>
            <numerusform>导入 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="392"/>
        <source>Removed %Ln record(s) the import created.</source>
        <translation>
            <numerusform>已删除这次导入新建的 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="395"/>
        <source>Restored %Ln record(s) it had changed.</source>
        <translation>
            <numerusform>已恢复这次导入修改过的 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="398"/>
        <source>Left %Ln record(s) alone:</source>
        <translation>
            <numerusform>%Ln 条记录未撤销：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_words.py" line="401"/>
        <source>Row %1 looks like a title, not column titles: most columns would have no name. Choose the row with the column titles if it is another one.</source>
        <translation>第 %1 行看起来是表格标题，而不是列标题：大多数列将没有名称。如果列标题在其他行，请选择那一行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="406"/>
        <source>and %Ln more.</source>
        <translation>
            <numerusform>还有 %Ln 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="409"/>
        <source>about %n s left</source>
        <translation>
            <numerusform>还剩约 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/import_words.py" line="412"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>还剩约 %n 分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="328"/>
        <source>Number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="328"/>
        <source>Issued on</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="328"/>
        <location filename="../../crmdesk/views/contract_payments.py" line="336"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="328"/>
        <location filename="../../crmdesk/views/contract_payments.py" line="338"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="329"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="333"/>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="339"/>
        <source>Add invoice</source>
        <translation>添加发票</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="343"/>
        <source>Add an invoice</source>
        <translation>登记发票</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="358"/>
        <source>Invoices are recorded once the contract is signed: activate it first.</source>
        <translation>合同签订后才能登记发票：请先提交生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="371"/>
        <source>Invoiced {total} of {amount}</source>
        <translation>已开票 {total} / {amount}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="14"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="15"/>
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="16"/>
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="17"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="23"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="24"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="25"/>
        <location filename="../../crmdesk/views/labels.py" line="132"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="26"/>
        <location filename="../../crmdesk/views/labels.py" line="123"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="27"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="33"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="34"/>
        <source>Assigned</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="35"/>
        <source>Transferred</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="36"/>
        <source>Claimed from the pool</source>
        <translation>从公海领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="37"/>
        <source>Released to the pool</source>
        <translation>放回公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="38"/>
        <source>Recycled to the pool</source>
        <translation>回收到公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="39"/>
        <source>Moved to another pool</source>
        <translation>转移到其他公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="40"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="41"/>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="49"/>
        <source>Handover (rep leaving or changing territory)</source>
        <translation>交接（销售离职或调整区域）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="52"/>
        <source>Rebalancing workload</source>
        <translation>平衡工作量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="53"/>
        <source>Customer&apos;s request</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="54"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="55"/>
        <source>No need at present</source>
        <translation>暂无需求</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="56"/>
        <source>Cannot be reached</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="57"/>
        <source>Went with a competitor</source>
        <translation>已选择竞争对手</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="58"/>
        <source>Wrong or invalid information</source>
        <translation>信息错误或无效</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="59"/>
        <source>No follow-up in time</source>
        <translation>超期未跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="60"/>
        <source>Not won in time</source>
        <translation>超期未成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="100"/>
        <source>Sales rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="101"/>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="102"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="103"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="109"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="110"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="111"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="112"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="113"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="114"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="115"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="116"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="117"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="118"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="119"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="120"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="121"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="122"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="124"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="125"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="126"/>
        <location filename="../../crmdesk/views/labels.py" line="140"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="127"/>
        <source>Reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="128"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="129"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="130"/>
        <source>Time of the follow-up</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="131"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="133"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="134"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="135"/>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="136"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="137"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="138"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="139"/>
        <source>Locked customers</source>
        <translation>锁定客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="141"/>
        <source>Release reasons</source>
        <translation>放回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="142"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="143"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="144"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="94"/>
        <source>The file is open in another program (Excel?). Close it there, or choose another name, and export again.</source>
        <translation>文件正在其他程序（Excel？）中打开。请先在该程序中关闭文件，或换一个文件名，再重新导出。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="99"/>
        <source>This folder or file may not be written. Choose another folder, such as Documents.</source>
        <translation>没有写入该文件夹或文件的权限。请选择其他文件夹，例如“文档”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="103"/>
        <source>The folder does not exist any more. Choose another folder.</source>
        <translation>文件夹已不存在。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="106"/>
        <source>The disk is full. Free some space or choose another drive.</source>
        <translation>磁盘已满。请清理空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="112"/>
        <source>The file could not be written. Details are in the log file.</source>
        <translation>无法写入文件。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="118"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="310"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
</context>
<context>
    <name>ListExporter</name>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="145"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="147"/>
        <source>Save the list as shown (columns, filters, order) as an Excel workbook</source>
        <translation>按当前显示（列、筛选、排序）将列表保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="173"/>
        <location filename="../../crmdesk/views/list_export.py" line="265"/>
        <location filename="../../crmdesk/views/list_export.py" line="285"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="174"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="219"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="219"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="247"/>
        <source>Exporting… %1 of %2 rows</source>
        <translation>正在导出… %1 / %2 行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/list_export.py" line="266"/>
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>已导出 %Ln 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="269"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_export.py" line="278"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出；未生成文件。</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../crmdesk/views/list_panel.py" line="121"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_panel.py" line="123"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/list_panel.py" line="125"/>
        <source>Count all</source>
        <translation>统计全部</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/list_panel.py" line="132"/>
        <source>%Ln selected</source>
        <translation>
            <numerusform>已选 %Ln 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="32"/>
        <location filename="../../crmdesk/views/login_dialog.py" line="50"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="37"/>
        <source>Sign in to {database}</source>
        <translation>登录 {database}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="41"/>
        <source>Your login name</source>
        <translation>你的登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="46"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="47"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="78"/>
        <source>Enter your login name.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/login_dialog.py" line="82"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="264"/>
        <source>Deal lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="267"/>
        <source>Why was “%1” lost?</source>
        <translation>“%1”为什么输单？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="272"/>
        <source>(choose a reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="277"/>
        <source>What happened (required for “Other”)</source>
        <translation>具体情况（原因为“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="278"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="279"/>
        <source>Details:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="288"/>
        <source>Choose why the deal was lost.</source>
        <translation>请选择输单原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="290"/>
        <source>Say in a few words what happened.</source>
        <translation>请简要说明具体情况。</translation>
    </message>
</context>
<context>
    <name>LostReasonsTab</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="51"/>
        <source>A rep chooses one of the active reasons when a deal is lost. A reason is turned off, never deleted: lost deals still name it. Changes here take effect at once.</source>
        <translation>商机输单时，销售从启用的原因中选择一个。原因只会停用，不会删除：已输单的商机仍会显示它。这里的修改立即生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="73"/>
        <source>Turned on the lost reason “%1”.</source>
        <translation>已启用输单原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="74"/>
        <source>Turned off the lost reason “%1”.</source>
        <translation>已停用输单原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="69"/>
        <source>Added the lost reason “%1”.</source>
        <translation>已添加输单原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="77"/>
        <source>“%1” always stays on: a rep can always say in their own words why a deal was lost.</source>
        <translation>“%1”始终启用：销售总可以用自己的话说明输单原因。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="66"/>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="95"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="96"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="97"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="98"/>
        <source>Pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="99"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="100"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="101"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="102"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="103"/>
        <source>Work reports</source>
        <translation>工作报告</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pages.py" line="104"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/window_roles.py" line="22"/>
        <source>crmdesk — {name} @ {database}</source>
        <translation>crmdesk — {name} @ {database}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="100"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="106"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="109"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="113"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="116"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="119"/>
        <source>Manage &amp;tags…</source>
        <translation>管理标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="121"/>
        <source>&amp;Pools…</source>
        <translation>公海设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="124"/>
        <source>Release &amp;reasons and caps…</source>
        <translation>放回原因和上限(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="128"/>
        <source>Pipeline &amp;settings…</source>
        <translation>销售流程设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="131"/>
        <source>&amp;Contract settings…</source>
        <translation>合同设置(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="134"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="137"/>
        <source>Import &amp;history…</source>
        <translation>导入历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="140"/>
        <source>Export &amp;follow-ups…</source>
        <translation>导出跟进记录(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="143"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="146"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="149"/>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="158"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="168"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="169"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="174"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="176"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="181"/>
        <source>&amp;Pipeline</source>
        <translation>销售漏斗(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="186"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="194"/>
        <location filename="../../crmdesk/views/main_window.py" line="223"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="231"/>
        <source>Waiting for sign-in…</source>
        <translation>等待登录…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="106"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="106"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="106"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="112"/>
        <source>The file&apos;s stages and the stage each becomes here (rows of a stage not matched are not imported):</source>
        <translation>文件中的阶段及其对应的本系统阶段（未对应阶段的行不会导入）：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="118"/>
        <source>Stage in the file</source>
        <translation>文件中的阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="118"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="118"/>
        <source>Our stage</source>
        <translation>本系统阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="131"/>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="163"/>
        <source>Reading the columns…</source>
        <translation>正在读取各列…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="190"/>
        <source>Using the mapping you saved for this layout of columns.</source>
        <translation>已沿用你上次为这组列保存的字段对应。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="192"/>
        <source>Suggested from the column titles; check each one.</source>
        <translation>已根据列标题自动对应，请逐一核对。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="202"/>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="210"/>
        <source>— don&apos;t import —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="261"/>
        <source>Choose a column for: %1.</source>
        <translation>请为以下字段选择列：%1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="266"/>
        <source>%1 is chosen for more than one column (%2); keep one.</source>
        <translation>“%1”对应了多列（%2），请只保留一列。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_mapping_page.py" line="293"/>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
</context>
<context>
    <name>MonthlyPanel</name>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="231"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="276"/>
        <location filename="../../crmdesk/views/report_panels.py" line="295"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="280"/>
        <source>Nothing to show for this period.</source>
        <translation>本期没有可显示的数据。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="285"/>
        <source>No target set for these months</source>
        <translation>这几个月未设置目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="287"/>
        <source>Dashed line: the target</source>
        <translation>虚线：目标</translation>
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
    <name>MoveFlow</name>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="114"/>
        <source>Sent for approval: the deal enters %1 once a manager approves.</source>
        <translation>已提交审批：主管通过后，商机将进入“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="129"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="128"/>
        <source>Create the contract for this deal now?</source>
        <translation>现在为该商机创建合同吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="127"/>
        <source>Create the contract for “%1” now?</source>
        <translation>现在为“%1”创建合同吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="133"/>
        <source>It starts with the deal&apos;s customer, products and amount; you can change them before saving.</source>
        <translation>将自动带入商机的客户、产品和金额，保存前可以修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="135"/>
        <source>Create contract…</source>
        <translation>创建合同…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="137"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="169"/>
        <source>Won. Well done!</source>
        <translation>已赢单，干得好！</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="171"/>
        <source>Marked as lost.</source>
        <translation>已标记为输单。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="174"/>
        <source>Moved back to %1.</source>
        <translation>已退回“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="174"/>
        <source>Moved on to %1.</source>
        <translation>已推进到“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="204"/>
        <source>Not yet</source>
        <translation>暂不能推进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="205"/>
        <source>“%1” cannot enter %2 yet. It still needs: %3. Open the deal to add it.</source>
        <translation>“%1”还不能进入“%2”，尚缺：%3。请打开商机补充。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_flow.py" line="208"/>
        <source>Open the deal</source>
        <translation>打开商机</translation>
    </message>
</context>
<context>
    <name>MyReportPanel</name>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="37"/>
        <source>My report</source>
        <translation>我的报告</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="59"/>
        <source>Counted by the program; stored with each save.</source>
        <translation>由程序自动统计；每次保存时一并记录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="76"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="77"/>
        <source>Show the report as saved; what you typed is lost</source>
        <translation>显示已保存的报告；你刚输入的内容将丢失</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="80"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="81"/>
        <location filename="../../crmdesk/views/work_report_editor.py" line="231"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="104"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="105"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="106"/>
        <source>Visits</source>
        <translation>拜访次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="107"/>
        <source>Deals created</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="108"/>
        <source>Deals moved</source>
        <translation>推进商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="109"/>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="110"/>
        <source>Payments received</source>
        <translation>回款额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="115"/>
        <source>This week&apos;s work</source>
        <translation>本周工作</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="115"/>
        <location filename="../../crmdesk/views/work_report_editor.py" line="117"/>
        <source>Problems</source>
        <translation>遇到的问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="116"/>
        <source>Plan for next week</source>
        <translation>下周计划</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="117"/>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="118"/>
        <source>Plan for tomorrow</source>
        <translation>明日计划</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="147"/>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1过长：最多 %2 个字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="150"/>
        <source>%1 contains a character that cannot be stored.</source>
        <translation>%1包含无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="153"/>
        <source>Write what you did (or a problem or a plan) before submitting.</source>
        <translation>提交前请先填写工作内容（或遇到的问题、计划）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="155"/>
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="187"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="218"/>
        <source>Not written yet.</source>
        <translation>尚未填写。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="220"/>
        <source>Draft saved at %1; not submitted yet.</source>
        <translation>草稿已于 %1 保存；尚未提交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="224"/>
        <source>Submitted at %1.</source>
        <translation>已于 %1 提交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="226"/>
        <source>Edited since, at %1.</source>
        <translation>之后于 %1 修改过。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_editor.py" line="231"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="73"/>
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="76"/>
        <source>A new password for {name} ({login}). They must change it when they next sign in.</source>
        <translation>为{name}（{login}）设置新密码。该用户下次登录时必须修改密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="85"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="86"/>
        <source>Again</source>
        <translation>确认新密码</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <location filename="../../crmdesk/app.py" line="331"/>
        <source>The server asks for this connection&apos;s password: enter it.</source>
        <translation>服务器要求提供此连接的密码，请输入。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/server_opening.py" line="181"/>
        <source>No database is open. Quit crmdesk?</source>
        <translation>没有打开任何数据库。要退出 crmdesk 吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/server_opening.py" line="183"/>
        <source>crmdesk needs a database to work in. Choose Back to pick a connection, or Quit to close the program.</source>
        <translation>crmdesk 需要一个数据库才能工作。选择“返回”以选择连接，或选择“退出”关闭程序。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/server_opening.py" line="190"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/server_opening.py" line="193"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="75"/>
        <source>Rows already in crmdesk</source>
        <translation>crmdesk 中已有的记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="94"/>
        <source>Find them by:</source>
        <translation>查重依据：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="95"/>
        <source>When a row matches one:</source>
        <translation>某行与已有记录重复时：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="97"/>
        <source>A row repeating an earlier row of the file is never imported twice; the preview marks it.</source>
        <translation>文件中与前面某行重复的行不会重复导入；预览中会标出。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="102"/>
        <location filename="../../crmdesk/views/import_options_page.py" line="201"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="105"/>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="106"/>
        <source>Into a pool:</source>
        <translation>放入公海：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="120"/>
        <source>A name no user has:</source>
        <translation>找不到对应用户时：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="128"/>
        <source>Create the customers the file names that are not in crmdesk yet</source>
        <translation>文件中的客户在 crmdesk 中不存在时，自动新建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="133"/>
        <source>Dates are written day first (05/03/2024 is 5 March 2024)</source>
        <translation>日期按“日在前”书写（05/03/2024 表示 2024 年 3 月 5 日）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="137"/>
        <source>Import rows with a bad optional cell, leaving that cell empty</source>
        <translation>非必填列的值无法识别时，仍导入该行并将该单元格留空</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="141"/>
        <source>A date, level, status, phone, e-mail, amount or yes/no crmdesk cannot read in a column that is not required: the row is imported without it, and the summary and the error report say which cells were left empty</source>
        <translation>非必填列中 crmdesk 无法识别的日期、级别、状态、电话、邮箱、金额或是/否：该行照常导入但不含此值，导入结果和错误报告会列出留空的单元格</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="147"/>
        <source>Values</source>
        <translation>数据处理</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="188"/>
        <source>From the column “%1”</source>
        <translation>取自“%1”列</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="190"/>
        <source>From a column of the file (none is chosen for it)</source>
        <translation>取自文件中的某列（尚未选择对应的列）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="197"/>
        <source>Owner of the customers the import creates</source>
        <translation>导入新建的客户的负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="199"/>
        <source>Written by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="208"/>
        <source>Create the user</source>
        <translation>新建该用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="209"/>
        <source>Assign the row to me</source>
        <translation>将该行分配给我</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="210"/>
        <source>Do not import the row</source>
        <translation>不导入该行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_options_page.py" line="245"/>
        <source>No pool you may import into</source>
        <translation>没有你可以导入的公海</translation>
    </message>
</context>
<context>
    <name>OwnerOnlyWords</name>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="45"/>
        <source>Only the customer&apos;s owner, their manager or an administrator may do this: the selected customers are only shared with you.</source>
        <translation>只有客户的负责人、其主管或管理员可以这样做：选中的客户只是与你共享。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="51"/>
        <source>Only the owner (%1) or a manager can release %2 to the pool.</source>
        <translation>只有负责人（%1）或主管可以将%2放回公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="52"/>
        <source>Only the owner (%1) or a manager can lock or unlock %2.</source>
        <translation>只有负责人（%1）或主管可以锁定或解锁%2。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="53"/>
        <source>Only the owner (%1) or a manager can hand %2 to someone else.</source>
        <translation>只有负责人（%1）或主管可以将%2转给他人。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="54"/>
        <source>Only the owner (%1) or a manager can change the tags of %2.</source>
        <translation>只有负责人（%1）或主管可以修改%2的标签。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="55"/>
        <source>Only the owner (%1) or a manager can delete %2.</source>
        <translation>只有负责人（%1）或主管可以删除%2。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="62"/>
        <source>No customers of your own yet. %Ln customer(s) shared with you are under “Shared with me”.</source>
        <translation>
            <numerusform>你名下还没有客户。有 %Ln 个客户与你共享，见“我协作的客户”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="71"/>
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="72"/>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
</context>
<context>
    <name>PageContext</name>
    <message>
        <location filename="../../crmdesk/views/context.py" line="159"/>
        <source>Saved before the connection dropped.</source>
        <translation>已在连接断开前保存。</translation>
    </message>
</context>
<context>
    <name>PasswordDialogs</name>
    <message>
        <location filename="../../crmdesk/views/password_dialogs.py" line="44"/>
        <source>The two passwords are not the same: type the new one again.</source>
        <translation>两次输入的密码不一致：请重新输入新密码。</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="66"/>
        <source>Type it again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="67"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="68"/>
        <source>Make up a strong password and show it</source>
        <translation>生成一个高强度密码并显示出来</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="70"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="119"/>
        <source>Received on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="119"/>
        <location filename="../../crmdesk/views/contract_payments.py" line="132"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="119"/>
        <source>Method</source>
        <translation>回款方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="120"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="120"/>
        <source>Applied to</source>
        <translation>对应期次</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="120"/>
        <source>Credit</source>
        <translation>计入余额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="121"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="121"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="125"/>
        <source>Void payment…</source>
        <translation>作废回款…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="137"/>
        <source>Reference (bank slip, cheque no.)</source>
        <translation>参考号（银行流水号、支票号）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="139"/>
        <source>Record payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="144"/>
        <source>Record a payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="151"/>
        <source>Apply to</source>
        <translation>对应期次</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="166"/>
        <source>Payments are recorded once the contract is signed: activate it first.</source>
        <translation>合同签订后才能登记回款：请先提交生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="180"/>
        <source>#{n}: {amount}</source>
        <translation>第 {n} 期：{amount}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="186"/>
        <source>{amount} (void)</source>
        <translation>{amount}（已作废）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="204"/>
        <source>Received {received} of {amount} · outstanding {outstanding}</source>
        <translation>已回款 {received} / {amount} · 待回款 {outstanding}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="210"/>
        <source> · credit {credit}</source>
        <translation> · 余额 {credit}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="217"/>
        <source>The plan, in due order</source>
        <translation>按回款计划顺序冲抵</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="221"/>
        <source>#{n} due {day}: {left} outstanding</source>
        <translation>第 {n} 期（{day} 到期）：待回款 {left}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="278"/>
        <source>Recorded a payment of {amount}.</source>
        <translation>已登记回款 {amount}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_payments.py" line="307"/>
        <source>Voided the payment of {amount}.</source>
        <translation>已作废回款 {amount}。</translation>
    </message>
</context>
<context>
    <name>PeriodCombo</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_filters.py" line="15"/>
        <source>Any close date</source>
        <translation>预计成交日期不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_filters.py" line="16"/>
        <source>Close date passed</source>
        <translation>已过预计成交日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_filters.py" line="17"/>
        <source>Closing this month</source>
        <translation>预计本月成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_filters.py" line="18"/>
        <source>Closing next month</source>
        <translation>预计下月成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_filters.py" line="19"/>
        <source>Closing this quarter</source>
        <translation>预计本季度成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_filters.py" line="20"/>
        <source>Closing in 90 days</source>
        <translation>预计 90 天内成交</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="67"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="71"/>
        <source>Search deals or customers</source>
        <translation>搜索商机或客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="77"/>
        <source>My deals</source>
        <translation>我的商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="77"/>
        <source>My team&apos;s deals</source>
        <translation>我团队的商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="78"/>
        <source>All deals</source>
        <translation>全部商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="85"/>
        <location filename="../../crmdesk/views/pipeline_page.py" line="241"/>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="90"/>
        <source>Stale only</source>
        <translation>只看停滞</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="91"/>
        <source>Deals that stayed in their stage too long</source>
        <translation>在当前阶段停留过久的商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="93"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="97"/>
        <source>New deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="100"/>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="101"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="123"/>
        <source>Drop here: Won</source>
        <translation>拖到这里：赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="124"/>
        <source>Drop here: Lost</source>
        <translation>拖到这里：输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="144"/>
        <source>No deal matches these filters.</source>
        <translation>没有符合筛选条件的商机。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="162"/>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="175"/>
        <source>Pipeline:</source>
        <translation>销售流程：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="258"/>
        <source>No pipeline</source>
        <translation>没有销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_page.py" line="259"/>
        <source>There is no pipeline yet: an administrator sets one up in Pipeline settings.</source>
        <translation>还没有销售流程：请管理员在“销售流程设置”中创建。</translation>
    </message>
</context>
<context>
    <name>PipelineSettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="57"/>
        <source>Pipeline settings</source>
        <translation>销售流程设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="81"/>
        <source>New pipeline</source>
        <translation>新建销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="61"/>
        <source>A pipeline is never deleted: turn it off to stop new deals using it.</source>
        <translation>销售流程不会被删除：停用后，新商机就不能再使用它。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="77"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="77"/>
        <source>Lost reasons</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="78"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="65"/>
        <source>Saves the pipeline. Lost reasons and products are saved as you change them.</source>
        <translation>保存销售流程。输单原因和产品在修改时即已保存。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="90"/>
        <source>On: new deals may use this pipeline</source>
        <translation>启用：新商机可以使用这个销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="92"/>
        <source>Pipeline name</source>
        <translation>流程名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="98"/>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="100"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="102"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="104"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="137"/>
        <source>First contact</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="138"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="139"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="151"/>
        <source>(no name yet)</source>
        <translation>（尚未命名）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="244"/>
        <source>Saved the pipeline “{name}”.</source>
        <translation>已保存销售流程“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="307"/>
        <source>Discard your changes to this pipeline?</source>
        <translation>放弃对这个销售流程的修改吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="309"/>
        <source>Discard the product you typed?</source>
        <translation>放弃你输入的产品吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_dialog.py" line="311"/>
        <source>Discard the lost reason you typed?</source>
        <translation>放弃你输入的输单原因吗？</translation>
    </message>
</context>
<context>
    <name>PipelineSettingsWords</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="410"/>
        <source>{who} saved this pipeline at {at}, after you opened it.</source>
        <translation>你打开后，{who} 在 {at} 保存了这个销售流程。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="411"/>
        <source>{who} saved this pipeline after you opened it.</source>
        <translation>你打开后，{who} 保存了这个销售流程。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="417"/>
        <source>“%1” still holds %Ln open deal(s): move them to another stage first.</source>
        <translation>
            <numerusform>“%1”中还有 %Ln 个进行中的商机：请先把它们移到其他阶段。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="424"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="425"/>
        <source>probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="426"/>
        <source>stale after</source>
        <translation>停滞天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="427"/>
        <source>approval limit</source>
        <translation>审批阈值</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="428"/>
        <source>approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="429"/>
        <source>required fields</source>
        <translation>必填项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="430"/>
        <source>question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="431"/>
        <source>choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="432"/>
        <source>answer</source>
        <translation>回答方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="433"/>
        <source>only “yes”</source>
        <translation>仅限“是”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="434"/>
        <source>questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="444"/>
        <source>Stage “%1”</source>
        <translation>阶段“%1”</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="448"/>
        <source>, question %1</source>
        <translation>，问题 %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="456"/>
        <source>Two stages are called “%1”: give each its own name.</source>
        <translation>有两个阶段都叫“%1”：请给每个阶段取不同的名称。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="459"/>
        <source>Another pipeline already has this name. Choose another.</source>
        <translation>已有同名的销售流程，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="461"/>
        <source>enter a percentage from 0 to 100</source>
        <translation>请输入 0 到 100 之间的百分比</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="463"/>
        <source>enter days from 1 to %1, or 0 for never</source>
        <translation>请输入 1 到 %1 之间的天数，0 表示从不</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="465"/>
        <source>enter the limit</source>
        <translation>请输入阈值</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="466"/>
        <source>the limit is not a number</source>
        <translation>阈值不是数字</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="467"/>
        <source>the limit is out of range</source>
        <translation>阈值超出允许范围</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="468"/>
        <source>at most two decimals</source>
        <translation>最多两位小数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="469"/>
        <source>give at least two choices, one a line</source>
        <translation>请至少填写两个选项，每行一个</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="470"/>
        <source>the question has no text</source>
        <translation>问题还没有内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="471"/>
        <source>the name is required</source>
        <translation>名称为必填项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="478"/>
        <source>{field}: {problem}.</source>
        <translation>{field}：{problem}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="479"/>
        <source>{where}, {field}: {problem}.</source>
        <translation>{where}，{field}：{problem}。</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="92"/>
        <source>Due on</source>
        <translation>计划回款日期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="92"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="92"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="92"/>
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="93"/>
        <source>Outstanding</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="106"/>
        <source>One payment</source>
        <translation>一次付清</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="107"/>
        <source>30 / 70</source>
        <translation>30 / 70</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="110"/>
        <source>Monthly over {months} months</source>
        <translation>按月分期 {months} 个月</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="120"/>
        <source>Add instalment</source>
        <translation>添加期次</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="126"/>
        <source>Fill from the amount:</source>
        <translation>按合同金额生成：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="128"/>
        <source>Instalments already paid stay; the template spreads what they do not cover.</source>
        <translation>已回款的期次保持不变；模板只分摊尚未覆盖的金额。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="141"/>
        <source>No payment plan. Fill one from a template or add instalments.</source>
        <translation>还没有回款计划。可以用模板生成，或逐期添加。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="198"/>
        <location filename="../../crmdesk/views/contract_plan.py" line="436"/>
        <source>Remove this instalment</source>
        <translation>删除此期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="284"/>
        <source>Enter the contract&apos;s amount (or its lines) first.</source>
        <translation>请先填写合同金额（或产品明细）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_plan.py" line="305"/>
        <source>%n instalment(s) already paid (in full or in part) kept as they are; {rest} not yet covered spread over the new ones.</source>
        <translation>
            <numerusform>已保留 %n 期已（部分）回款的期次；尚未覆盖的 {rest} 分摊到新期次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="312"/>
        <source>The instalments already paid cover the amount: nothing is left to plan.</source>
        <translation>已回款的期次已覆盖合同金额，无需再安排。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="352"/>
        <source>The contract ends on {end}, before a first monthly instalment due on {start}: change the end day or choose another template.</source>
        <translation>合同于 {end} 结束，早于首期按月回款日 {start}：请修改结束日期或选择其他模板。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_plan.py" line="358"/>
        <source>The contract ends on {end}: %n monthly instalment(s) fit before it.</source>
        <translation>
            <numerusform>合同于 {end} 结束：此前只能安排 %n 期按月回款。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/contract_plan.py" line="366"/>
        <source>only %n before the end day</source>
        <translation>
            <numerusform>结束日前只能安排 %n 期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="369"/>
        <source>The contract ends on {end}.</source>
        <translation>合同于 {end} 结束。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="435"/>
        <source>Already paid in part: it stays in the plan</source>
        <translation>已部分回款：不能从计划中删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="452"/>
        <source>Plan total: —</source>
        <translation>计划合计：—</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="454"/>
        <source>Plan total: {total}</source>
        <translation>计划合计：{total}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="457"/>
        <source>Plan total: {total} of {amount}</source>
        <translation>计划合计：{total} / {amount}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="463"/>
        <source>{diff} not in the plan</source>
        <translation>尚有 {diff} 未列入计划</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/contract_plan.py" line="465"/>
        <source>{diff} over the amount</source>
        <translation>超出合同金额 {diff}</translation>
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
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="29"/>
        <source>Released %Ln customer(s) to the pool.</source>
        <translation>
            <numerusform>已把 %Ln 个客户放回公海。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="32"/>
        <source>Locked %Ln customer(s): they stay yours.</source>
        <translation>
            <numerusform>已锁定 %Ln 个客户：它们不会被回收。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_pool_actions.py" line="35"/>
        <source>Unlocked %Ln customer(s).</source>
        <translation>
            <numerusform>已解锁 %Ln 个客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolAdminDialog</name>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="175"/>
        <source>Release reasons and caps</source>
        <translation>放回原因和上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="181"/>
        <source>Release reasons</source>
        <translation>放回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="182"/>
        <source>Caps</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="184"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="190"/>
        <source>Saves the caps. Release reasons are saved as you change them.</source>
        <translation>保存上限。放回原因在修改时即已保存。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="193"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="209"/>
        <source>Won customers count toward the cap</source>
        <translation>成交客户计入上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="211"/>
        <source>Off: a rep&apos;s customers with the status Customer do not use up the cap.</source>
        <translation>关闭：销售状态为“成交客户”的客户不占用上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="214"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="217"/>
        <source>How many customers each rep may own, and lock. Blank: no cap.</source>
        <translation>每位销售最多可拥有和锁定的客户数。留空：不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="220"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="223"/>
        <source>A rep&apos;s own caps, over the team&apos;s. Blank: the team&apos;s cap.</source>
        <translation>销售个人的上限，优先于团队的上限。留空：使用团队的上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="269"/>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="273"/>
        <source>No cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="275"/>
        <source>Team&apos;s: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="311"/>
        <source>Saved the caps.</source>
        <translation>已保存上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="345"/>
        <source>Team “{name}”, {column}: enter a number from 1 to {high}, or leave it blank for no cap.</source>
        <translation>团队“{name}”的{column}：请输入 1 到 {high} 之间的数字，或留空表示不限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="348"/>
        <source>User “{name}”, {column}: enter a number from 1 to {high}, or leave it blank for the team&apos;s cap.</source>
        <translation>用户“{name}”的{column}：请输入 1 到 {high} 之间的数字，或留空表示使用团队的上限。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="350"/>
        <source>customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="350"/>
        <source>locked cap</source>
        <translation>锁定上限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="355"/>
        <source>And %Ln more.</source>
        <translation>
            <numerusform>还有 %Ln 条。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="367"/>
        <source>Discard your changes to the caps?</source>
        <translation>放弃对上限的修改吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="369"/>
        <source>Discard the release reason you typed?</source>
        <translation>放弃你输入的放回原因吗？</translation>
    </message>
</context>
<context>
    <name>PoolColumns</name>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="33"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="35"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="37"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="39"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="41"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="43"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="46"/>
        <source>In pool</source>
        <translation>在公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="49"/>
        <source>Previous owner</source>
        <translation>前负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="51"/>
        <source>Why it left</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="56"/>
        <source>Last follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="74"/>
        <source>Search name, contact or phone…</source>
        <translation>搜索名称、联系人或电话…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="79"/>
        <source>Any level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="85"/>
        <source>Any industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="91"/>
        <source>Any province</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="97"/>
        <source>Any size</source>
        <translation>全部规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="103"/>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="109"/>
        <source>Any time in the pool</source>
        <translation>在公海时长不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="116"/>
        <source>Any previous owner</source>
        <translation>全部前负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_columns.py" line="123"/>
        <source>Any reason</source>
        <translation>全部原因</translation>
    </message>
</context>
<context>
    <name>PoolFilterWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_columns.py" line="64"/>
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
        <location filename="../../crmdesk/views/pool_page.py" line="107"/>
        <location filename="../../crmdesk/views/pool_page.py" line="394"/>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="108"/>
        <source>Take the selected customers as your own</source>
        <translation>把选中的客户领取为自己的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="111"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="114"/>
        <source>Move…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="118"/>
        <source>Pool settings…</source>
        <translation>公海设置…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="131"/>
        <source>Pool:</source>
        <translation>公海：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="136"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="180"/>
        <source>%1 (closed)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="184"/>
        <source>No pool</source>
        <translation>没有公海</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="278"/>
        <source>You own %Ln customer(s) and your cap is %1: release some before you claim.</source>
        <translation>
            <numerusform>你已拥有 %Ln 个客户，上限为 %1 个：请先放回一些客户再领取。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="284"/>
        <source>You have claimed the %1 customers a day this pool allows. Claim again tomorrow.</source>
        <translation>今天已领满此公海每日允许的 %1 个客户，请明天再领取。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="305"/>
        <source>No pool is open to you. Ask an administrator to add you to one.</source>
        <translation>你还没有可以查看的公海。请联系管理员把你加入一个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="309"/>
        <source>No customer in this pool matches the search and filters.</source>
        <translation>这个公海中没有符合搜索和筛选条件的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="310"/>
        <source>This pool is empty: every customer has an owner.</source>
        <translation>这个公海是空的：所有客户都有负责人。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="385"/>
        <source>Claiming…</source>
        <translation>正在领取…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="391"/>
        <source>Claimed %Ln customer(s).</source>
        <translation>
            <numerusform>已领取 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="418"/>
        <source>Assigned %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 个客户分配给 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_page.py" line="423"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/pool_page.py" line="441"/>
        <source>Moved %Ln customer(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 个客户转移到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolSettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="45"/>
        <source>Pool settings</source>
        <translation>公海设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="64"/>
        <source>New pool</source>
        <translation>新建公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="47"/>
        <source>A pool is never deleted: turn it off to stop it taking customers.</source>
        <translation>公海不会被删除：停用后它就不再接收客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="60"/>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="60"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="61"/>
        <source>Claiming and recycling</source>
        <translation>领取与回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="73"/>
        <source>On: members see the pool, and it takes customers</source>
        <translation>启用：成员可以看到该公海，公海接收客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="78"/>
        <source>Find or add a province…</source>
        <translation>查找或添加省份…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="78"/>
        <source>None ticked: every province.</source>
        <translation>未勾选：所有省份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="81"/>
        <source>Find or add an industry…</source>
        <translation>查找或添加行业…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="81"/>
        <source>None ticked: every industry.</source>
        <translation>未勾选：所有行业。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="84"/>
        <source>Provinces covered</source>
        <translation>覆盖省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="85"/>
        <source>Industries covered</source>
        <translation>覆盖行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="91"/>
        <source>The recycle rules apply to the members&apos; customers in these provinces and industries; recycled customers come to this pool.</source>
        <translation>回收规则适用于成员在这些省份和行业的客户；被回收的客户进入这个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="104"/>
        <source>Open to everyone</source>
        <translation>对所有人开放</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="105"/>
        <source>Open to the teams and users ticked below</source>
        <translation>只对下面勾选的团队和用户开放</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="108"/>
        <source>Find a team…</source>
        <translation>查找团队…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="108"/>
        <source>No team.</source>
        <translation>没有团队。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="109"/>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="110"/>
        <source>Find a user…</source>
        <translation>查找用户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="109"/>
        <source>No user by name.</source>
        <translation>没有指定用户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="110"/>
        <source>Administrators only.</source>
        <translation>仅系统管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="112"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="112"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="113"/>
        <source>Pool admins</source>
        <translation>公海管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="119"/>
        <source>Pool admins may assign from the pool, move customers out of it and edit these settings; administrators always may.</source>
        <translation>公海管理员可以从公海分配客户、把客户转移到其他公海并修改这些设置；系统管理员始终可以。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="137"/>
        <source>Claiming</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="140"/>
        <source>Claims per rep a day</source>
        <translation>每人每天可领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="141"/>
        <source>Days before the previous owner may claim it back</source>
        <translation>前负责人重新领取需等待天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="142"/>
        <source>Days a new entry is kept for the pool&apos;s admins</source>
        <translation>新进入公海的客户仅限管理员分配的天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="143"/>
        <source>Recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="146"/>
        <source>Warn the owner this many days before</source>
        <translation>提前几天提醒负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="147"/>
        <source>Never recycle a customer with an open deal</source>
        <translation>有进行中商机的客户不回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="151"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="153"/>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="173"/>
        <source>Team #%1</source>
        <translation>团队 #%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="174"/>
        <source>Inactive user #%1</source>
        <translation>已停用用户 #%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="243"/>
        <source>You are not an admin of any pool.</source>
        <translation>你不是任何公海的管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="254"/>
        <source>A pool has at most %1 recycle rules.</source>
        <translation>一个公海最多有 %1 条回收规则。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="274"/>
        <source>Saved the pool “{name}”.</source>
        <translation>已保存公海“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_dialog.py" line="324"/>
        <source>Discard your changes to this pool?</source>
        <translation>放弃对这个公海的修改吗？</translation>
    </message>
</context>
<context>
    <name>PoolSettingsWords</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="215"/>
        <source>{who} saved this pool at {at}, after you opened it.</source>
        <translation>你打开后，{who} 在 {at} 保存了这个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="216"/>
        <source>{who} saved this pool after you opened it.</source>
        <translation>你打开后，{who} 保存了这个公海。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="224"/>
        <source>Recycle rule %1: days for level %2</source>
        <translation>回收规则 %1：%2 级客户天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="227"/>
        <source>Recycle rule %1: kind</source>
        <translation>回收规则 %1：类型</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="228"/>
        <source>Recycle rule %1: days</source>
        <translation>回收规则 %1：天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="230"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="231"/>
        <source>Industries covered</source>
        <translation>覆盖行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="232"/>
        <source>Provinces covered</source>
        <translation>覆盖省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="233"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="234"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="235"/>
        <source>Pool admins</source>
        <translation>公海管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="236"/>
        <source>Claims per rep a day</source>
        <translation>每人每天可领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="237"/>
        <source>Days before the previous owner may claim it back</source>
        <translation>前负责人重新领取需等待天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="238"/>
        <source>Days a new entry is kept for the pool&apos;s admins</source>
        <translation>新进入公海的客户仅限管理员分配的天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="239"/>
        <source>Days of warning before recycling</source>
        <translation>回收前提醒天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="240"/>
        <source>Recycle rules</source>
        <translation>回收规则</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="252"/>
        <source>{field}: enter a number from {low} to {high}.</source>
        <translation>{field}：请输入 {low} 到 {high} 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="255"/>
        <source>Another pool already has this name. Choose another.</source>
        <translation>已有同名的公海，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="259"/>
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
    <name>PreviewPage</name>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="194"/>
        <source>Only rows with problems</source>
        <translation>只看有问题的行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="196"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="197"/>
        <source>The rows with problems and what is wrong with each, as a workbook to correct and import again</source>
        <translation>将有问题的行及各自的问题保存为 Excel 工作簿，改正后可再次导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="247"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="272"/>
        <source>Checking the rows… %1 of %2</source>
        <translation>正在检查各行… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="304"/>
        <source>Rows already in crmdesk are found when the import runs; the summary counts them.</source>
        <translation>crmdesk 中已有的行会在导入时查找，并在导入结果中统计。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="309"/>
        <source>No row can be imported. Save the error report, correct the rows and choose the file again, or go back and change the columns&apos; fields.</source>
        <translation>没有可以导入的行。请保存错误报告，改正后重新选择文件；或返回上一步，修改各列对应的字段。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_preview.py" line="339"/>
        <source>The first %1 of them are shown.</source>
        <translation>仅显示前 %1 行。</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="94"/>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="111"/>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="256"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="94"/>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="112"/>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="256"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="94"/>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="257"/>
        <source>List price</source>
        <translation>标准价</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="94"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="113"/>
        <source>List price (yuan)</source>
        <translation>标准价（元）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="114"/>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="116"/>
        <source>Save product</source>
        <translation>保存产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="123"/>
        <source>Products offered on a deal&apos;s lines. A product is turned off, never deleted: deals keep its name as it was. Changes here take effect at once.</source>
        <translation>商机产品明细中可选的产品。产品只会停用，不会删除：商机中仍保留它原来的名称。这里的修改立即生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="162"/>
        <source>A new product:</source>
        <translation>新产品：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="164"/>
        <source>Product “%1”:</source>
        <translation>产品“%1”：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="226"/>
        <source>Turned off the product “%1”.</source>
        <translation>已停用产品“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="228"/>
        <source>Turned on the product “%1”.</source>
        <translation>已启用产品“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="230"/>
        <source>Added the product “%1”.</source>
        <translation>已添加产品“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="232"/>
        <source>Saved the product “%1”.</source>
        <translation>已保存产品“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="259"/>
        <source>Another product already has this code. Choose another.</source>
        <translation>已有产品使用这个编码，请换一个。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_lists.py" line="261"/>
        <source>List price: enter an amount in yuan, like 1200 or 1,200.50.</source>
        <translation>标准价：请输入以元为单位的金额，例如 1200 或 1,200.50。</translation>
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
        <location filename="../../crmdesk/views/prompts.py" line="273"/>
        <location filename="../../crmdesk/views/prompts.py" line="313"/>
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
        <location filename="../../crmdesk/views/prompts.py" line="233"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="234"/>
        <source>Choose another database file…</source>
        <translation>选择其他数据库文件…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="236"/>
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="241"/>
        <source>Open the default local database</source>
        <translation>打开默认的本地数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="244"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="248"/>
        <source>The database did not open</source>
        <translation>数据库未能打开</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="250"/>
        <source>What would you like to do?</source>
        <translation>接下来要怎么做？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="264"/>
        <source>An empty database</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="265"/>
        <source>Set up this empty database for crmdesk?</source>
        <translation>要为 crmdesk 初始化这个空数据库吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="266"/>
        <source>{database} has no tables yet. crmdesk will create its tables, and you will be its first administrator. Choose Cancel if this is not your team&apos;s database.</source>
        <translation>{database} 中还没有任何表。crmdesk 将创建所需的表，你将成为它的第一个管理员。如果这不是你团队的数据库，请选择“取消”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="272"/>
        <source>Set up</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="287"/>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="289"/>
        <source>crmdesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>crmdesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="300"/>
        <location filename="../../crmdesk/views/prompts.py" line="310"/>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="301"/>
        <source>Remove {name} from this customer?</source>
        <translation>从该客户中移除{name}？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/prompts.py" line="304"/>
        <source>Their details go; the follow-ups already logged stay.</source>
        <translation>联系人资料会被移除，已记录的跟进不受影响。</translation>
    </message>
</context>
<context>
    <name>QuestionsEditor</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="142"/>
        <source>Questions a deal must answer to enter</source>
        <translation>商机进入本阶段前需回答的问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="147"/>
        <source>Add question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="149"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="151"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="153"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="160"/>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="160"/>
        <source>Choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="161"/>
        <source>Free text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="166"/>
        <source>One choice a line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="169"/>
        <source>Only “yes” lets the deal in</source>
        <translation>仅回答“是”时才能进入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="171"/>
        <source>An answer is required</source>
        <translation>必须回答</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="176"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="177"/>
        <source>Answer</source>
        <translation>回答方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="178"/>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="200"/>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="250"/>
        <source>(no text yet)</source>
        <translation>（尚无内容）</translation>
    </message>
</context>
<context>
    <name>RankingTableModel</name>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="120"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="121"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="121"/>
        <location filename="../../crmdesk/views/target_dashboard.py" line="122"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="123"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="124"/>
        <source>Achieved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="125"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_dashboard.py" line="126"/>
        <source>Gap</source>
        <translation>差额</translation>
    </message>
</context>
<context>
    <name>RawRowsTableModel</name>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="104"/>
        <source>%1 Titles</source>
        <translation>%1 标题行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="112"/>
        <source>The row with the column titles</source>
        <translation>列标题所在的行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="113"/>
        <source>Double-click to make this the row with the column titles</source>
        <translation>双击将此行设为列标题行</translation>
    </message>
</context>
<context>
    <name>ReasonsTab</name>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="354"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="354"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="360"/>
        <source>A new reason, as reps will see it</source>
        <translation>新的原因（销售看到的文字）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="363"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="387"/>
        <source>Built in: each user sees it in their own language.</source>
        <translation>内置原因：每位用户看到的是自己语言的文字。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="471"/>
        <source>There is already a reason with these words.</source>
        <translation>已有相同文字的原因。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="473"/>
        <source>There are already %1 reasons: turn one back on instead.</source>
        <translation>原因已达 %1 个：请改为重新启用一个已停用的原因。</translation>
    </message>
</context>
<context>
    <name>ReceivablesView</name>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="107"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="222"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="226"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="242"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="245"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="252"/>
        <source>By rep</source>
        <translation>按销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="254"/>
        <source>By customer</source>
        <translation>按客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="279"/>
        <source>Contracts</source>
        <translation>合同数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="280"/>
        <location filename="../../crmdesk/views/receivables_view.py" line="340"/>
        <source>Contracted</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="281"/>
        <location filename="../../crmdesk/views/receivables_view.py" line="341"/>
        <source>Received</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="282"/>
        <location filename="../../crmdesk/views/receivables_view.py" line="342"/>
        <source>Outstanding</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="283"/>
        <location filename="../../crmdesk/views/receivables_view.py" line="343"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="284"/>
        <source>1–30 days</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="285"/>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="286"/>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="288"/>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="326"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="331"/>
        <source>No contracts to collect on.</source>
        <translation>没有需要回款的合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="332"/>
        <source>No customer owes anything.</source>
        <translation>没有欠款的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="334"/>
        <source>The %1 customers owing most; the totals above count them all.</source>
        <translation>仅列出待回款最多的 %1 个客户；上方合计包含全部客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/receivables_view.py" line="346"/>
        <source>Credit</source>
        <translation>余额</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../crmdesk/views/record_dialogs.py" line="68"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/record_dialogs.py" line="72"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/record_dialogs.py" line="75"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecordSettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="178"/>
        <source>Show their version</source>
        <translation>查看对方的版本</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="187"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="225"/>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
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
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="113"/>
        <source>Restored %Ln customer(s).</source>
        <translation>
            <numerusform>已恢复 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="112"/>
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
    <name>ReleaseReasonsTab</name>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="55"/>
        <source>Reps choose one of the active reasons when they release customers to a pool. A reason is turned off, never deleted: past releases still name it. Changes here take effect at once.</source>
        <translation>销售把客户放回公海时，从启用的原因中选择一个。原因只会停用，不会删除：以前的放回记录仍会显示它。这里的修改立即生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="73"/>
        <source>Added the release reason “%1”.</source>
        <translation>已添加放回原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="77"/>
        <source>Turned on the release reason “%1”.</source>
        <translation>已启用放回原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="78"/>
        <source>Turned off the release reason “%1”.</source>
        <translation>已停用放回原因“%1”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_admin_dialog.py" line="81"/>
        <source>“%1” always stays on: a rep can always give a reason in their own words.</source>
        <translation>“%1”始终启用：销售总可以用自己的话说明原因。</translation>
    </message>
</context>
<context>
    <name>RemoteEditNotice</name>
    <message>
        <location filename="../../crmdesk/views/live_refresh.py" line="163"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/live_refresh.py" line="164"/>
        <source>Show their version (your edits are dropped)</source>
        <translation>显示对方的版本（你的修改将被丢弃）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/live_refresh.py" line="184"/>
        <location filename="../../crmdesk/views/live_refresh.py" line="194"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/live_refresh.py" line="187"/>
        <source>{name} deleted this customer just now (it is in the recycle bin). What you typed is still here: copy it, or ask them to restore the customer.</source>
        <translation>{name}刚刚删除了这个客户（已移入回收站）。你输入的内容还在：可以先复制下来，或请对方恢复该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/live_refresh.py" line="195"/>
        <source>{name} changed this customer just now.</source>
        <translation>{name} 刚刚修改了该客户。</translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="89"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="90"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="91"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="92"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="93"/>
        <source>Months…</source>
        <translation>自选月份…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="107"/>
        <source>The first month of the range</source>
        <translation>范围的起始月份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="108"/>
        <source>The last month of the range</source>
        <translation>范围的结束月份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="112"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="116"/>
        <location filename="../../crmdesk/views/report_filters.py" line="194"/>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="116"/>
        <location filename="../../crmdesk/views/report_filters.py" line="193"/>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="117"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="124"/>
        <source>The pipeline the funnel shows</source>
        <translation>销售漏斗所显示的销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="128"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="135"/>
        <source>Whose</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="138"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="214"/>
        <source>Adjusted: the range ends no earlier than it starts.</source>
        <translation>已调整：结束月份不早于起始月份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="226"/>
        <source>Adjusted: the range starts no later than it ends.</source>
        <translation>已调整：起始月份不晚于结束月份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_filters.py" line="235"/>
        <source>Adjusted: a range covers at most %1 months.</source>
        <translation>已调整：范围最多 %1 个月。</translation>
    </message>
</context>
<context>
    <name>ReportSheets</name>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="56"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="61"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="72"/>
        <source>Deals created: %1</source>
        <translation>新建商机：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="75"/>
        <source>Win rate: %1</source>
        <translation>赢单率：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="78"/>
        <source>Average cycle (days): %1</source>
        <translation>平均成交周期（天）：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="85"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="86"/>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="87"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="88"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="89"/>
        <source>Days in stage</source>
        <translation>阶段停留天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="104"/>
        <source>Series</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="106"/>
        <location filename="../../crmdesk/views/report_sheets.py" line="110"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="122"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="133"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="170"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="171"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="172"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="177"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="178"/>
        <source>Deals created</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="179"/>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_sheets.py" line="180"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
</context>
<context>
    <name>ReportViewer</name>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="278"/>
        <source>Write a comment…</source>
        <translation>写评论…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="280"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="294"/>
        <source>Select a report in the list to read it.</source>
        <translation>在列表中选择一份报告即可查看。</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="35"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="36"/>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="37"/>
        <source>Lost amount</source>
        <translation>输单金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="38"/>
        <source>Deals lost</source>
        <translation>输单数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="39"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="40"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="41"/>
        <source>Into the pool</source>
        <translation>进入公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="42"/>
        <source>Out of the pool</source>
        <translation>离开公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="48"/>
        <source>No breakdown</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="49"/>
        <source>By rep</source>
        <translation>按销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="50"/>
        <source>By team</source>
        <translation>按团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="51"/>
        <source>By source</source>
        <translation>按来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="52"/>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="53"/>
        <source>By industry</source>
        <translation>按行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="54"/>
        <source>By lost reason</source>
        <translation>按输单原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="55"/>
        <source>By kind</source>
        <translation>按跟进方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="62"/>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="63"/>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="64"/>
        <source>No source</source>
        <translation>无来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="65"/>
        <source>No product</source>
        <translation>无产品</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="66"/>
        <source>No industry</source>
        <translation>无行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="67"/>
        <source>No reason given</source>
        <translation>未填原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="68"/>
        <source>No kind</source>
        <translation>无跟进方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="69"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="78"/>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="111"/>
        <source>Week of %1</source>
        <translation>%1当周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_words.py" line="149"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../crmdesk/views/report_data.py" line="83"/>
        <location filename="../../crmdesk/views/reports_page.py" line="134"/>
        <location filename="../../crmdesk/views/reports_page.py" line="342"/>
        <source>Funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_data.py" line="94"/>
        <source>Lost reasons</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_data.py" line="95"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_data.py" line="102"/>
        <source>Sources</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_data.py" line="103"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_data.py" line="110"/>
        <location filename="../../crmdesk/views/reports_page.py" line="135"/>
        <source>Activity</source>
        <translation>活动量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="85"/>
        <source>Loading the charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="97"/>
        <source>The charts could not be drawn (see the log).</source>
        <translation>图表无法绘制（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="111"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="113"/>
        <source>Export PNG…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="114"/>
        <source>Save the report shown as a picture</source>
        <translation>将当前显示的报表保存为图片</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="116"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="117"/>
        <source>Save every report as an Excel workbook: a sheet each, with its table and a chart</source>
        <translation>将所有报表保存为一个 Excel 工作簿：每个报表一个工作表，包含表格和图表</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="120"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="134"/>
        <source>Monthly</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="134"/>
        <source>Lost reasons and sources</source>
        <translation>输单原因与客户来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="313"/>
        <source>Follow-up at</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="313"/>
        <source>Into the pool at</source>
        <translation>进入公海时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="314"/>
        <source>Out of the pool at</source>
        <translation>离开公海时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="368"/>
        <location filename="../../crmdesk/views/reports_page.py" line="388"/>
        <source>Export PNG</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="369"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="383"/>
        <source>Saved the picture to %1.</source>
        <translation>已将图片保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="387"/>
        <source>The picture could not be saved. Choose another folder, such as Documents.</source>
        <translation>图片无法保存。请选择其他文件夹，例如“文档”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="392"/>
        <location filename="../../crmdesk/views/reports_page.py" line="404"/>
        <location filename="../../crmdesk/views/reports_page.py" line="414"/>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="392"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="393"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/reports_page.py" line="405"/>
        <source>Saved every report to %1.</source>
        <translation>已将所有报表保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="276"/>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="291"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="280"/>
        <source>A new password for {name} ({login}). They must choose their own the next time they sign in.</source>
        <translation>为{name}（{login}）设置新密码。该用户下次登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="287"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="138"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="153"/>
        <source>The program closes, puts the chosen backup in place of your database and starts again. Your database as it is now is kept as a backup first.</source>
        <translation>程序将关闭，用所选备份替换当前数据库，然后重新启动。当前数据库会先保留为一份备份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/backup_actions.py" line="161"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="69"/>
        <source>not won within %n day(s)</source>
        <translation>
            <numerusform>%n 天未成交</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="70"/>
        <source>no follow-up for %n day(s)</source>
        <translation>
            <numerusform>%n 天未跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/labels.py" line="73"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesTable</name>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="135"/>
        <source>Recycle when</source>
        <translation>回收条件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="135"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="136"/>
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="137"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="139"/>
        <source>Days for customers of this level; — uses the rule&apos;s days.</source>
        <translation>该级别客户的天数；“—”表示使用规则的天数。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="154"/>
        <source>Not won within … days</source>
        <translation>超过 … 天未成交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pool_settings_parts.py" line="155"/>
        <source>No follow-up for … days</source>
        <translation>超过 … 天未跟进</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="53"/>
        <source>You can go on working in the other windows meanwhile.</source>
        <translation>导入期间，你可以在其他窗口继续工作。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="73"/>
        <source>Importing %1 from %2…</source>
        <translation>正在从 %2 导入%1…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="79"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="95"/>
        <source>Stopping after the rows being written…</source>
        <translation>正在停止：当前这批行写完后结束…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="104"/>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="106"/>
        <source>%1 rows/s</source>
        <translation>%1 行/秒</translation>
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
    <name>SchemaTooOldDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="230"/>
        <source>The database needs an upgrade</source>
        <translation>数据库需要升级</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="234"/>
        <source>This database is at version {found}; this program needs version {needed}. An administrator can upgrade it now; everyone else: ask your administrator to upgrade the database to version {needed}.</source>
        <translation>此数据库的版本为 {found}，本程序需要版本 {needed}。管理员可以现在升级；其他用户请让管理员将数据库升级到版本 {needed}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="243"/>
        <source>Upgrading changes the database for the whole team: colleagues still on an older crmdesk must install this version.</source>
        <translation>升级会影响整个团队的数据库：仍在使用旧版 crmdesk 的同事必须安装此版本。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="251"/>
        <source>Your crmdesk password</source>
        <translation>你的 crmdesk 密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="261"/>
        <source>Administrator&apos;s login</source>
        <translation>管理员登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="262"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="263"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="264"/>
        <source>Again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="268"/>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="326"/>
        <source>Upgrade now</source>
        <translation>立即升级</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="270"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="308"/>
        <source>Enter an administrator&apos;s login and password.</source>
        <translation>请输入管理员的登录名和密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="311"/>
        <source>Upgrading…</source>
        <translation>正在升级…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="331"/>
        <source>{login} has no password yet (older versions of crmdesk used none). Choose one: it is set with the upgrade, and you sign in with it afterwards.</source>
        <translation>{login} 还没有密码（旧版 crmdesk 不使用密码）。请设置一个：升级时一并设置，之后用它登录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="336"/>
        <source>Only an administrator can upgrade the database. Ask your administrator to upgrade the database to version {needed}.</source>
        <translation>只有管理员可以升级数据库。请让管理员将数据库升级到版本 {needed}。</translation>
    </message>
</context>
<context>
    <name>SessionGuard</name>
    <message>
        <location filename="../../crmdesk/views/session_guard.py" line="101"/>
        <source>An administrator changed your role or team: the pages now show what you may see and do.</source>
        <translation>管理员修改了你的角色或团队：各页面已按你现在的权限显示。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/session_guard.py" line="138"/>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/session_guard.py" line="141"/>
        <source>Your account has been deactivated, so you have been signed out. What was not saved could not be kept. Ask an administrator if this is a mistake.</source>
        <translation>你的账号已被停用，因此已退出登录。未保存的内容无法保留。如有误，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="115"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="118"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="120"/>
        <source>A new language applies the next time crmdesk starts.</source>
        <translation>新的语言将在下次启动 crmdesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="123"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>SettingsWords</name>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="120"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/settings_parts.py" line="124"/>
        <source>Your changes are still here: Save again to put yours over theirs, or Show their version to start again from theirs.</source>
        <translation>你的修改还在：再次保存会用你的版本覆盖对方的，或点击“查看对方的版本”从对方的版本重新开始。</translation>
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
        <location filename="../../crmdesk/views/help_dialogs.py" line="69"/>
        <source>Pipeline board: select the card beside, in the next or previous stage</source>
        <translation>销售漏斗看板：选中下一或上一阶段中并排的卡片</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="73"/>
        <source>Left / Right</source>
        <translation>← / →</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="76"/>
        <source>Pipeline board: move the selected deals one stage on or back</source>
        <translation>销售漏斗看板：将选中的商机推进或退回一个阶段</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="82"/>
        <source>Pipeline board: open the deal</source>
        <translation>销售漏斗看板：打开商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="91"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="99"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/help_dialogs.py" line="99"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="138"/>
        <source>Choose a file, or drop one on this window</source>
        <translation>选择文件，或将文件拖到此窗口</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="139"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="141"/>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="143"/>
        <source>A workbook with the column titles this import knows and an example row</source>
        <translation>包含本导入可识别的列标题和一行示例的 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="186"/>
        <source>Header row:</source>
        <translation>标题行：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="190"/>
        <source>What to import:</source>
        <translation>导入内容：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="191"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="192"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="193"/>
        <source>The row with the column titles is marked “Titles”; double-click another row, or change the header row, to choose it.</source>
        <translation>列标题所在的行标有“标题行”；如需更改，请双击其他行，或修改标题行。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="227"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="274"/>
        <source>The columns look like %1; change it here if not.</source>
        <translation>这些列看起来是%1；如果不是，请在这里更改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="316"/>
        <source>%1 · sheet %2 · up to %3 below the header</source>
        <translation>%1 · 工作表 %2 · 标题行以下最多 %3</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="372"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="373"/>
        <source>Spreadsheets (%1);;All files (*)</source>
        <translation>电子表格 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="382"/>
        <source>%1 template.xlsx</source>
        <translation>%1导入模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="384"/>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="385"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_source_page.py" line="406"/>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="67"/>
        <source>Split to months</source>
        <translation>分解到各月</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="69"/>
        <source>Split to teams and reps</source>
        <translation>分解到团队和销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="78"/>
        <source>The rest</source>
        <translation>其余部分</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="80"/>
        <source>Method</source>
        <translation>分解方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="83"/>
        <source>Part</source>
        <translation>分项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="83"/>
        <source>Base</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="84"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="84"/>
        <source>Increment</source>
        <translation>增量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="85"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="87"/>
        <source>70% of the part&apos;s average month over the last 3 full months, times the months it covers.</source>
        <translation>近 3 个完整月份的月均值 × 70% × 所覆盖的月数。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="89"/>
        <source>The part&apos;s share of the total less the bases.</source>
        <translation>总目标减去各基数后，分给该项的部分。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="168"/>
        <source>Took one unit of the rounding.</source>
        <translation>分得了舍入后余下的一个单位。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="183"/>
        <source>The parts add up exactly to %1.</source>
        <translation>各分项合计正好为 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="188"/>
        <source>Rounding to whole yuan left %1; one yuan each went to: %2.</source>
        <translation>按整元分配后余下 %1，每项多分 1 元的是：%2。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="190"/>
        <source>Rounding to the cent left %1; one cent each went to: %2.</source>
        <translation>四舍五入到分后余下 %1；以下各项各多分 1 分：%2。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_split_dialog.py" line="192"/>
        <source>Rounding to whole numbers left %1; one each went to: %2.</source>
        <translation>取整后余下 %1；以下各项各多分 1：%2。</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../crmdesk/views/board.py" line="290"/>
        <source>%1 · %2
weighted %3</source>
        <translation>%1 · %2
加权 %3</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/board.py" line="296"/>
        <source>Sum %1, weighted by probability %2</source>
        <translation>合计 %1，按赢率加权 %2</translation>
    </message>
</context>
<context>
    <name>StageEditor</name>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="303"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="305"/>
        <source>A deal this many days in the stage is marked stale on the board.</source>
        <translation>商机在本阶段停留达到这个天数，就会在看板上标记为停滞。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="309"/>
        <source>Required to enter</source>
        <translation>准入必填项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="333"/>
        <source>Stage name</source>
        <translation>阶段名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="338"/>
        <source>Stale after (days)</source>
        <translation>停滞天数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="341"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="342"/>
        <source>Manager&apos;s approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="354"/>
        <source>Not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="355"/>
        <source>Always</source>
        <translation>始终需要</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="356"/>
        <source>When a line&apos;s discount is above</source>
        <translation>明细折扣超过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="357"/>
        <source>When the amount is above</source>
        <translation>金额超过</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="362"/>
        <source>The won stage: always last but one; it cannot be removed.</source>
        <translation>赢单阶段：始终位于倒数第二，不能删除。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="363"/>
        <source>The lost stage: always last; it cannot be removed.</source>
        <translation>输单阶段：始终位于最后，不能删除。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="364"/>
        <source>An open stage.</source>
        <translation>进行中的阶段。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/pipeline_settings_parts.py" line="387"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>StageList</name>
    <message>
        <location filename="../../crmdesk/views/board.py" line="246"/>
        <source>No deal in this stage matches the filters.</source>
        <translation>此阶段没有符合筛选条件的商机。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/board.py" line="247"/>
        <source>No deals here. Drag a card here to move it.</source>
        <translation>这里还没有商机。把卡片拖到这里即可推进。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="190"/>
        <source>Created:</source>
        <translation>新建：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="191"/>
        <source>Updated:</source>
        <translation>更新：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="192"/>
        <source>Skipped:</source>
        <translation>跳过：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="193"/>
        <source>Not imported (errors):</source>
        <translation>未导入（有错误）：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="202"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="203"/>
        <source>The rows not imported and why, as a workbook to correct and import again</source>
        <translation>将未导入的行及原因保存为 Excel 工作簿，改正后可再次导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="206"/>
        <source>Open import history</source>
        <translation>打开导入历史</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="229"/>
        <source>The import stopped on an error: %1</source>
        <translation>导入因错误而中止：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="231"/>
        <source>The %1 rows before it stay imported; Import history can undo them.</source>
        <translation>此前的 %1 行已导入并保留；可以在“导入历史”中撤销。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="236"/>
        <source>Cancelled after %1 of %2 rows; the rest of the file was not imported.</source>
        <translation>已在导入 %1 / %2 行后取消；文件中其余的行未导入。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="242"/>
        <source>The import is finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="244"/>
        <source>It took %1 s.</source>
        <translation>用时 %1 秒。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/import_run_page.py" line="279"/>
        <source>The new customers are in the pool %1, not in your list.</source>
        <translation>新客户在公海“%1”中，不在你的客户列表里。</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="112"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="115"/>
        <source>A tag in use, or a new one</source>
        <translation>已有标签或新标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="116"/>
        <source>Add this tag</source>
        <translation>添加此标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="117"/>
        <source>Remove this tag</source>
        <translation>移除此标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="121"/>
        <source>Change the tags of %Ln customer(s).</source>
        <translation>
            <numerusform>修改 %Ln 个客户的标签。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="123"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="148"/>
        <source>Added the tag “%1” to %Ln customer(s).</source>
        <translation>
            <numerusform>已为 %Ln 个客户添加标签“%1”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="150"/>
        <source>Removed the tag “%1” from %Ln customer(s).</source>
        <translation>
            <numerusform>已从 %Ln 个客户移除标签“%1”。</numerusform>
        </translation>
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
    <name>TargetImportDialog</name>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="32"/>
        <source>Import targets</source>
        <translation>导入目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="33"/>
        <source>%1: %2 rows with %3 targets for “%4”.</source>
        <translation>%1：%2 行，共 %3 个“%4”目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="38"/>
        <source>%1 problems in %2 rows: nothing is imported from those rows.</source>
        <translation>%2 行中有 %1 个问题：这些行不会导入。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="41"/>
        <source>No problems found. Empty cells leave the targets as they are.</source>
        <translation>未发现问题。空白单元格不会改动对应的目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="47"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="47"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="47"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="47"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="65"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="66"/>
        <source>Import the good rows</source>
        <translation>只导入无误的行</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_import_dialog.py" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TargetTreeModel</name>
    <message>
        <location filename="../../crmdesk/views/target_grid_model.py" line="335"/>
        <source>Team / rep</source>
        <translation>团队 / 销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="300"/>
        <source>Not set: the sum of the parts below, %1.</source>
        <translation>未设置：下级合计为 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="307"/>
        <source>teams and reps</source>
        <translation>团队和销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="309"/>
        <source>reps</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="312"/>
        <source>%1 not yet split over its %2.</source>
        <translation>还有 %1 未分解到%2。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="314"/>
        <source>Its %2 add up to %1 more than this target.</source>
        <translation>%2合计比该目标多 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="323"/>
        <source>%1 not yet split over its quarters.</source>
        <translation>还有 %1 未分解到各季度。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="325"/>
        <source>%1 not yet split over its months.</source>
        <translation>还有 %1 未分解到各月。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="331"/>
        <source>Its quarters add up to %1 more than this target.</source>
        <translation>各季度合计比该目标多 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="335"/>
        <source>Its months add up to %1 more than this target.</source>
        <translation>各月合计比该目标多 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="344"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="347"/>
        <source>Changed, not saved yet (was %1).</source>
        <translation>已修改，尚未保存（原为 %1）。</translation>
    </message>
</context>
<context>
    <name>TargetWords</name>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="30"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="31"/>
        <source>Won deals</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="32"/>
        <source>Payments received</source>
        <translation>回款额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="33"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="34"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="35"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="47"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="51"/>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="61"/>
        <source>Q%1</source>
        <translation>Q%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="70"/>
        <location filename="../../crmdesk/views/target_words.py" line="260"/>
        <location filename="../../crmdesk/views/target_words.py" line="261"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="76"/>
        <source>%2 %1</source>
        <translation>%1年%2</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="79"/>
        <source>Q%2 %1</source>
        <translation>%1年第%2季度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="81"/>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="86"/>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="94"/>
        <source>Ahead of time</source>
        <translation>超前于时间进度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="95"/>
        <source>Behind time</source>
        <translation>落后于时间进度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="96"/>
        <source>On track</source>
        <translation>与时间进度持平</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="97"/>
        <source>No target set</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="102"/>
        <source>Completion compared with the time elapsed:
Ahead (green): more than 5% ahead of the time elapsed.
On track (blue): within 5% of the time elapsed, either way.
Behind (red): more than 5% behind the time elapsed.
For example, at 50% of the time, 47.5% to 52.5% done is on track.</source>
        <translation>完成率与时间进度的比较：
超前（绿色）：比时间进度快 5% 以上。
正常（蓝色）：与时间进度相差不超过 5%。
落后（红色）：比时间进度慢 5% 以上。
例如时间过半（50%）时，完成 47.5% 至 52.5% 为正常。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="171"/>
        <source>Type a number, like 120000 or 12万.</source>
        <translation>请输入数字，如 120000 或 12万。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="172"/>
        <location filename="../../crmdesk/views/target_words.py" line="285"/>
        <source>A target cannot be negative.</source>
        <translation>目标不能为负数。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="173"/>
        <source>This target is too large.</source>
        <translation>目标数值过大。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="174"/>
        <source>A count target is a whole number; money goes to the cent.</source>
        <translation>数量目标须为整数；金额精确到分。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="177"/>
        <source>This value cannot be used as a target.</source>
        <translation>此数值不能作为目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="185"/>
        <location filename="../../crmdesk/views/target_words.py" line="190"/>
        <source>Evenly</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="186"/>
        <source>By last year&apos;s share</source>
        <translation>按去年占比</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="187"/>
        <source>Suggested (70% of the last 3 months, plus a share of the rest)</source>
        <translation>建议（近 3 个月平均的 70%，再分摊其余部分）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="195"/>
        <location filename="../../crmdesk/views/target_words.py" line="197"/>
        <source>Rest split evenly</source>
        <translation>其余部分平均分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="196"/>
        <source>Rest split by last year&apos;s share</source>
        <translation>其余部分按去年占比分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="204"/>
        <source>No figures to go by for %1, so they get nothing of the total: change them by hand after applying if they should have a share.</source>
        <translation>%1 没有可参考的数据，因此分不到目标：如需分配，请在应用后手动修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="210"/>
        <source>The recent months alone already pass the total, so the total is split in proportion to them.</source>
        <translation>仅近几个月的基数就已超过总目标，因此按其比例分解总目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="215"/>
        <source>There are no figures to go by, so the total is split evenly.</source>
        <translation>没有可参考的数据，因此总目标平均分配。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="218"/>
        <source>Last year has no figures to go by, so the total is split evenly.</source>
        <translation>去年没有可参考的数据，因此总目标平均分配。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="221"/>
        <source>Parts with no figures to go by get nothing of the total: change them by hand after applying if they should have a share.</source>
        <translation>没有可参考数据的分项分不到目标：如需分配，请在应用后手动修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="232"/>
        <source>There is no target here to split yet: type one first.</source>
        <translation>这里还没有可分解的目标：请先输入。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="236"/>
        <source>There is nobody under this row to split the target over.</source>
        <translation>此行下没有可分配目标的成员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="240"/>
        <source>A count target is a whole number; make the total whole first.</source>
        <translation>数量目标须为整数；请先把总数改为整数。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="245"/>
        <source>This target cannot be split.</source>
        <translation>此目标无法分解。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="257"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="258"/>
        <source>Login or team</source>
        <translation>登录名或团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="259"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="262"/>
        <source>Target columns</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="268"/>
        <source>This column is missing from the sheet.</source>
        <translation>表格中缺少此列。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="271"/>
        <source>The scope must be company, team or rep.</source>
        <translation>范围须为公司、团队或销售。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="274"/>
        <source>No team or active rep by this name or login.</source>
        <translation>没有此名称或登录名的团队或在职销售。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="277"/>
        <source>You may not set targets for this row.</source>
        <translation>您无权为此行设定目标。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="280"/>
        <source>Not a year.</source>
        <translation>不是有效的年份。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="281"/>
        <source>This row appears twice for the same year.</source>
        <translation>同一年份中此行出现了两次。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="284"/>
        <source>Not a number.</source>
        <translation>不是数字。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="286"/>
        <source>Too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="287"/>
        <source>A count must be whole; money goes to the cent.</source>
        <translation>数量须为整数；金额精确到分。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/target_words.py" line="290"/>
        <source>This value cannot be used.</source>
        <translation>此数值不可用。</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="97"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="98"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="99"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="100"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="117"/>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="118"/>
        <source>Distribution</source>
        <translation>目标分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="273"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/targets_page.py" line="294"/>
        <source>Followed up</source>
        <translation>跟进时间</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="28"/>
        <source>&amp;Connect to a database…</source>
        <translation>连接数据库(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="31"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="33"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="36"/>
        <source>&amp;Users and teams…</source>
        <translation>用户和团队(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="38"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="40"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="42"/>
        <source>Cop&amp;y database to…</source>
        <translation>复制数据库到(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/team_menu.py" line="95"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="128"/>
        <source>New team</source>
        <translation>新建团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="128"/>
        <source>Edit team</source>
        <translation>编辑团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="132"/>
        <location filename="../../crmdesk/views/teams_tab.py" line="133"/>
        <source>No cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="135"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="136"/>
        <source>Customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="137"/>
        <source>Locked-customer cap</source>
        <translation>锁定客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="138"/>
        <source>How many customers each member may own, and keep locked. A user&apos;s own caps, when set, come first.</source>
        <translation>每位成员最多可拥有和锁定的客户数。如果为用户单独设置了上限，以用户的上限为准。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="165"/>
        <source>Type the team&apos;s name.</source>
        <translation>请输入团队名称。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="184"/>
        <source>Another team already has this name.</source>
        <translation>已有同名的团队。</translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="331"/>
        <source>Team reports</source>
        <translation>团队报告</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="331"/>
        <source>My reports</source>
        <translation>我的报告</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="334"/>
        <source>Search reports and names</source>
        <translation>搜索报告内容和姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="342"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="349"/>
        <location filename="../../crmdesk/views/work_report_team.py" line="410"/>
        <source>No reports in these days.</source>
        <translation>这段时间没有报告。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="388"/>
        <source>This day</source>
        <translation>当天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="388"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="388"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="390"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="390"/>
        <source>Last 4 weeks</source>
        <translation>最近 4 周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="390"/>
        <source>Last 12 weeks</source>
        <translation>最近 12 周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="408"/>
        <source>No reports match “%1”.</source>
        <translation>没有与“%1”匹配的报告。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/work_report_team.py" line="413"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n 份报告</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="415"/>
        <source>only the newest are shown: narrow the search</source>
        <translation>只显示了最新的报告：请缩小搜索范围</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="422"/>
        <source>draft not submitted</source>
        <translation>草稿未提交</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/work_report_team.py" line="425"/>
        <source>Not submitted for %1: %n</source>
        <translation>
            <numerusform>%1 未提交：%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="426"/>
        <source>Everyone has submitted for %1.</source>
        <translation>%1 全员已提交。</translation>
    </message>
</context>
<context>
    <name>Teams</name>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="110"/>
        <location filename="../../crmdesk/views/teams_tab.py" line="113"/>
        <source>Delete team</source>
        <translation>删除团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="111"/>
        <source>Delete the team “{name}”?</source>
        <translation>删除团队“{name}”？</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="208"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="208"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="209"/>
        <source>Customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="210"/>
        <source>Locked-customer cap</source>
        <translation>锁定客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="222"/>
        <source>New team…</source>
        <translation>新建团队…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="223"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="224"/>
        <source>Rename the team or change its caps</source>
        <translation>重命名团队或修改其上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="225"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="226"/>
        <source>Only a team without members can be deleted</source>
        <translation>只能删除没有成员的团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="240"/>
        <source>No teams yet. A team puts sales reps under a manager, who sees and hands on their customers. Create one with New team…</source>
        <translation>还没有团队。团队把销售归到一位主管之下，主管可以查看并分配他们的客户。点击“新建团队…”创建。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="244"/>
        <source>No teams yet.</source>
        <translation>还没有团队。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="262"/>
        <location filename="../../crmdesk/views/teams_tab.py" line="264"/>
        <source>No cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="283"/>
        <source>{active} (+{gone} deactivated)</source>
        <translation>{active}（另有 {gone} 人已停用）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="321"/>
        <source>Created the team {name}.</source>
        <translation>已创建团队“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="330"/>
        <source>Saved the team {name}.</source>
        <translation>已保存团队“{name}”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/teams_tab.py" line="343"/>
        <source>Deleted the team {name}.</source>
        <translation>已删除团队“{name}”。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="117"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="119"/>
        <source>Customers with no follow-up for this long</source>
        <translation>超过这么久没有跟进的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="121"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="125"/>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="126"/>
        <source>About to go back to the pool</source>
        <translation>即将回收到公海</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="128"/>
        <source>Forgotten customers</source>
        <translation>被遗忘的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="130"/>
        <source>Birthdays in the next 7 days</source>
        <translation>未来七天生日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="131"/>
        <source>Payments due</source>
        <translation>回款提醒</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="132"/>
        <source>Contracts ending soon</source>
        <translation>即将到期的合同</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="134"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="208"/>
        <source>Today · %1</source>
        <translation>今日 · %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="218"/>
        <source>Nothing due today.</source>
        <translation>今天没有待跟进的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="227"/>
        <source>None of your customers is about to go back to the pool.</source>
        <translation>你的客户中没有即将回收到公海的。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="233"/>
        <source>No forgotten customers.</source>
        <translation>没有被遗忘的客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="243"/>
        <source>No birthdays in the next seven days.</source>
        <translation>未来七天没有生日。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="249"/>
        <source>No new notifications.</source>
        <translation>没有新通知。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="265"/>
        <source>No payment falls due this week.</source>
        <translation>本周没有到期的回款。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="275"/>
        <source>No contract ends in the next 30 days.</source>
        <translation>未来 30 天内没有到期的合同。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="286"/>
        <source>Due on %1: %2, %3 paid</source>
        <translation>%1 到期：%2，已回款 %3</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_page.py" line="292"/>
        <source>Ends on %1; %2 still to collect</source>
        <translation>%1 到期；尚有 %2 待回款</translation>
    </message>
</context>
<context>
    <name>TodayWords</name>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="18"/>
        <source>goes back to the pool at the next recycle pass</source>
        <translation>下次回收时退回公海</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="19"/>
        <source>returns to the pool in %n day(s)</source>
        <translation>
            <numerusform>%n 天后回收到公海</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="22"/>
        <source>no follow-up for %n day(s)</source>
        <translation>
            <numerusform>%n 天未跟进</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="25"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="25"/>
        <location filename="../../crmdesk/views/today_words.py" line="48"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="30"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="31"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="31"/>
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="34"/>
        <source>ends today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="34"/>
        <source>ends in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="37"/>
        <source>%Ln more not shown</source>
        <translation>
            <numerusform>另有 %Ln 条未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="41"/>
        <source>%Ln instalment(s)</source>
        <translation>
            <numerusform>%Ln 期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="44"/>
        <source>%Ln more instalment(s) not shown</source>
        <translation>
            <numerusform>另有 %Ln 期未显示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="48"/>
        <source>next pass</source>
        <translation>下次回收</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="51"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="58"/>
        <source>%1 went back to %2: %3</source>
        <translation>%1 已回收到%2：%3</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="60"/>
        <source>%1 assigned to you from %2 by %3</source>
        <translation>%3 从%2把 %1 分配给了你</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="62"/>
        <source>%1 you had released claimed from %2 by %3</source>
        <translation>你放弃的 %1 已被 %3 从%2领取</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/today_words.py" line="64"/>
        <source>%1 will go back to %2 within %n day(s)</source>
        <translation>
            <numerusform>%1 将在 %n 天内回收到%2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="66"/>
        <source>A request waits for your approval: %1</source>
        <translation>有申请等待你审批：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="70"/>
        <source>Your request was approved: %1</source>
        <translation>你的申请已通过：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="71"/>
        <source>Your request was rejected: %1</source>
        <translation>你的申请被驳回：%1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="75"/>
        <source>%1 shared %2 with you</source>
        <translation>%1 与你共享了客户 %2</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="81"/>
        <source>%1 logged a follow-up on your customer %2</source>
        <translation>%1 跟进了你的客户 %2</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="83"/>
        <source>%1 logged a follow-up on %2, shared with you</source>
        <translation>%1 跟进了与你共享的客户 %2</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="95"/>
        <source>%1 commented on your weekly report for the week of %2</source>
        <translation>%1 评论了您 %2 当周的周报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/today_words.py" line="97"/>
        <source>%1 commented on your daily report of %2</source>
        <translation>%1 评论了您 %2 的日报</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="312"/>
        <source>Deals lost, by reason</source>
        <translation>输单商机（按原因）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="313"/>
        <source>Won amount, by source</source>
        <translation>赢单金额（按来源）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="325"/>
        <source>No deal was lost in this period.</source>
        <translation>本期没有输单。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/report_panels.py" line="326"/>
        <source>No deal was won in this period.</source>
        <translation>本期没有赢单。</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="130"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="130"/>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="136"/>
        <source>What they type to sign in; letter case does not matter.</source>
        <translation>登录时输入的名称，不区分大小写。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="141"/>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="144"/>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="145"/>
        <source>The team&apos;s cap</source>
        <translation>使用团队的上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="148"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="149"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="150"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="151"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="152"/>
        <source>Customer cap</source>
        <translation>客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="153"/>
        <source>Locked-customer cap</source>
        <translation>锁定客户上限</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="155"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="160"/>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="166"/>
        <source>Give them their password in person. They choose their own the first time they sign in.</source>
        <translation>请当面告知对方密码。对方首次登录时会设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="173"/>
        <source>Their customers, deals and contracts move with them to the new team.</source>
        <translation>该用户的客户、商机和合同将随其转入新团队。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="232"/>
        <source>Type the user&apos;s name.</source>
        <translation>请输入用户姓名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/user_edit_dialog.py" line="234"/>
        <source>Type the login they sign in with.</source>
        <translation>请输入用户登录时使用的登录名。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="331"/>
        <source>Users and teams</source>
        <translation>用户和团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="335"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="336"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="338"/>
        <source>Only an administrator may change users and teams.</source>
        <translation>只有管理员可以修改用户和团队。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="160"/>
        <source>Search by name, login or team</source>
        <translation>按姓名、登录名或团队搜索</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="182"/>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="183"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="184"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="185"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="186"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="187"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="275"/>
        <source>Created the user {name}.</source>
        <translation>已创建用户{name}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="284"/>
        <source>Saved {name}.</source>
        <translation>已保存{name}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="292"/>
        <source>Set a new password for {name}. They choose their own at their next sign-in.</source>
        <translation>已为{name}设置新密码。该用户下次登录时会设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="301"/>
        <source>Unlocked {name}: they may sign in again.</source>
        <translation>已解锁{name}：该用户可以再次登录。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="319"/>
        <source>Reactivated {name}: they may sign in again.</source>
        <translation>已重新启用{name}：该用户可以再次登录。</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="87"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="88"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="89"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="90"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="91"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="92"/>
        <source>Open deals</source>
        <translation>进行中商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="98"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="100"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="102"/>
        <source>Active, no password yet</source>
        <translation>在职，尚未设置密码</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="103"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="119"/>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="139"/>
        <source>Too many wrong passwords. Unlock lets them try again now.</source>
        <translation>密码错误次数过多。解锁后该用户可立即重试。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/users_dialog.py" line="141"/>
        <source>They cannot sign in until an administrator sets a password (Reset password…).</source>
        <translation>管理员设置密码（重置密码…）之前，该用户无法登录。</translation>
    </message>
</context>
<context>
    <name>WonDialog</name>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="224"/>
        <source>Deal won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="227"/>
        <source>Congratulations! Confirm the final figures of “%1”.</source>
        <translation>恭喜！请确认“%1”的最终成交信息。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="235"/>
        <source>Final amount:</source>
        <translation>成交金额：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="236"/>
        <source>Won on:</source>
        <translation>赢单日期：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="245"/>
        <source>Enter the final amount, e.g. 12000 or 1.2万.</source>
        <translation>请输入成交金额，例如 12000 或 1.2万。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/deal_move_dialogs.py" line="250"/>
        <source>A deal cannot be won on a day still to come.</source>
        <translation>赢单日期不能晚于今天。</translation>
    </message>
</context>
<context>
    <name>WorkReports</name>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="59"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="65"/>
        <source>Last edited %1</source>
        <translation>最后修改于 %1</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="71"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="73"/>
        <source>Submitted, edited since</source>
        <translation>已提交，之后有修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="75"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="88"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="96"/>
        <source>Author</source>
        <translation>填写人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="101"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="111"/>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="119"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="126"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="136"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="144"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="152"/>
        <source>Visits</source>
        <translation>拜访次数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="160"/>
        <source>Deals created</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="168"/>
        <source>Deals moved</source>
        <translation>推进商机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="176"/>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="184"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="192"/>
        <source>Payments received</source>
        <translation>回款额</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="199"/>
        <source>Work done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="203"/>
        <source>Problems</source>
        <translation>遇到的问题</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_report_team.py" line="207"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
</context>
<context>
    <name>WorkReportsPage</name>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="85"/>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="86"/>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="101"/>
        <source>Previous day or week</source>
        <translation>上一天或上一周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="103"/>
        <source>Next day or week</source>
        <translation>下一天或下一周</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="112"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="174"/>
        <source>Daily report for %1</source>
        <translation>%1 日报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="176"/>
        <source>Weekly report for %1 – %2</source>
        <translation>%1 – %2 周报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="297"/>
        <source>Report submitted.</source>
        <translation>报告已提交。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="299"/>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="318"/>
        <source>{who} saved this report at {at}, perhaps on another computer.</source>
        <translation>{who} 于 {at} 保存了这份报告（可能是在另一台电脑上）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="319"/>
        <source>{who} saved this report meanwhile, perhaps on another computer.</source>
        <translation>在此期间，{who} 保存了这份报告（可能是在另一台电脑上）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="325"/>
        <source>Your text is still here: copy what you want to keep, then Reload.</source>
        <translation>你输入的内容仍在：请先复制要保留的部分，再点“重新加载”。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="363"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="369"/>
        <source>The report was edited after the last comment, at %1.</source>
        <translation>报告在最后一条评论之后被修改过，修改时间 %1。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="390"/>
        <source>Daily reports</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="390"/>
        <source>Weekly reports</source>
        <translation>周报</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/work_reports_page.py" line="398"/>
        <source>Comment texts</source>
        <translation>评论内容</translation>
    </message>
</context>
</TS>
