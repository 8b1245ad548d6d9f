<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="25" />
        <source>Assign customers</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="34" />
        <source>Optional; required for “Other”</source>
        <translation>选填；选择“其他”时必填</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="37" />
        <source>New owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="38" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="39" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="42" />
        <source>Hand %n customer(s) to another user.</source>
        <translation><numerusform>将 %n 个客户交给其他用户。</numerusform></translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="53" />
        <source>Please say why in a few words.</source>
        <translation>请简要说明原因。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="63" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="71" />
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="79" />
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="86" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="87" />
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="88" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="89" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="90" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="91" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="92" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="141" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="143" />
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="154" />
        <source>Details</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="157" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="157" />
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="157" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="158" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="158" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="158" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="160" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="162" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="164" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="174" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="181" />
        <source>What happened? What did the customer say?</source>
        <translation>发生了什么？客户怎么说？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="183" />
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="189" />
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="205" />
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="208" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="208" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="208" />
        <source>From</source>
        <translation>原负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="208" />
        <source>To</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="209" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="209" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="210" />
        <source>Ownership history</source>
        <translation>归属历史</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="212" />
        <source>Select a customer to see the details.</source>
        <translation>选择一个客户以查看详情。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="245" />
        <source>Owner: {owner} · Level {level} · Last follow-up: {last} · Next: {next}</source>
        <translation>负责人：{owner} · {level} 级 · 最近跟进：{last} · 下次：{next}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="246" />
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="278" />
        <source>next: {at}</source>
        <translation>下次：{at}</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="319" />
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="320" />
        <source>Save it anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="360" />
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_detail.py" line="361" />
        <source>Remove {name} from this customer?</source>
        <translation>要从该客户中移除 {name} 吗？</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="29" />
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="32" />
        <source>The name is already used by “{customer}” (owner: {owner}).</source>
        <translation>该名称已被“{customer}”使用（负责人：{owner}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="38" />
        <source>The phone {phone} already belongs to “{customer}” (owner: {owner}).</source>
        <translation>电话 {phone} 已属于“{customer}”（负责人：{owner}）。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="51" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="55" />
        <source>First contact (optional)</source>
        <translation>首位联系人（选填）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="62" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="63" />
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="64" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="65" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="66" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="124" />
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="125" />
        <source>This customer may already exist:</source>
        <translation>该客户可能已存在：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="128" />
        <source>Save it anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_dialog.py" line="129" />
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="37" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="40" />
        <source>Comma-separated, e.g. VIP, 展会</source>
        <translation>用逗号分隔，例如：VIP, 展会</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="45" />
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="46" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="47" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="48" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="49" />
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="50" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="51" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="52" />
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="53" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="54" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_form.py" line="55" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="46" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="52" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="59" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="65" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="72" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="79" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="85" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="91" />
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="96" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="100" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="106" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="113" />
        <source>Last follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="119" />
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="125" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_model.py" line="131" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="66" />
        <source>Search name, contact or phone…</source>
        <translation>搜索客户名称、联系人或电话…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="75" />
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="78" />
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="83" />
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="83" />
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="84" />
        <source>All I can see</source>
        <translation>全部可见客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="87" />
        <source>Any level</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="88" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="90" />
        <source>Any industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="91" />
        <source>Any province</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="92" />
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="93" />
        <source>Follow-up overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="94" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="102" />
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="104" />
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="106" />
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="108" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="144" />
        <source>Select a customer to see the details.</source>
        <translation>选择一个客户以查看详情。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="156" />
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="229" />
        <source>(current filters)</source>
        <translation>（当前筛选）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="342" />
        <source>Counting customers…</source>
        <translation>正在统计客户数…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="344" />
        <source>%n customer(s)</source>
        <translation><numerusform>%n 个客户</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="346" />
        <source>%n selected</source>
        <translation><numerusform>已选 %n 个</numerusform></translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="418" />
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="419" />
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/customer_page.py" line="494" />
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/customer_page.py" line="495" />
        <source>Move %n customer(s) to the recycle bin? You can restore them from there.</source>
        <translation><numerusform>将 %n 个客户移入回收站？之后可以从回收站恢复。</numerusform></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="27" />
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="28" />
        <source>{field} has a value that is not allowed.</source>
        <translation>{field}的值不被允许。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="29" />
        <source>{field} does not look like a phone number.</source>
        <translation>{field}不像是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="32" />
        <source>{field} does not look like an e-mail address.</source>
        <translation>{field}不像是有效的邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="35" />
        <source>{field} is too long.</source>
        <translation>{field}太长了。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="36" />
        <source>{field} must be later than the follow-up itself.</source>
        <translation>{field}必须晚于本次跟进时间。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="44" />
        <source>{field} is not valid.</source>
        <translation>{field}无效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="57" />
        <source>a colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="58" />
        <source>{who} changed this customer at {at} while you were editing it.</source>
        <translation>在您编辑期间，{who} 于 {at} 修改了该客户。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="62" />
        <source>They changed: {fields}.</source>
        <translation>修改的内容：{fields}。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="68" />
        <source>Reload to see their changes, then make yours again.</source>
        <translation>请重新加载查看对方的修改，然后再次进行您的修改。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="73" />
        <source>You are not allowed to do this. Ask your manager or an administrator.</source>
        <translation>您没有权限执行此操作。请联系您的主管或管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="77" />
        <source>This record no longer exists. Someone may have deleted it; the list is reloaded.</source>
        <translation>该记录已不存在，可能已被他人删除；列表已重新加载。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="82" />
        <source>This database was written by a newer version of crmdesk. Install the newest version to open it.</source>
        <translation>该数据库由更新版本的 crmdesk 创建。请安装最新版本后再打开。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="88" />
        <source>The database cannot be reached. Check the network connection or the server address, then try again. Nothing you entered was saved.</source>
        <translation>无法连接数据库。请检查网络连接或服务器地址后重试。您输入的内容尚未保存。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="94" />
        <source>The action could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="95" />
        <source>Something went wrong and the action was not completed. Details are in the log file.</source>
        <translation>出现问题，操作未完成。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/errors.py" line="110" />
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="24" />
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="26" />
        <source>e.g. 王伟</source>
        <translation>例如：王伟</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="27" />
        <source>Load demo data to look around (2,000 customers)</source>
        <translation>载入演示数据，先看看效果（2,000 个客户）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="28" />
        <source>Start with an empty database</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="30" />
        <source>Please enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="33" />
        <source>crmdesk keeps your customers in a file on this computer. You are its administrator.</source>
        <translation>crmdesk 将客户数据保存在本机的一个文件中，您是它的管理员。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="40" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="12" />
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="13" />
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="14" />
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="15" />
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="21" />
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="22" />
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="23" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="24" />
        <location filename="../../crmdesk/views/labels.py" line="75" />
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="25" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="31" />
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="32" />
        <source>Assigned</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="33" />
        <source>Transferred</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="34" />
        <source>Claimed</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="35" />
        <source>Released</source>
        <translation>释放</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="36" />
        <source>Recycled</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="42" />
        <source>Handover (rep leaving or changing territory)</source>
        <translation>交接（销售离职或调整区域）</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="45" />
        <source>Rebalancing workload</source>
        <translation>平衡工作量</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="46" />
        <source>Customer's request</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="47" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="53" />
        <source>Sales rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="54" />
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="55" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="61" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="62" />
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="63" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="64" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="65" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="66" />
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="67" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="68" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="69" />
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="70" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="71" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="72" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="73" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="74" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="76" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="77" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="78" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="79" />
        <source>Reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="80" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/labels.py" line="81" />
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="40" />
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="49" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="49" />
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="71" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="75" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="78" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="81" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/main_window.py" line="84" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="33" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="33" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="33" />
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="33" />
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="43" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="46" />
        <source>Deleted customers stay here, with their contacts and follow-ups, until you restore them.</source>
        <translation>已删除的客户连同其联系人和跟进记录都保留在这里，直到您将其恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/recycle_bin_page.py" line="72" />
        <source>%n deleted customer(s)</source>
        <translation><numerusform>%n 个已删除客户</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="63" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="66" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="68" />
        <source>A new language applies the next time crmdesk starts.</source>
        <translation>新的语言将在下次启动 crmdesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/setup_dialogs.py" line="71" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="62" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="64" />
        <source>Add this tag</source>
        <translation>添加此标签</translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="65" />
        <source>Remove this tag</source>
        <translation>移除此标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="69" />
        <source>Change the tags of %n customer(s).</source>
        <translation><numerusform>修改 %n 个客户的标签。</numerusform></translation>
    </message>
    <message>
        <location filename="../../crmdesk/views/bulk_dialogs.py" line="71" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
</TS>