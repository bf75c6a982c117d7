<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>not stated</source>
        <translation>غير محدَّد</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About LinkManager</source>
        <translation>حول LinkManager</translation>
    </message>
    <message>
        <source>LinkManager {version}</source>
        <translation>LinkManager، الإصدار {version}</translation>
    </message>
    <message>
        <source>Payment links of Lean Technologies. Qt {qt}, Python {python}.</source>
        <translation>روابط الدفع من Lean Technologies. Qt {qt}، Python {python}.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>مجلد البيانات</translation>
    </message>
    <message>
        <source>&amp;Open data folder</source>
        <translation>فتح مجلد البيانات (&amp;O)</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>فتح مجلد البيانات</translation>
    </message>
    <message>
        <source>Open the folder in the file manager</source>
        <translation>فتح المجلد في مدير الملفات</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>مجلد البيانات:</translation>
    </message>
    <message>
        <source>The libraries it ships with and their licences (in bold: those LinkManager requires; the others are what those need):</source>
        <translation>المكتبات المضمَّنة فيه وتراخيصها (بالخط العريض: المكتبات التي يتطلبها LinkManager؛ والبقية هي ما تحتاج إليه تلك المكتبات):</translation>
    </message>
    <message>
        <source>Libraries and licences</source>
        <translation>المكتبات والتراخيص</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>This build carries no package metadata.</source>
        <translation>لا يتضمن هذا الإصدار بيانات وصفية للحزم.</translation>
    </message>
</context>
<context>
    <name>AppProfiles</name>
    <message>
        <source>The API address</source>
        <translation>عنوان API</translation>
    </message>
    <message>
        <source>The token address</source>
        <translation>عنوان الرمز المميز (token)</translation>
    </message>
    <message>
        <source>A profile named {name} already exists: choose another name.</source>
        <translation>يوجد ملف تعريف باسم {name} بالفعل: اختر اسمًا آخر.</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <source>Disable links</source>
        <translation>تعطيل الروابط</translation>
    </message>
    <message>
        <source>Enable links</source>
        <translation>تفعيل الروابط</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n payment link(s)?</source>
        <translation>
            <numerusform>لا توجد روابط دفع لتعطيلها.</numerusform>
            <numerusform>تعطيل رابط دفع واحد؟</numerusform>
            <numerusform>تعطيل رابطَي دفع؟</numerusform>
            <numerusform>تعطيل %n روابط دفع؟</numerusform>
            <numerusform>تعطيل %n رابط دفع؟</numerusform>
            <numerusform>تعطيل %n رابط دفع؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers opening these links will see an error page and cannot start new payments. Payments already made are not affected. You can enable each link again until it expires.</source>
        <translation>سيرى العملاء الذين يفتحون هذه الروابط صفحة خطأ، ولن يتمكنوا من بدء دفعات جديدة. لا تتأثر الدفعات التي تمت بالفعل. يمكنك تفعيل كل رابط مرة أخرى حتى ينتهي.</translation>
    </message>
    <message numerus="yes">
        <source>Enable %n payment link(s)?</source>
        <translation>
            <numerusform>لا توجد روابط دفع لتفعيلها.</numerusform>
            <numerusform>تفعيل رابط دفع واحد؟</numerusform>
            <numerusform>تفعيل رابطَي دفع؟</numerusform>
            <numerusform>تفعيل %n روابط دفع؟</numerusform>
            <numerusform>تفعيل %n رابط دفع؟</numerusform>
            <numerusform>تفعيل %n رابط دفع؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers can pay through these links again. You can disable them again at any time.</source>
        <translation>يمكن للعملاء الدفع عبر هذه الروابط مرة أخرى. يمكنك تعطيلها مجددًا في أي وقت.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>الحالة بعد التنفيذ</translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation>النتيجة المترتبة</translation>
    </message>
    <message>
        <source>Skipped links</source>
        <translation>الروابط التي تم تخطيها</translation>
    </message>
    <message>
        <source>&amp;Reason (required for production links):</source>
        <translation>السبب (مطلوب لروابط بيئة الإنتاج): (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reason (optional, kept in the action journal):</source>
        <translation>السبب (اختياري، يُحفظ في سجل الإجراءات): (&amp;R)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>For example: season over, price changed</source>
        <translation>مثال: انتهى الموسم، تغيّر السعر</translation>
    </message>
    <message>
        <source>Problem with the reason</source>
        <translation>مشكلة في السبب</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n link(s)</source>
        <translation>
            <numerusform>لا روابط للتعطيل</numerusform>
            <numerusform>تعطيل رابط واحد</numerusform>
            <numerusform>تعطيل رابطين</numerusform>
            <numerusform>تعطيل %n روابط</numerusform>
            <numerusform>تعطيل %n رابطًا</numerusform>
            <numerusform>تعطيل %n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n link(s)</source>
        <translation>
            <numerusform>لا روابط للتفعيل</numerusform>
            <numerusform>تفعيل رابط واحد</numerusform>
            <numerusform>تفعيل رابطين</numerusform>
            <numerusform>تفعيل %n روابط</numerusform>
            <numerusform>تفعيل %n رابطًا</numerusform>
            <numerusform>تفعيل %n رابط</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>معطَّل</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>مفعَّل</translation>
    </message>
    <message>
        <source>Skipped: {why}</source>
        <translation>تم تخطيه: {why}</translation>
    </message>
    <message>
        <source>Nothing to do: every link is skipped ({reasons}).</source>
        <translation>لا يوجد ما يمكن تنفيذه: تم تخطي كل الروابط ({reasons}).</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) will be skipped and left as they are: {reasons}.</source>
        <translation>
            <numerusform>لن يتم تخطي أي رابط: {reasons}.</numerusform>
            <numerusform>سيتم تخطي رابط واحد وتركه كما هو: {reasons}.</numerusform>
            <numerusform>سيتم تخطي رابطين وتركهما كما هما: {reasons}.</numerusform>
            <numerusform>سيتم تخطي %n روابط وتركها كما هي: {reasons}.</numerusform>
            <numerusform>سيتم تخطي %n رابطًا وتركها كما هي: {reasons}.</numerusform>
            <numerusform>سيتم تخطي %n رابط وتركها كما هي: {reasons}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkController</name>
    <message>
        <source>Disable selected &amp;links…</source>
        <translation>تعطيل الروابط المحددة… (&amp;L)</translation>
    </message>
    <message>
        <source>Disable every selected link, after one confirmation</source>
        <translation>تعطيل كل الروابط المحددة بعد تأكيد واحد</translation>
    </message>
    <message>
        <source>Enable selected li&amp;nks…</source>
        <translation>تفعيل الروابط المحددة… (&amp;N)</translation>
    </message>
    <message>
        <source>Enable every selected link, after one confirmation</source>
        <translation>تفعيل كل الروابط المحددة بعد تأكيد واحد</translation>
    </message>
    <message>
        <source>Select all links in this &amp;view</source>
        <translation>تحديد كل الروابط في هذا العرض (&amp;V)</translation>
    </message>
    <message>
        <source>Select every link the current tab and search show</source>
        <translation>تحديد كل الروابط التي يعرضها التبويب الحالي ونتيجة البحث</translation>
    </message>
    <message>
        <source>Bulk change finished: {done} changed, {skipped} skipped, {failed} failed.</source>
        <translation>اكتمل الإجراء الجماعي: تم تغيير {done}، وتم تخطي {skipped}، وفشل {failed}.</translation>
    </message>
    <message>
        <source>The run stopped: {error}. Links not listed as done were not changed.</source>
        <translation>توقف التنفيذ: {error}. لم يتم تغيير الروابط غير المدرجة على أنها تمت.</translation>
    </message>
    <message>
        <source>The list of links was copied.</source>
        <translation>تم نسخ قائمة الروابط.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>تم حفظ {path}</translation>
    </message>
    <message>
        <source>Export the list of links</source>
        <translation>تصدير قائمة الروابط</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV لبرنامج Excel</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
</context>
<context>
    <name>BulkCounts</name>
    <message numerus="yes">
        <source>%Ln expired link(s)</source>
        <translation>
            <numerusform>لا روابط منتهية الصلاحية</numerusform>
            <numerusform>رابط واحد منتهي الصلاحية</numerusform>
            <numerusform>رابطان منتهيا الصلاحية</numerusform>
            <numerusform>%Ln روابط منتهية الصلاحية</numerusform>
            <numerusform>%Ln رابطًا منتهي الصلاحية</numerusform>
            <numerusform>%Ln رابط منتهي الصلاحية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln used link(s) (limit of payments reached)</source>
        <translation>
            <numerusform>لا روابط مستنفَدة (بلغت الحد الأقصى للدفعات)</numerusform>
            <numerusform>رابط واحد مستنفَد (بلغ الحد الأقصى للدفعات)</numerusform>
            <numerusform>رابطان مستنفَدان (بلغا الحد الأقصى للدفعات)</numerusform>
            <numerusform>%Ln روابط مستنفَدة (بلغت الحد الأقصى للدفعات)</numerusform>
            <numerusform>%Ln رابطًا مستنفَدًا (بلغت الحد الأقصى للدفعات)</numerusform>
            <numerusform>%Ln رابط مستنفَد (بلغت الحد الأقصى للدفعات)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) already disabled</source>
        <translation>
            <numerusform>لا روابط معطَّلة مسبقًا</numerusform>
            <numerusform>رابط واحد معطَّل مسبقًا</numerusform>
            <numerusform>رابطان معطَّلان مسبقًا</numerusform>
            <numerusform>%Ln روابط معطَّلة مسبقًا</numerusform>
            <numerusform>%Ln رابطًا معطَّلًا مسبقًا</numerusform>
            <numerusform>%Ln رابط معطَّل مسبقًا</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) already active</source>
        <translation>
            <numerusform>لا روابط نشطة مسبقًا</numerusform>
            <numerusform>رابط واحد نشط مسبقًا</numerusform>
            <numerusform>رابطان نشطان مسبقًا</numerusform>
            <numerusform>%Ln روابط نشطة مسبقًا</numerusform>
            <numerusform>%Ln رابطًا نشطًا مسبقًا</numerusform>
            <numerusform>%Ln رابط نشط مسبقًا</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) with a status LinkManager does not know</source>
        <translation>
            <numerusform>لا روابط بحالة لا يعرفها LinkManager</numerusform>
            <numerusform>رابط واحد بحالة لا يعرفها LinkManager</numerusform>
            <numerusform>رابطان بحالة لا يعرفها LinkManager</numerusform>
            <numerusform>%Ln روابط بحالة لا يعرفها LinkManager</numerusform>
            <numerusform>%Ln رابطًا بحالة لا يعرفها LinkManager</numerusform>
            <numerusform>%Ln رابط بحالة لا يعرفها LinkManager</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) refused by the rules</source>
        <translation>
            <numerusform>لا روابط رفضتها القواعد</numerusform>
            <numerusform>رابط واحد رفضته القواعد</numerusform>
            <numerusform>رابطان رفضتهما القواعد</numerusform>
            <numerusform>%Ln روابط رفضتها القواعد</numerusform>
            <numerusform>%Ln رابطًا رفضته القواعد</numerusform>
            <numerusform>%Ln رابط رفضتها القواعد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkList</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Link ID</source>
        <translation>معرّف الرابط</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Not in the offline cache</source>
        <translation>غير موجود في البيانات المحفوظة على الجهاز</translation>
    </message>
</context>
<context>
    <name>BulkRunDialog</name>
    <message>
        <source>Disabling links</source>
        <translation>جارٍ تعطيل الروابط</translation>
    </message>
    <message>
        <source>Enabling links</source>
        <translation>تفعيل الروابط</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <source>Links and their outcome</source>
        <translation>الروابط ونتائجها</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>إعادة محاولة الروابط الفاشلة (&amp;R)</translation>
    </message>
    <message>
        <source>Cop&amp;y list</source>
        <translation>نسخ القائمة (&amp;y)</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>تصدير بتنسيق CSV… (&amp;E)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>قيد الانتظار</translation>
    </message>
    <message numerus="yes">
        <source>Disabling %n link(s) at a pace Lean accepts…</source>
        <translation>
            <numerusform>جارٍ تعطيل %n رابط بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تعطيل رابط واحد بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تعطيل رابطين بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تعطيل %n روابط بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تعطيل %n رابطًا بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تعطيل %n رابط بوتيرة يقبلها Lean…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabling %n link(s) at a pace Lean accepts…</source>
        <translation>
            <numerusform>جارٍ تفعيل %n رابط بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تفعيل رابط واحد بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تفعيل رابطين بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تفعيل %n روابط بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تفعيل %n رابطًا بوتيرة يقبلها Lean…</numerusform>
            <numerusform>جارٍ تفعيل %n رابط بوتيرة يقبلها Lean…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: the link being changed finishes, the rest are left.</source>
        <translation>جارٍ الإلغاء: يكتمل تغيير الرابط الجاري تعديله، وتُترك بقية الروابط دون تغيير.</translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <translation>
            <numerusform>لم يُعطَّل أي رابط</numerusform>
            <numerusform>تم تعطيل رابط واحد</numerusform>
            <numerusform>تم تعطيل رابطين</numerusform>
            <numerusform>تم تعطيل %n روابط</numerusform>
            <numerusform>تم تعطيل %n رابطًا</numerusform>
            <numerusform>تم تعطيل %n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation>
            <numerusform>لم يُفعَّل أي رابط</numerusform>
            <numerusform>تم تفعيل رابط واحد</numerusform>
            <numerusform>تم تفعيل رابطين</numerusform>
            <numerusform>تم تفعيل %n روابط</numerusform>
            <numerusform>تم تفعيل %n رابطًا</numerusform>
            <numerusform>تم تفعيل %n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>لم يُتخطَّ أي رابط</numerusform>
            <numerusform>تم تخطي رابط واحد</numerusform>
            <numerusform>تم تخطي رابطين</numerusform>
            <numerusform>تم تخطي %n روابط</numerusform>
            <numerusform>تم تخطي %n رابطًا</numerusform>
            <numerusform>تم تخطي %n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>لم يفشل أي رابط</numerusform>
            <numerusform>فشل رابط واحد</numerusform>
            <numerusform>فشل رابطان</numerusform>
            <numerusform>فشلت %n روابط</numerusform>
            <numerusform>فشل %n رابطًا</numerusform>
            <numerusform>فشل %n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not attempted</source>
        <translation>
            <numerusform>لم تتم المحاولة على %n رابط</numerusform>
            <numerusform>لم تتم المحاولة على رابط واحد</numerusform>
            <numerusform>لم تتم المحاولة على رابطين</numerusform>
            <numerusform>لم تتم المحاولة على %n روابط</numerusform>
            <numerusform>لم تتم المحاولة على %n رابطًا</numerusform>
            <numerusform>لم تتم المحاولة على %n رابط</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: {counts}.</source>
        <translation>اكتمل: {counts}.</translation>
    </message>
    <message>
        <source>Retry failed tries the failed links again.</source>
        <translation>يعيد زر «إعادة محاولة الروابط الفاشلة» المحاولة على الروابط التي فشلت.</translation>
    </message>
</context>
<context>
    <name>BulkStatus</name>
    <message>
        <source>Disabled</source>
        <translation>تم التعطيل</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>تم التفعيل</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>تم تخطيه</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Not attempted</source>
        <translation>لم تتم المحاولة</translation>
    </message>
    <message>
        <source>HTTP {status}</source>
        <translation>HTTP {status}</translation>
    </message>
    <message>
        <source>request ID {id}</source>
        <translation>معرّف الطلب {id}</translation>
    </message>
    <message>
        <source>Link ID</source>
        <translation>معرّف الرابط</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Status before</source>
        <translation>الحالة السابقة</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Links disabled together</source>
        <translation>روابط عُطِّلت بإجراء جماعي</translation>
    </message>
    <message>
        <source>Links enabled together</source>
        <translation>روابط فُعِّلت بإجراء جماعي</translation>
    </message>
    <message>
        <source>Not attempted: the run was cancelled first.</source>
        <translation>لم تتم المحاولة: أُلغي التنفيذ قبل الوصول إلى هذا الرابط.</translation>
    </message>
</context>
<context>
    <name>Cache</name>
    <message>
        <source>a stored link cannot be read back ({kind})</source>
        <translation>تتعذّر قراءة رابط محفوظ ({kind})</translation>
    </message>
    <message>
        <source>be created</source>
        <translation>إنشاء الملف</translation>
    </message>
    <message>
        <source>be opened</source>
        <translation>فتح الملف</translation>
    </message>
    <message>
        <source>be read</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <source>count the links</source>
        <translation>عدّ الروابط</translation>
    </message>
    <message>
        <source>keep the search index</source>
        <translation>حفظ فهرس البحث</translation>
    </message>
    <message>
        <source>mark unlisted links</source>
        <translation>تمييز الروابط غير الواردة في القائمة</translation>
    </message>
    <message>
        <source>prepare the search</source>
        <translation>تجهيز البحث</translation>
    </message>
    <message>
        <source>read a link</source>
        <translation>قراءة رابط</translation>
    </message>
    <message>
        <source>read a usage&apos;s history</source>
        <translation>قراءة سجلّ محاولة دفع</translation>
    </message>
    <message>
        <source>read payments</source>
        <translation>قراءة دفعات</translation>
    </message>
    <message>
        <source>read the bank&apos;s columns</source>
        <translation>قراءة أعمدة كشف الحساب لهذا البنك</translation>
    </message>
    <message>
        <source>read the banks&apos; columns</source>
        <translation>قراءة أعمدة كشوف الحساب للبنوك</translation>
    </message>
    <message>
        <source>read the links</source>
        <translation>قراءة الروابط</translation>
    </message>
    <message>
        <source>read the payments</source>
        <translation>قراءة الدفعات</translation>
    </message>
    <message>
        <source>read the sync problems</source>
        <translation>قراءة مشكلات المزامنة</translation>
    </message>
    <message>
        <source>read the sync state</source>
        <translation>قراءة حالة المزامنة</translation>
    </message>
    <message>
        <source>read usages</source>
        <translation>قراءة محاولات الدفع</translation>
    </message>
    <message>
        <source>record the sync</source>
        <translation>تسجيل المزامنة</translation>
    </message>
    <message>
        <source>remember the bank&apos;s columns</source>
        <translation>حفظ أعمدة كشف الحساب لهذا البنك</translation>
    </message>
    <message>
        <source>save a link</source>
        <translation>حفظ رابط</translation>
    </message>
    <message>
        <source>save links</source>
        <translation>حفظ الروابط</translation>
    </message>
    <message>
        <source>save sync problems</source>
        <translation>حفظ مشكلات المزامنة</translation>
    </message>
    <message>
        <source>save the matches</source>
        <translation>حفظ التطابقات</translation>
    </message>
    <message>
        <source>save usages</source>
        <translation>حفظ محاولات الدفع</translation>
    </message>
    <message>
        <source>search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>search the payments</source>
        <translation>البحث في الدفعات</translation>
    </message>
    <message>
        <source>sort the payments</source>
        <translation>ترتيب الدفعات</translation>
    </message>
    <message>
        <source>suggest</source>
        <translation>تقديم اقتراحات البحث</translation>
    </message>
    <message>
        <source>undo the match</source>
        <translation>إلغاء التطابق</translation>
    </message>
    <message>
        <source>it can be rebuilt from Lean with `linkmanager sync --rebuild` (or Sync in the window), and your saved credentials are untouched</source>
        <translation>يمكن إعادة بنائه من Lean بالأمر `linkmanager sync --rebuild` (أو بالمزامنة من النافذة)، ولن تتأثر بيانات الاعتماد المحفوظة</translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation>نظام ملفات للقراءة فقط</translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be used because {reason}; {advice}.</source>
        <translation>لا يمكن استخدام ملف البيانات المحفوظة على الجهاز {path}، والسبب: {reason}؛ {advice}.</translation>
    </message>
    <message>
        <source>update LinkManager, or rebuild the cache from Lean with a full sync (your saved credentials are untouched)</source>
        <translation>حدِّث LinkManager، أو أعِد بناء البيانات المحفوظة على الجهاز من Lean بمزامنة كاملة (لن تتأثر بيانات الاعتماد المحفوظة)</translation>
    </message>
    <message>
        <source>update LinkManager to read it</source>
        <translation>حدِّث LinkManager لتتمكن من قراءته</translation>
    </message>
    <message>
        <source>it was written by a newer version of LinkManager (cache schema {found}; this version reads up to {supported})</source>
        <translation>كتبه إصدار أحدث من LinkManager (مخطط البيانات {found}؛ يقرأ هذا الإصدار حتى {supported})</translation>
    </message>
    <message>
        <source>The offline cache {path} is read-only ({reason}): it still answers reads, but nothing can be saved to it. To sync, copy it to a folder you can write to, or make this one writable.</source>
        <translation>ملف البيانات المحفوظة على الجهاز {path} للقراءة فقط ({reason}): لا تزال القراءة منه ممكنة، لكن لا يمكن حفظ أي شيء فيه. للمزامنة، انسخه إلى مجلد يمكنك الكتابة فيه، أو اجعل هذا المجلد قابلًا للكتابة.</translation>
    </message>
    <message>
        <source>The offline cache {path} holds no data yet and cannot be set up where it is ({reason}): open it once where it can be written.</source>
        <translation>ملف البيانات المحفوظة على الجهاز {path} لا يحتوي على بيانات بعد، ولا يمكن تهيئته في مكانه الحالي ({reason}): افتحه مرة واحدة في مكان يمكن الكتابة فيه.</translation>
    </message>
    <message>
        <source>The offline cache {path} was written by an older LinkManager (cache schema {found}; this version reads {supported}) and cannot be upgraded where it is ({reason}): open it once where it can be written.</source>
        <translation>ملف البيانات المحفوظة على الجهاز {path} كتبه إصدار أقدم من LinkManager (مخطط البيانات {found}؛ يقرأ هذا الإصدار {supported})، ولا يمكن ترقيته في مكانه الحالي ({reason}): افتحه مرة واحدة في مكان يمكن الكتابة فيه.</translation>
    </message>
    <message>
        <source>The disk is full: the offline cache {path} could not {doing}. Free some space on that disk and try again; nothing stored before is lost.</source>
        <translation>القرص ممتلئ، فتعذّر {doing} (ملف البيانات المحفوظة على الجهاز {path}). أفرغ بعض المساحة على ذلك القرص ثم أعد المحاولة؛ لم يُفقد شيء مما حُفظ من قبل.</translation>
    </message>
    <message>
        <source>The offline cache {path} has been closed.</source>
        <translation>تم إغلاق ملف البيانات المحفوظة على الجهاز {path}.</translation>
    </message>
    <message>
        <source>{problem}: the file was altered or damaged</source>
        <translation>{problem}: عُدِّل الملف أو تلف</translation>
    </message>
    <message>
        <source>no permission to write to {path}</source>
        <translation>لا يوجد إذن بالكتابة في {path}</translation>
    </message>
    <message>
        <source>its contents are damaged (SQLite says: {text})</source>
        <translation>محتواه تالف (رسالة SQLite: {text})</translation>
    </message>
    <message>
        <source>SQLite says: {text}</source>
        <translation>رسالة SQLite: {text}</translation>
    </message>
    <message>
        <source>it cannot be opened for reading and writing (SQLite says: {text})</source>
        <translation>يتعذّر فتحه للقراءة والكتابة (رسالة SQLite: {text})</translation>
    </message>
    <message>
        <source>The offline cache {path} could not {doing}: it is busy, probably open in another LinkManager window.</source>
        <translation>ملف البيانات المحفوظة على الجهاز {path}: تعذّر {doing} لأن الملف مشغول، وربما يكون مفتوحًا في نافذة LinkManager أخرى.</translation>
    </message>
    <message>
        <source>The offline cache {path} could not {doing}: reading or writing the file failed ({text}).</source>
        <translation>ملف البيانات المحفوظة على الجهاز {path}: تعذّر {doing} لإخفاق القراءة من الملف أو الكتابة فيه ({text}).</translation>
    </message>
    <message>
        <source>The offline cache {path} could not {doing} ({text}).</source>
        <translation>ملف البيانات المحفوظة على الجهاز {path}: تعذّر {doing} ({text}).</translation>
    </message>
    <message>
        <source>The folder for the offline cache, {folder}, cannot be created ({reason}).</source>
        <translation>تعذّر إنشاء المجلد {folder} المخصَّص للبيانات المحفوظة على الجهاز ({reason}).</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>المسار مجلد وليس ملفًا</translation>
    </message>
    <message>
        <source>it cannot be opened ({reason})</source>
        <translation>يتعذّر فتحه ({reason})</translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be created ({reason}).</source>
        <translation>تعذّر إنشاء ملف البيانات المحفوظة على الجهاز {path} ({reason}).</translation>
    </message>
    <message>
        <source>no permission to read {path}</source>
        <translation>لا يوجد إذن بقراءة {path}</translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be read ({reason}).</source>
        <translation>تتعذّر قراءة ملف البيانات المحفوظة على الجهاز {path} ({reason}).</translation>
    </message>
    <message>
        <source>it is not a database (its first bytes are not an SQLite header)</source>
        <translation>الملف ليس قاعدة بيانات (بايتاته الأولى ليست ترويسة SQLite)</translation>
    </message>
    <message>
        <source>it is cut short (the file ends inside the SQLite header)</source>
        <translation>الملف مبتور (ينتهي داخل ترويسة SQLite)</translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be read where it is ({reason}): its last changes are still in {wal}, which SQLite cannot read there without {shm}. Open it once where it can be written.</source>
        <translation>تتعذّر قراءة ملف البيانات المحفوظة على الجهاز {path} في مكانه الحالي ({reason}): لا تزال آخر تغييراته في {wal}، ولا يستطيع SQLite قراءته هناك دون {shm}. افتحه مرة واحدة في مكان يمكن الكتابة فيه.</translation>
    </message>
    <message>
        <source>The damaged offline cache {path} could not be moved aside ({reason}).</source>
        <translation>تعذّر نقل ملف البيانات المحفوظة على الجهاز التالف {path} جانبًا ({reason}).</translation>
    </message>
    <message>
        <source>a stored usage cannot be read back ({kind})</source>
        <translation>تتعذّر قراءة محاولة دفع محفوظة ({kind})</translation>
    </message>
    <message>
        <source>it failed its integrity check ({summary})</source>
        <translation>أخفق في فحص السلامة ({summary})</translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be read where it is: SQLite must create {shm} beside it to read it safely, but there is no permission to write to {folder}. Make that folder writable, or copy the cache to a folder you can write to.</source>
        <translation>تتعذّر قراءة ملف البيانات المحفوظة على الجهاز {path} في مكانه الحالي: يجب أن يُنشئ SQLite الملف {shm} بجانبه لقراءته بأمان، لكن لا يوجد إذن بالكتابة في {folder}. اجعل ذلك المجلد قابلًا للكتابة، أو انسخ البيانات المحفوظة إلى مجلد يمكنك الكتابة فيه.</translation>
    </message>
    <message>
        <source>it is an SQLite database of some other program, not a LinkManager cache</source>
        <translation>الملف قاعدة بيانات SQLite لبرنامج آخر، وليس ملف بيانات محفوظة لـ LinkManager</translation>
    </message>
</context>
<context>
    <name>ChangesController</name>
    <message>
        <source>&amp;Changes</source>
        <translation>التغييرات (&amp;C)</translation>
    </message>
    <message>
        <source>What the last syncs changed ({key})</source>
        <translation>ما غيّرته عمليات المزامنة الأخيرة ({key})</translation>
    </message>
</context>
<context>
    <name>ChangesDock</name>
    <message>
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <source>Latest notices</source>
        <translation>أحدث الإشعارات</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>تجاهل (&amp;D)</translation>
    </message>
    <message>
        <source>Dismiss the notices</source>
        <translation>تجاهل الإشعارات</translation>
    </message>
    <message>
        <source>Sync shown</source>
        <translation>المزامنة المعروضة</translation>
    </message>
    <message>
        <source>The last syncs kept (up to 100): choose one to see what it changed</source>
        <translation>عمليات المزامنة الأخيرة المحفوظة (حتى 100): اختر إحداها لترى ما غيّرته</translation>
    </message>
    <message>
        <source>S&amp;ync:</source>
        <translation>المزامنة: (&amp;y)</translation>
    </message>
    <message>
        <source>About this sync</source>
        <translation>حول هذه المزامنة</translation>
    </message>
    <message>
        <source>Changes at this sync</source>
        <translation>التغييرات في هذه المزامنة</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Notes on this sync</source>
        <translation>ملاحظات حول هذه المزامنة</translation>
    </message>
    <message>
        <source>No sync has been recorded yet.</source>
        <translation>لم تُسجَّل أي مزامنة بعد.</translation>
    </message>
    <message>
        <source>What each sync changes will show here.</source>
        <translation>ستظهر هنا التغييرات التي تُجريها كل مزامنة.</translation>
    </message>
</context>
<context>
    <name>ChangesNotices</name>
    <message>
        <source>A payment collected on {name}</source>
        <translation>تم تحصيل دفعة عبر الرابط {name}</translation>
    </message>
    <message>
        <source>{amount} collected on {name}</source>
        <translation>تم تحصيل {amount} عبر الرابط {name}</translation>
    </message>
    <message>
        <source>A payment failed on {name}</source>
        <translation>فشلت دفعة عبر الرابط {name}</translation>
    </message>
    <message>
        <source>A payment of {amount} failed on {name}</source>
        <translation>فشلت دفعة بمبلغ {amount} عبر الرابط {name}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) collected</source>
        <translation>
            <numerusform>لا دفعات محصَّلة</numerusform>
            <numerusform>دفعة واحدة محصَّلة</numerusform>
            <numerusform>دفعتان محصَّلتان</numerusform>
            <numerusform>%Ln دفعات محصَّلة</numerusform>
            <numerusform>%Ln دفعة محصَّلة</numerusform>
            <numerusform>%Ln دفعة محصَّلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) failed</source>
        <translation>
            <numerusform>لا دفعات فاشلة</numerusform>
            <numerusform>دفعة واحدة فاشلة</numerusform>
            <numerusform>دفعتان فاشلتان</numerusform>
            <numerusform>%Ln دفعات فاشلة</numerusform>
            <numerusform>%Ln دفعة فاشلة</numerusform>
            <numerusform>%Ln دفعة فاشلة</numerusform>
        </translation>
    </message>
    <message>
        <source>{count}, {amounts}</source>
        <translation>{count}، {amounts}</translation>
    </message>
    <message>
        <source>{name} expires {when}</source>
        <translation>ينتهي الرابط {name} في {when}</translation>
    </message>
    <message>
        <source>{name} has taken {used} of {limit} payments</source>
        <translation>تمت {used} دفعة من أصل {limit} عبر الرابط {name}</translation>
    </message>
    <message>
        <source>{name} is near its end</source>
        <translation>الرابط {name} قارب على نهايته</translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) about to expire or near their limit</source>
        <translation>
            <numerusform>لا روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>رابط واحد قارب على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>رابطان قاربا على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>%Ln روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>%Ln رابطًا قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>%Ln رابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>ولا روابط أخرى</numerusform>
            <numerusform>ورابط آخر</numerusform>
            <numerusform>ورابطان آخران</numerusform>
            <numerusform>و%Ln روابط أخرى</numerusform>
            <numerusform>و%Ln رابطًا آخر</numerusform>
            <numerusform>و%Ln رابط آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>{count}: {names} {more}</source>
        <translation>{count}، وهي: {names} {more}</translation>
    </message>
    <message>
        <source>{count}: {names}</source>
        <translation>{count}، وهي: {names}</translation>
    </message>
    <message numerus="yes">
        <source>The sync could not update %Ln link(s); View &gt; Sync problems says why</source>
        <translation>
            <numerusform>تعذّر على المزامنة تحديث %Ln رابط؛ راجع عرض &gt; مشكلات المزامنة لمعرفة السبب</numerusform>
            <numerusform>تعذّر على المزامنة تحديث رابط واحد؛ راجع عرض &gt; مشكلات المزامنة لمعرفة السبب</numerusform>
            <numerusform>تعذّر على المزامنة تحديث رابطين؛ راجع عرض &gt; مشكلات المزامنة لمعرفة السبب</numerusform>
            <numerusform>تعذّر على المزامنة تحديث %Ln روابط؛ راجع عرض &gt; مشكلات المزامنة لمعرفة السبب</numerusform>
            <numerusform>تعذّر على المزامنة تحديث %Ln رابطًا؛ راجع عرض &gt; مشكلات المزامنة لمعرفة السبب</numerusform>
            <numerusform>تعذّر على المزامنة تحديث %Ln رابط؛ راجع عرض &gt; مشكلات المزامنة لمعرفة السبب</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed at the last sync</source>
        <translation>ما تغيّر في آخر مزامنة</translation>
    </message>
    <message numerus="yes">
        <source>Payment(s) collected</source>
        <translation>
            <numerusform>دفعات محصَّلة</numerusform>
            <numerusform>دفعة محصَّلة</numerusform>
            <numerusform>دفعتان محصَّلتان</numerusform>
            <numerusform>دفعات محصَّلة</numerusform>
            <numerusform>دفعات محصَّلة</numerusform>
            <numerusform>دفعات محصَّلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payment(s) failed</source>
        <translation>
            <numerusform>دفعات فاشلة</numerusform>
            <numerusform>دفعة فاشلة</numerusform>
            <numerusform>دفعتان فاشلتان</numerusform>
            <numerusform>دفعات فاشلة</numerusform>
            <numerusform>دفعات فاشلة</numerusform>
            <numerusform>دفعات فاشلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link(s) about to expire or near their limit</source>
        <translation>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>رابط قارب على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>رابطان قاربا على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>مشكلة في المزامنة</translation>
    </message>
</context>
<context>
    <name>ChangesRows</name>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Expires {when}</source>
        <translation>ينتهي في {when}</translation>
    </message>
    <message>
        <source>Near its limit</source>
        <translation>قارب على بلوغ الحد الأقصى</translation>
    </message>
    <message>
        <source>{used} of {limit} payments taken</source>
        <translation>تمت {used} دفعة من أصل {limit}</translation>
    </message>
    <message numerus="yes">
        <source>New payments (%Ln)</source>
        <translation>
            <numerusform>دفعات جديدة (%Ln)</numerusform>
            <numerusform>دفعة جديدة (%Ln)</numerusform>
            <numerusform>دفعتان جديدتان (%Ln)</numerusform>
            <numerusform>دفعات جديدة (%Ln)</numerusform>
            <numerusform>دفعات جديدة (%Ln)</numerusform>
            <numerusform>دفعات جديدة (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payments whose status moved (%Ln)</source>
        <translation>
            <numerusform>دفعات تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>دفعة تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>دفعتان تغيّرت حالتهما (%Ln)</numerusform>
            <numerusform>دفعات تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>دفعات تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>دفعات تغيّرت حالتها (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>by {user} on this workstation, {when}</source>
        <translation>بواسطة {user} على محطة العمل هذه، {when}</translation>
    </message>
    <message numerus="yes">
        <source>Links whose status changed (%Ln)</source>
        <translation>
            <numerusform>روابط تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>رابط تغيّرت حالته (%Ln)</numerusform>
            <numerusform>رابطان تغيّرت حالتهما (%Ln)</numerusform>
            <numerusform>روابط تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>روابط تغيّرت حالتها (%Ln)</numerusform>
            <numerusform>روابط تغيّرت حالتها (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Links about to expire or near their limit (%Ln)</source>
        <translation>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى (%Ln)</numerusform>
            <numerusform>رابط قارب على الانتهاء أو على بلوغ الحد الأقصى (%Ln)</numerusform>
            <numerusform>رابطان قاربا على الانتهاء أو على بلوغ الحد الأقصى (%Ln)</numerusform>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى (%Ln)</numerusform>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى (%Ln)</numerusform>
            <numerusform>روابط قاربت على الانتهاء أو على بلوغ الحد الأقصى (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync of {when}, stopped part-way: what it stored before</source>
        <translation>مزامنة {when}، توقفت قبل اكتمالها: ما حفظته قبل التوقف</translation>
    </message>
    <message>
        <source>Sync of {when}: the first, every link was new</source>
        <translation>مزامنة {when}: المزامنة الأولى، وكانت كل الروابط جديدة</translation>
    </message>
    <message>
        <source>Sync of {when}</source>
        <translation>مزامنة {when}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s)</source>
        <translation>
            <numerusform>لا دفعات</numerusform>
            <numerusform>دفعة واحدة</numerusform>
            <numerusform>دفعتان</numerusform>
            <numerusform>%Ln دفعات</numerusform>
            <numerusform>%Ln دفعة</numerusform>
            <numerusform>%Ln دفعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s)</source>
        <translation>
            <numerusform>لا روابط</numerusform>
            <numerusform>رابط واحد</numerusform>
            <numerusform>رابطان</numerusform>
            <numerusform>%Ln روابط</numerusform>
            <numerusform>%Ln رابطًا</numerusform>
            <numerusform>%Ln رابط</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>توقفت</translation>
    </message>
    <message>
        <source>Nothing changed at this sync.</source>
        <translation>لم يتغيّر شيء في هذه المزامنة.</translation>
    </message>
    <message>
        <source>{shown} of {total} payments are listed; the Payments view has them all.</source>
        <translation>تُعرض {shown} دفعة من أصل {total}؛ تجدها كلها في عرض الدفعات.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) new to this workstation.</source>
        <translation>
            <numerusform>لا روابط جديدة على محطة العمل هذه.</numerusform>
            <numerusform>رابط واحد جديد على محطة العمل هذه.</numerusform>
            <numerusform>رابطان جديدان على محطة العمل هذه.</numerusform>
            <numerusform>%Ln روابط جديدة على محطة العمل هذه.</numerusform>
            <numerusform>%Ln رابطًا جديدًا على محطة العمل هذه.</numerusform>
            <numerusform>%Ln رابط جديد على محطة العمل هذه.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) could not be updated: View &gt; Sync problems says why.</source>
        <translation>
            <numerusform>تعذّر تحديث %Ln رابط: راجع عرض &gt; مشكلات المزامنة لمعرفة السبب.</numerusform>
            <numerusform>تعذّر تحديث رابط واحد: راجع عرض &gt; مشكلات المزامنة لمعرفة السبب.</numerusform>
            <numerusform>تعذّر تحديث رابطين: راجع عرض &gt; مشكلات المزامنة لمعرفة السبب.</numerusform>
            <numerusform>تعذّر تحديث %Ln روابط: راجع عرض &gt; مشكلات المزامنة لمعرفة السبب.</numerusform>
            <numerusform>تعذّر تحديث %Ln رابطًا: راجع عرض &gt; مشكلات المزامنة لمعرفة السبب.</numerusform>
            <numerusform>تعذّر تحديث %Ln رابط: راجع عرض &gt; مشكلات المزامنة لمعرفة السبب.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Disable this payment link?</source>
        <translation>هل تريد تعطيل رابط الدفع هذا؟</translation>
    </message>
    <message>
        <source>Customers will see an error page and cannot start new payments. {way_back}</source>
        <translation>سيرى العملاء صفحة خطأ ولن يتمكنوا من بدء دفعات جديدة. {way_back}</translation>
    </message>
    <message>
        <source>Enable this payment link?</source>
        <translation>هل تريد تفعيل رابط الدفع هذا؟</translation>
    </message>
    <message>
        <source>Customers can pay through this link again. You can disable it again at any time.</source>
        <translation>سيتمكن العملاء من الدفع عبر هذا الرابط مرة أخرى. يمكنك تعطيله مجددًا في أي وقت.</translation>
    </message>
</context>
<context>
    <name>ConfirmStatusDialog</name>
    <message>
        <source>Disable link</source>
        <translation>تعطيل الرابط</translation>
    </message>
    <message>
        <source>Enable link</source>
        <translation>تفعيل الرابط</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>{amount} · Link ID {id}</source>
        <translation>{amount} · معرّف الرابط {id}</translation>
    </message>
    <message>
        <source>Amount and link ID</source>
        <translation>المبلغ ومعرّف الرابط</translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation>الأثر المترتب</translation>
    </message>
    <message>
        <source>Printed QR codes</source>
        <translation>رموز QR المطبوعة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Reason (required for production links):</source>
        <translation>السبب (مطلوب لروابط بيئة الإنتاج): (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reason (optional, kept in the action journal):</source>
        <translation>السبب (اختياري، يُحفظ في سجل الإجراءات): (&amp;R)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>For example: customer asked, price changed</source>
        <translation>مثال: بطلب من العميل، تغيّر السعر</translation>
    </message>
    <message>
        <source>Problem with the reason</source>
        <translation>مشكلة في السبب</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>معطَّل</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>مستنفَد</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>الهاتف المحمول</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>in {span}</source>
        <translation>بعد {span}</translation>
    </message>
    <message>
        <source>{span} ago</source>
        <translation>قبل {span}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy {label}</source>
        <translation>نسخ {label}</translation>
    </message>
</context>
<context>
    <name>CopyFieldCounts</name>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln سنة</numerusform>
            <numerusform>سنة واحدة</numerusform>
            <numerusform>سنتين</numerusform>
            <numerusform>%Ln سنوات</numerusform>
            <numerusform>%Ln سنة</numerusform>
            <numerusform>%Ln سنة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln شهر</numerusform>
            <numerusform>شهر واحد</numerusform>
            <numerusform>شهرين</numerusform>
            <numerusform>%Ln أشهر</numerusform>
            <numerusform>%Ln شهرًا</numerusform>
            <numerusform>%Ln شهر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln يوم</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومين</numerusform>
            <numerusform>%Ln أيام</numerusform>
            <numerusform>%Ln يومًا</numerusform>
            <numerusform>%Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتين</numerusform>
            <numerusform>%Ln ساعات</numerusform>
            <numerusform>%Ln ساعة</numerusform>
            <numerusform>%Ln ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتين</numerusform>
            <numerusform>%Ln دقائق</numerusform>
            <numerusform>%Ln دقيقة</numerusform>
            <numerusform>%Ln دقيقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterController</name>
    <message>
        <source>Show on &amp;counter display…</source>
        <translation>عرض على شاشة العميل (&amp;C)…</translation>
    </message>
    <message>
        <source>Close counter display</source>
        <translation>إغلاق شاشة العميل</translation>
    </message>
    <message>
        <source>Close the counter display and stop watching its link (Esc)</source>
        <translation>إغلاق شاشة العميل وإيقاف مراقبة رابطها (Esc)</translation>
    </message>
    <message>
        <source>Select an active link to show its QR code to the customer</source>
        <translation>حدِّد رابطًا نشطًا لعرض رمز QR الخاص به للعميل</translation>
    </message>
    <message>
        <source>Show this link&apos;s QR code full screen to the customer and confirm payments live</source>
        <translation>عرض رمز QR الخاص بهذا الرابط بملء الشاشة أمام العميل وتأكيد الدفعات فور وصولها</translation>
    </message>
    <message>
        <source>Only an active link can take payments at the counter</source>
        <translation>لا يمكن تلقّي الدفعات عند نقطة البيع إلا عبر رابط نشط</translation>
    </message>
    <message>
        <source>{name} — {amount}</source>
        <translation>{name} — {amount}</translation>
    </message>
    <message>
        <source>The simulator refused the payment: {reason}</source>
        <translation>رفض الخادم المُحاكى الدفعة: {reason}</translation>
    </message>
</context>
<context>
    <name>CounterDisplay</name>
    <message>
        <source>Counter display — {name}</source>
        <translation>شاشة العميل — {name}</translation>
    </message>
    <message>
        <source>Counter display</source>
        <translation>شاشة العميل</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>رمز QR</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>امسح للدفع</translation>
    </message>
    <message>
        <source>Paid — {amount}</source>
        <translation>تم الدفع — {amount}</translation>
    </message>
    <message>
        <source>Payment not completed — please try again</source>
        <translation>لم تكتمل عملية الدفع — يرجى المحاولة مرة أخرى</translation>
    </message>
    <message>
        <source>Payment pending with the bank…</source>
        <translation>الدفع قيد المعالجة لدى البنك…</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>شكرا لك</translation>
    </message>
    <message>
        <source>This code is no longer accepting payments</source>
        <translation>لم يعد هذا الرمز يقبل المدفوعات</translation>
    </message>
</context>
<context>
    <name>CounterScreens</name>
    <message>
        <source>{number}: {name} ({width}×{height})</source>
        <translation>{number}: {name} ({width}×{height})</translation>
    </message>
    <message>
        <source>{screen} — this window&apos;s screen</source>
        <translation>{screen} — شاشة هذه النافذة</translation>
    </message>
</context>
<context>
    <name>CounterSession</name>
    <message>
        <source>Starting to watch the link…</source>
        <translation>جارٍ بدء مراقبة الرابط…</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>المراقبة جارية</translation>
    </message>
    <message>
        <source>Not watching: {reason}</source>
        <translation>المراقبة متوقفة: {reason}</translation>
    </message>
    <message>
        <source>Watching — last checked {time}</source>
        <translation>المراقبة جارية — آخر تحقق {time}</translation>
    </message>
    <message>
        <source>Not reaching Lean since {time} — retrying</source>
        <translation>تعذّر الوصول إلى Lean منذ {time} — جارٍ إعادة المحاولة</translation>
    </message>
    <message>
        <source>{time} Paid {amount}</source>
        <translation>{time} تم دفع {amount}</translation>
    </message>
    <message>
        <source>{time} Not completed</source>
        <translation>{time} لم تكتمل الدفعة</translation>
    </message>
    <message>
        <source>{time} Pending with the bank</source>
        <translation>{time} قيد المعالجة لدى البنك</translation>
    </message>
</context>
<context>
    <name>Create</name>
    <message>
        <source>This link is already being sent to Lean: wait for its answer.</source>
        <translation>يجري إرسال هذا الرابط إلى Lean بالفعل: انتظر ردّه.</translation>
    </message>
    <message>
        <source>The earlier attempt had created it.</source>
        <translation>كانت المحاولة السابقة قد أنشأته.</translation>
    </message>
    <message>
        <source>Lean refused to create the link: {reason}. Nothing was created.</source>
        <translation>رفض Lean إنشاء الرابط: {reason}. لم يُنشأ أي شيء.</translation>
    </message>
    <message>
        <source>Nothing was created.</source>
        <translation>لم يُنشأ أي شيء.</translation>
    </message>
    <message>
        <source>{error} Nothing was created.</source>
        <translation>{error} لم يُنشأ أي شيء.</translation>
    </message>
    <message>
        <source>An earlier attempt for reference {reference} did create a link: {link} ({amount}). Nothing new was sent. It is in the offline cache now (the list shows it after the next sync); disable it if it is wrong, or create this one again to have both.</source>
        <translation>أنشأت محاولة سابقة للمرجع {reference} رابطًا بالفعل: {link} ({amount}). لم يُرسَل أي شيء جديد. وهو الآن ضمن البيانات المحفوظة على الجهاز (تعرضه القائمة بعد المزامنة التالية)؛ عطِّله إن كان خاطئًا، أو أنشئ هذا الرابط مرة أخرى ليكون لديك الاثنان.</translation>
    </message>
    <message>
        <source>An earlier attempt for reference {reference} is still unsettled. {finding} Nothing new was sent.</source>
        <translation>لم تُحسم بعد محاولة سابقة للمرجع {reference}. {finding} لم يُرسَل أي شيء جديد.</translation>
    </message>
    <message>
        <source>It could not be saved to the offline cache ({error}); the next sync will add it.</source>
        <translation>تعذّر حفظه في البيانات المحفوظة على الجهاز ({error})؛ ستضيفه المزامنة التالية.</translation>
    </message>
    <message>
        <source>{amount}, reference {reference}</source>
        <translation>{amount}، المرجع {reference}</translation>
    </message>
    <message>
        <source>Lean&apos;s answer to the create request was lost, so LinkManager looked for the link.</source>
        <translation>فُقد ردّ Lean على طلب الإنشاء، لذا بحث LinkManager عن الرابط.</translation>
    </message>
    <message>
        <source>Looking for it failed ({error}), so it may or may not exist ({what}).</source>
        <translation>فشل البحث عنه ({error})، لذا قد يكون موجودًا وقد لا يكون ({what}).</translation>
    </message>
    <message>
        <source>Look again to ask Lean once more: nothing is sent until LinkManager knows.</source>
        <translation>ابحث مجددًا لسؤال Lean مرة أخرى: لن يُرسَل أي شيء حتى يتأكد LinkManager.</translation>
    </message>
    <message>
        <source>It was created once, as link {link}.</source>
        <translation>أُنشئ مرة واحدة، بوصفه الرابط {link}.</translation>
    </message>
    <message>
        <source>Lean has no such link ({what}): it was not created.</source>
        <translation>لا يوجد لدى Lean رابط كهذا ({what}): لم يُنشأ.</translation>
    </message>
    <message>
        <source>It is safe to try again; LinkManager will look once more before sending.</source>
        <translation>يمكنك المحاولة مجددًا بأمان؛ سيبحث LinkManager مرة أخرى قبل الإرسال.</translation>
    </message>
    <message>
        <source>Sync and look at them before creating another.</source>
        <translation>أجرِ المزامنة وراجِعها قبل إنشاء رابط آخر.</translation>
    </message>
</context>
<context>
    <name>CreateController</name>
    <message>
        <source>Create a new payment link (Ctrl+N)</source>
        <translation>إنشاء رابط دفع جديد (Ctrl+N)</translation>
    </message>
    <message>
        <source>A new link with this link&apos;s amount, reference, identifiers, limit and customer</source>
        <translation>رابط جديد بنفس المبلغ والمرجع والمعرّفات والحد الأقصى للدفعات والعميل الخاصة بهذا الرابط</translation>
    </message>
    <message>
        <source>Select a link to duplicate it as a new link</source>
        <translation>حدِّد رابطًا لتكراره كرابط جديد</translation>
    </message>
    <message>
        <source>Offline: Lean cannot be reached ({reason}). Creating needs a connection.</source>
        <translation>غير متصل: تعذّر الوصول إلى Lean ({reason}). يتطلب الإنشاء اتصالًا.</translation>
    </message>
    <message>
        <source>Create payment link…</source>
        <translation>إنشاء رابط دفع…</translation>
    </message>
    <message>
        <source>Duplicate as new link…</source>
        <translation>تكرار كرابط جديد…</translation>
    </message>
    <message>
        <source>Its expiry ({when}) has passed, so the new link has none: set one if needed.</source>
        <translation>انقضى تاريخ انتهائه ({when})، لذا ليس للرابط الجديد تاريخ انتهاء: حدِّد تاريخًا إن لزم.</translation>
    </message>
    <message>
        <source>The original has no usage limit; a new link gets Lean&apos;s default of {limit}.</source>
        <translation>ليس للرابط الأصلي حدّ أقصى للدفعات؛ وسيأخذ الرابط الجديد القيمة الافتراضية لدى Lean وهي {limit}.</translation>
    </message>
    <message>
        <source>Payment link created: {name} ({id}).</source>
        <translation>تم إنشاء رابط الدفع: {name} ({id}).</translation>
    </message>
</context>
<context>
    <name>CreateCounts</name>
    <message numerus="yes">
        <source>Lean has %n new link(s) that match ({what}): {ids}. LinkManager cannot tell whether one is from this attempt.</source>
        <translation>
            <numerusform>لا روابط جديدة مطابقة لدى Lean ({what}): {ids}. لا يستطيع LinkManager أن يحدد ما إذا كان أحدها من هذه المحاولة.</numerusform>
            <numerusform>لدى Lean رابط جديد واحد مطابق ({what}): {ids}. لا يستطيع LinkManager أن يحدد ما إذا كان من هذه المحاولة.</numerusform>
            <numerusform>لدى Lean رابطان جديدان مطابقان ({what}): {ids}. لا يستطيع LinkManager أن يحدد ما إذا كان أحدهما من هذه المحاولة.</numerusform>
            <numerusform>لدى Lean %n روابط جديدة مطابقة ({what}): {ids}. لا يستطيع LinkManager أن يحدد ما إذا كان أحدها من هذه المحاولة.</numerusform>
            <numerusform>لدى Lean %n رابطًا جديدًا مطابقًا ({what}): {ids}. لا يستطيع LinkManager أن يحدد ما إذا كان أحدها من هذه المحاولة.</numerusform>
            <numerusform>لدى Lean %n رابط جديد مطابق ({what}): {ids}. لا يستطيع LinkManager أن يحدد ما إذا كان أحدها من هذه المحاولة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateLinkDialog</name>
    <message>
        <source>Duplicate as new link</source>
        <translation>تكرار كرابط جديد</translation>
    </message>
    <message>
        <source>Create payment link</source>
        <translation>إنشاء رابط دفع</translation>
    </message>
    <message>
        <source>A new link with the payment details of “{name}”. Nothing is sent until you press Create link; the original stays as it is.</source>
        <translation>رابط جديد بتفاصيل الدفع الخاصة بـ «{name}». لا يُرسَل شيء حتى تضغط «إنشاء الرابط»؛ ويبقى الرابط الأصلي كما هو.</translation>
    </message>
    <message>
        <source>A link cannot be changed once created: check the amount, reference and expiry.</source>
        <translation>لا يمكن تغيير الرابط بعد إنشائه: تحقَّق من المبلغ والمرجع وتاريخ الانتهاء.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>إنشاء الرابط</translation>
    </message>
    <message>
        <source>Please correct the fields marked above.</source>
        <translation>يُرجى تصحيح الحقول المعلَّمة أعلاه.</translation>
    </message>
    <message>
        <source>Lean refused the link; the form is as you typed it.</source>
        <translation>رفضت Lean الرابط؛ النموذج كما كتبته.</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>التحقق مجددًا</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>{problem} The form keeps what was sent until then; Cancel closes it.</source>
        <translation>{problem} يحتفظ النموذج بما أُرسل آنذاك؛ ويغلقه زر «إلغاء».</translation>
    </message>
    <message>
        <source>Sending to Lean… Creating is never repeated automatically; please wait for the answer.</source>
        <translation>جارٍ الإرسال إلى Lean… لا يُكرَّر الإنشاء تلقائيًا أبدًا؛ يُرجى انتظار الرد.</translation>
    </message>
    <message>
        <source>Offline: {reason}</source>
        <translation>غير متصل: {reason}</translation>
    </message>
    <message>
        <source>Offline: Lean cannot be reached ({reason}). Creating needs a connection; the form keeps what you typed.</source>
        <translation>غير متصل: تعذّر الوصول إلى Lean ({reason}). يتطلب الإنشاء اتصالًا؛ ويحتفظ النموذج بما كتبته.</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>No secure keyring is available: install and start GNOME Keyring or KWallet (Secret Service), or unlock your login keyring</source>
        <translation>لا تتوفر سلسلة مفاتيح آمنة: ثبِّت GNOME Keyring أو KWallet (Secret Service) وشغِّله، أو افتح قفل سلسلة مفاتيح تسجيل الدخول</translation>
    </message>
    <message>
        <source>The keyring is locked: unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`) and try again</source>
        <translation>سلسلة المفاتيح مقفلة: افتح قفلها (بتسجيل الدخول إلى سطح المكتب، أو بتشغيل `gnome-keyring-daemon --unlock`) ثم أعد المحاولة</translation>
    </message>
    <message>
        <source>{backend} stores nothing</source>
        <translation>{backend} لا يخزّن أي شيء</translation>
    </message>
    <message>
        <source>{backend} keeps secrets in a file, which LinkManager refuses</source>
        <translation>{backend} يحفظ الأسرار في ملف، وهو ما يرفضه LinkManager</translation>
    </message>
    <message>
        <source>{backend} is unusable here: {error}</source>
        <translation>{backend} غير قابل للاستخدام هنا: {error}</translation>
    </message>
    <message>
        <source>{backend} is not a recommended keyring (priority {priority})</source>
        <translation>{backend} ليس سلسلة مفاتيح موصى بها (الأولوية {priority})</translation>
    </message>
    <message>
        <source>the keyring library found no backend at all</source>
        <translation>لم تعثر مكتبة سلسلة المفاتيح على أي واجهة خلفية على الإطلاق</translation>
    </message>
    <message>
        <source>The client secret for profile {profile} is empty</source>
        <translation>السرّ (client secret) لملف التعريف {profile} فارغ</translation>
    </message>
    <message>
        <source>The keyring ({backend}) did not keep the client secret for profile {profile}: reading it back found nothing</source>
        <translation>لم تحتفظ سلسلة المفاتيح ({backend}) بالسرّ (client secret) لملف التعريف {profile}: لم يُعثر على شيء عند إعادة قراءته</translation>
    </message>
    <message>
        <source>The keyring ({backend}) did not keep the client secret for profile {profile}: reading it back gave a different value</source>
        <translation>لم تحتفظ سلسلة المفاتيح ({backend}) بالسرّ (client secret) لملف التعريف {profile}: أعطت إعادة قراءته قيمة مختلفة</translation>
    </message>
    <message>
        <source>{locked} (keyring backend: {backend})</source>
        <translation>{locked} (الواجهة الخلفية لسلسلة المفاتيح: {backend})</translation>
    </message>
    <message>
        <source>Could not store the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation>تعذّر حفظ السرّ (client secret) لملف التعريف {profile} في سلسلة المفاتيح ({backend}): {detail}</translation>
    </message>
    <message>
        <source>Could not read back the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation>تعذّرت إعادة قراءة السرّ (client secret) لملف التعريف {profile} من سلسلة المفاتيح ({backend}): {detail}</translation>
    </message>
    <message>
        <source>Could not read the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation>تعذّرت قراءة السرّ (client secret) لملف التعريف {profile} من سلسلة المفاتيح ({backend}): {detail}</translation>
    </message>
    <message>
        <source>Could not look up the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation>تعذّر البحث عن السرّ (client secret) لملف التعريف {profile} في سلسلة المفاتيح ({backend}): {detail}</translation>
    </message>
    <message>
        <source>Could not delete the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation>تعذّر حذف السرّ (client secret) لملف التعريف {profile} من سلسلة المفاتيح ({backend}): {detail}</translation>
    </message>
</context>
<context>
    <name>CredentialsCounts</name>
    <message numerus="yes">
        <source>The keyring ({backend}) still holds a client secret for profile {profile} after %n deletion(s)</source>
        <translation>
            <numerusform>لا تزال سلسلة المفاتيح ({backend}) تحتفظ بالسرّ (client secret) لملف التعريف {profile} بعد %n محاولة حذف</numerusform>
            <numerusform>لا تزال سلسلة المفاتيح ({backend}) تحتفظ بالسرّ (client secret) لملف التعريف {profile} بعد محاولة حذف واحدة</numerusform>
            <numerusform>لا تزال سلسلة المفاتيح ({backend}) تحتفظ بالسرّ (client secret) لملف التعريف {profile} بعد محاولتَي حذف</numerusform>
            <numerusform>لا تزال سلسلة المفاتيح ({backend}) تحتفظ بالسرّ (client secret) لملف التعريف {profile} بعد %n محاولات حذف</numerusform>
            <numerusform>لا تزال سلسلة المفاتيح ({backend}) تحتفظ بالسرّ (client secret) لملف التعريف {profile} بعد %n محاولة حذف</numerusform>
            <numerusform>لا تزال سلسلة المفاتيح ({backend}) تحتفظ بالسرّ (client secret) لملف التعريف {profile} بعد %n محاولة حذف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailActions</name>
    <message>
        <source>&amp;Disable link</source>
        <translation>تعطيل الرابط (&amp;D)</translation>
    </message>
    <message>
        <source>Copy link &amp;URL</source>
        <translation>نسخ عنوان الرابط (&amp;U)</translation>
    </message>
    <message>
        <source>Copy link &amp;ID</source>
        <translation>نسخ معرّف الرابط (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Save QR code…</source>
        <translation>حفظ رمز QR (&amp;S)…</translation>
    </message>
    <message>
        <source>Copy QR &amp;image</source>
        <translation>نسخ صورة رمز QR (&amp;i)</translation>
    </message>
    <message>
        <source>Disable or enable the selected link (asks first)</source>
        <translation>تعطيل الرابط المحدَّد أو تفعيله (بعد طلب التأكيد)</translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s URL</source>
        <translation>نسخ عنوان URL للرابط المحدَّد</translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s ID</source>
        <translation>نسخ معرّف الرابط المحدَّد</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>تفعيل</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <source>Enable link</source>
        <translation>تفعيل الرابط</translation>
    </message>
    <message>
        <source>Disable link</source>
        <translation>تعطيل الرابط</translation>
    </message>
    <message>
        <source>Changes cannot be sent to Lean right now.</source>
        <translation>لا يمكن إرسال التغييرات إلى Lean الآن.</translation>
    </message>
    <message>
        <source>Stop payments through this link (asks first).</source>
        <translation>إيقاف الدفع عبر هذا الرابط (بعد طلب التأكيد).</translation>
    </message>
    <message>
        <source>Let customers pay through this link again (asks first).</source>
        <translation>السماح للعملاء بالدفع عبر هذا الرابط مجددًا (بعد طلب التأكيد).</translation>
    </message>
    <message>
        <source>&amp;Enable link</source>
        <translation>تفعيل الرابط (&amp;E)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Link details</source>
        <translation>تفاصيل الرابط</translation>
    </message>
    <message>
        <source>Select a link to see its details, QR code and usages.</source>
        <translation>اختر رابطًا لعرض تفاصيله ورمز QR ومحاولات الدفع.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <source>Link URL</source>
        <translation>عنوان الرابط</translation>
    </message>
    <message>
        <source>Copy link URL</source>
        <translation>نسخ عنوان الرابط</translation>
    </message>
    <message>
        <source>Link ID</source>
        <translation>معرّف الرابط</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>معرّف العميل</translation>
    </message>
    <message>
        <source>Redirect URL</source>
        <translation>عنوان إعادة التوجيه</translation>
    </message>
    <message>
        <source>Destination ID</source>
        <translation>معرّف الوجهة</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>ينتهي</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>الغرض</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>رمز QR</translation>
    </message>
    <message>
        <source>Asked of the payer</source>
        <translation>المطلوب من الدافع</translation>
    </message>
    <message>
        <source>{count} (no limit)</source>
        <translation>{count} (بلا حد أقصى)</translation>
    </message>
    <message>
        <source>Successful payments / the link&apos;s limit</source>
        <translation>الدفعات الناجحة / الحد الأقصى للرابط</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Lean last said {said}; the app judges it {judged} now.</source>
        <translation>آخر ما أبلغ به Lean: {said}؛ ويعدّه التطبيق الآن {judged}.</translation>
    </message>
    <message>
        <source>Confirmed by Lean {when}</source>
        <translation>أكّده Lean {when}</translation>
    </message>
    <message>
        <source>Lean&apos;s list of links has not included this link since {when}; what is shown is the last copy the app has.</source>
        <translation>لم تتضمن قائمة روابط Lean هذا الرابط منذ {when}؛ المعروض هو آخر نسخة لدى التطبيق.</translation>
    </message>
    <message>
        <source>Nothing: payers go straight to payment.</source>
        <translation>لا شيء: ينتقل الدافعون مباشرة إلى الدفع.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Label shown</source>
        <translation>التسمية المعروضة</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>الحد الأقصى</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفًا</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message>
        <source>The profile {name} cannot be used: its {field} {problem}.</source>
        <translation>لا يمكن استخدام ملف التعريف {name}: {field} {problem}.</translation>
    </message>
</context>
<context>
    <name>ExpiryField</name>
    <message>
        <source>Expires</source>
        <translation>ينتهي</translation>
    </message>
    <message>
        <source>Link expires</source>
        <translation>ينتهي الرابط</translation>
    </message>
    <message>
        <source>Expiry, your local time</source>
        <translation>تاريخ الانتهاء بتوقيتك المحلي</translation>
    </message>
    <message>
        <source>Expiry with its time zone</source>
        <translation>تاريخ الانتهاء مع منطقته الزمنية</translation>
    </message>
    <message>
        <source>Never expires: it stays active until disabled or used up.</source>
        <translation>لا ينتهي أبدًا: يبقى نشطًا حتى يُعطَّل أو يُستنفَد.</translation>
    </message>
    <message>
        <source>Expires {when}, your time</source>
        <translation>ينتهي في {when} بتوقيتك</translation>
    </message>
    <message>
        <source>In UTC: {when}</source>
        <translation>بتوقيت UTC: {when}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>{path} is a folder; type a file name for the export.</source>
        <translation>{path} مجلد؛ اكتب اسم ملف للتصدير.</translation>
    </message>
    <message>
        <source>LinkManager could not create a temporary file beside {path}; choose another folder.</source>
        <translation>تعذّر على LinkManager إنشاء ملف مؤقت بجانب {path}؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>There is not enough disk space to export {path}; free some space or choose another disk, then export again.</source>
        <translation>لا توجد مساحة كافية على القرص لتصدير {path}؛ حرِّر بعض المساحة أو اختر قرصًا آخر، ثم أعد التصدير.</translation>
    </message>
    <message>
        <source>{path} could not be replaced; close it if another program (such as Excel) has it open, or choose another name.</source>
        <translation>تعذّر استبدال {path}؛ أغلقه إن كان مفتوحًا في برنامج آخر (مثل Excel)، أو اختر اسمًا آخر.</translation>
    </message>
    <message>
        <source>LinkManager is not allowed to write in {folder}; choose a folder you can write to, such as Documents.</source>
        <translation>لا يُسمح لـ LinkManager بالكتابة في {folder}؛ اختر مجلدًا يمكنك الكتابة فيه، مثل المستندات.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; choose an existing folder.</source>
        <translation>المجلد {folder} غير موجود؛ اختر مجلدًا موجودًا.</translation>
    </message>
    <message>
        <source>{folder} is not a folder; choose an existing folder.</source>
        <translation>{folder} ليس مجلدًا؛ اختر مجلدًا موجودًا.</translation>
    </message>
    <message>
        <source>The name {path} is too long; choose a shorter name.</source>
        <translation>الاسم {path} طويل جدًا؛ اختر اسمًا أقصر.</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}); choose another place and export again.</source>
        <translation>تعذّرت كتابة {path} ({reason})؛ اختر مكانًا آخر وأعد التصدير.</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>سجل الإجراءات</translation>
    </message>
    <message>
        <source>&amp;Export view…</source>
        <translation>تصدير العرض (&amp;E)…</translation>
    </message>
    <message>
        <source>Save the rows and columns shown, as an Excel workbook or CSV (Ctrl+E)</source>
        <translation>احفظ الصفوف والأعمدة المعروضة كمصنف Excel أو كملف CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV لبرنامج Excel</translation>
    </message>
    <message>
        <source>Export {view}</source>
        <translation>تصدير {view}</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>مصنف Excel</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln row(s)…</source>
        <translation>
            <numerusform>جارٍ تصدير %Ln صف…</numerusform>
            <numerusform>جارٍ تصدير صف واحد…</numerusform>
            <numerusform>جارٍ تصدير صفّين…</numerusform>
            <numerusform>جارٍ تصدير %Ln صفوف…</numerusform>
            <numerusform>جارٍ تصدير %Ln صفًا…</numerusform>
            <numerusform>جارٍ تصدير %Ln صف…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>لم يُصدَّر أي صف إلى {path}</numerusform>
            <numerusform>تم تصدير صف واحد إلى {path}</numerusform>
            <numerusform>تم تصدير صفّين إلى {path}</numerusform>
            <numerusform>تم تصدير %Ln صفوف إلى {path}</numerusform>
            <numerusform>تم تصدير %Ln صفًا إلى {path}</numerusform>
            <numerusform>تم تصدير %Ln صف إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي شيء.</translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%Ln row(s) do not fit in one Excel sheet (at most {most} below the header); export to CSV instead, or narrow the filters.</source>
        <translation>
            <numerusform>لا تتسع ورقة Excel واحدة لـ %Ln صف (بحد أقصى {most} تحت صف العناوين)؛ صدِّر إلى CSV بدلًا من ذلك، أو ضيِّق عوامل التصفية.</numerusform>
            <numerusform>لا تتسع ورقة Excel واحدة لصف واحد (بحد أقصى {most} تحت صف العناوين)؛ صدِّر إلى CSV بدلًا من ذلك، أو ضيِّق عوامل التصفية.</numerusform>
            <numerusform>لا تتسع ورقة Excel واحدة لصفَّين (بحد أقصى {most} تحت صف العناوين)؛ صدِّر إلى CSV بدلًا من ذلك، أو ضيِّق عوامل التصفية.</numerusform>
            <numerusform>لا تتسع ورقة Excel واحدة لـ %Ln صفوف (بحد أقصى {most} تحت صف العناوين)؛ صدِّر إلى CSV بدلًا من ذلك، أو ضيِّق عوامل التصفية.</numerusform>
            <numerusform>لا تتسع ورقة Excel واحدة لـ %Ln صفًّا (بحد أقصى {most} تحت صف العناوين)؛ صدِّر إلى CSV بدلًا من ذلك، أو ضيِّق عوامل التصفية.</numerusform>
            <numerusform>لا تتسع ورقة Excel واحدة لـ %Ln صف (بحد أقصى {most} تحت صف العناوين)؛ صدِّر إلى CSV بدلًا من ذلك، أو ضيِّق عوامل التصفية.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifierRow</name>
    <message>
        <source>Field type</source>
        <translation>نوع الحقل</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>e.g. Your email address</source>
        <translation>مثال: بريدك الإلكتروني</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>الهاتف المحمول</translation>
    </message>
    <message>
        <source>e.g. Your mobile number</source>
        <translation>مثال: رقم هاتفك المحمول</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>e.g. Invoice number</source>
        <translation>مثال: رقم الفاتورة</translation>
    </message>
    <message>
        <source>Label shown to the payer</source>
        <translation>التسمية الظاهرة للدافع</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>مطلوب</translation>
    </message>
    <message>
        <source>Character limit</source>
        <translation>الحد الأقصى لعدد الأحرف</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <source>max </source>
        <translation>بحد أقصى </translation>
    </message>
    <message>
        <source> chars</source>
        <translation> حرف</translation>
    </message>
    <message>
        <source>The most characters the payer can type (1 to 255)</source>
        <translation>أقصى عدد من الأحرف يمكن للدافع كتابته (من 1 إلى 255)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove this field</source>
        <translation>إزالة هذا الحقل</translation>
    </message>
</context>
<context>
    <name>IdentifierRows</name>
    <message>
        <source>Fields to collect from the payer</source>
        <translation>الحقول المطلوبة من الدافع</translation>
    </message>
    <message>
        <source>The payer is asked for nothing before paying.</source>
        <translation>لا يُطلب من الدافع أي شيء قبل الدفع.</translation>
    </message>
    <message>
        <source>Add a field…</source>
        <translation>إضافة حقل…</translation>
    </message>
    <message>
        <source>Add a field to collect</source>
        <translation>إضافة حقل يُطلب من الدافع</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>be opened</source>
        <translation>فتح الملف</translation>
    </message>
    <message>
        <source>The action journal {path} is read-only ({reason}): changes are not journalled. Make the folder writable to journal changes.</source>
        <translation>سجل الإجراءات {path} للقراءة فقط ({reason})، لذلك لا تُسجَّل التغييرات فيه. اجعل المجلد قابلًا للكتابة لتسجيل التغييرات.</translation>
    </message>
    <message>
        <source>journal the change</source>
        <translation>تسجيل التغيير</translation>
    </message>
    <message>
        <source>be read</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <source>The action journal {path} has been closed.</source>
        <translation>تم إغلاق سجل الإجراءات {path}.</translation>
    </message>
    <message>
        <source>The action journal {path} was written by a newer version of LinkManager (journal schema {found}; this version reads up to {supported}): update LinkManager to use it. It is left as it is.</source>
        <translation>سجل الإجراءات {path} مكتوب بإصدار أحدث من LinkManager (مخطط السجل {found}؛ وهذا الإصدار يقرأ حتى {supported}): حدِّث LinkManager لاستخدامه. وقد تُرك السجل كما هو دون تغيير.</translation>
    </message>
    <message>
        <source>The action journal {path} cannot be set up where it is (it is read-only): open it once where it can be written.</source>
        <translation>لا يمكن إعداد سجل الإجراءات {path} في موقعه الحالي (فهو للقراءة فقط): افتحه مرة واحدة في موقع تمكن الكتابة فيه.</translation>
    </message>
    <message>
        <source>Journal intact: 1 entry.</source>
        <translation>سجل الإجراءات سليم: قيد واحد.</translation>
    </message>
    <message numerus="yes">
        <source>Journal intact: %Ln entries.</source>
        <translation>
            <numerusform>سجل الإجراءات سليم: لا قيود.</numerusform>
            <numerusform>سجل الإجراءات سليم: قيد واحد.</numerusform>
            <numerusform>سجل الإجراءات سليم: قيدان.</numerusform>
            <numerusform>سجل الإجراءات سليم: %Ln قيود.</numerusform>
            <numerusform>سجل الإجراءات سليم: %Ln قيدًا.</numerusform>
            <numerusform>سجل الإجراءات سليم: %Ln قيد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The action journal {path} cannot be used because {reason}. LinkManager leaves it as it is: it is the only record of the changes made from this computer. Restore it from a backup, or move it elsewhere to start a new journal.</source>
        <translation>لا يمكن استخدام سجل الإجراءات {path}، إذ {reason}. يتركه LinkManager كما هو، فهو السجل الوحيد للتغييرات التي أُجريت من هذا الجهاز. استعِده من نسخة احتياطية، أو انقله إلى مكان آخر لبدء سجل جديد.</translation>
    </message>
    <message>
        <source>The action journal {path} cannot be opened ({reason}).</source>
        <translation>لا يمكن فتح سجل الإجراءات {path} ({reason}).</translation>
    </message>
    <message>
        <source>its contents are damaged (SQLite says: {text})</source>
        <translation>محتوياته تالفة (رسالة SQLite: {text})</translation>
    </message>
    <message>
        <source>it is an SQLite database of some other program, not a LinkManager action journal</source>
        <translation>هو قاعدة بيانات SQLite لبرنامج آخر، وليس سجل إجراءات LinkManager</translation>
    </message>
    <message>
        <source>The disk is full: the action journal {path} could not {doing}. Free some space on that disk and try again; what it recorded before is kept.</source>
        <translation>القرص ممتلئ، فتعذّر {doing} (سجل الإجراءات {path}). أفرغ بعض المساحة على ذلك القرص ثم أعد المحاولة؛ ما سُجِّل فيه من قبل محفوظ.</translation>
    </message>
    <message>
        <source>The action journal {path} could not {doing}: another LinkManager window or command kept it busy. Try again in a moment.</source>
        <translation>سجل الإجراءات {path}: تعذّر {doing} لأن نافذة أو أمرًا آخر من LinkManager أبقاه مشغولًا. أعد المحاولة بعد لحظات.</translation>
    </message>
    <message>
        <source>The action journal {path} could not {doing} ({reason}).</source>
        <translation>سجل الإجراءات {path}: تعذّر {doing} ({reason}).</translation>
    </message>
    <message>
        <source>The action journal {path} could not {doing} (SQLite says: {text}).</source>
        <translation>سجل الإجراءات {path}: تعذّر {doing} (رسالة SQLite: {text}).</translation>
    </message>
    <message>
        <source>it is not a journal anchor</source>
        <translation>ليس ملف إرساء لسجل الإجراءات</translation>
    </message>
</context>
<context>
    <name>JournalCheck</name>
    <message>
        <source>The action journal needs attention</source>
        <translation>سجل الإجراءات يحتاج إلى انتباهك</translation>
    </message>
    <message>
        <source>LinkManager keeps working, and goes on journalling changes; the journal is not repaired.</source>
        <translation>يستمر LinkManager في العمل وفي تسجيل التغييرات؛ ولا يُصلَح السجل.</translation>
    </message>
</context>
<context>
    <name>JournalController</name>
    <message>
        <source>&amp;Journal</source>
        <translation>سجل الإجراءات (&amp;J)</translation>
    </message>
    <message>
        <source>Every change asked of Lean from here: who, when, why ({key})</source>
        <translation>كل تغيير طُلب من Lean من هنا: من طلبه، ومتى، ولماذا ({key})</translation>
    </message>
    <message>
        <source>Reading the journal…</source>
        <translation>جارٍ قراءة سجل الإجراءات…</translation>
    </message>
    <message>
        <source>The journal could not be read: {error}</source>
        <translation>تعذّرت قراءة سجل الإجراءات: {error}</translation>
    </message>
    <message>
        <source>Nothing journalled yet: every disable, enable and create asked of Lean from here is listed.</source>
        <translation>لم يُسجَّل شيء بعد: يُدرج هنا كل تعطيل وتفعيل وإنشاء يُطلب من Lean من هذا الجهاز.</translation>
    </message>
    <message>
        <source>No entry matches these filters.</source>
        <translation>لا يطابق أي قيد عوامل التصفية هذه.</translation>
    </message>
    <message>
        <source>Entries: {count}</source>
        <translation>القيود: {count}</translation>
    </message>
    <message>
        <source>Entries matching these filters: {shown} of {total}</source>
        <translation>القيود المطابقة لعوامل التصفية: {shown} من {total}</translation>
    </message>
    <message>
        <source>This entry names no link: Lean gave none.</source>
        <translation>لا يذكر هذا القيد أي رابط: لم يُرجع Lean معرّفًا.</translation>
    </message>
    <message>
        <source>Link {id} is not in the offline cache: Lean no longer lists it, or it was never synced.</source>
        <translation>الرابط {id} غير موجود في البيانات المحفوظة على الجهاز: لم يعد Lean يُدرجه، أو لم تتم مزامنته قط.</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>سجل الإجراءات</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف التعريف</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Before → After</source>
        <translation>قبل ← بعد</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Lean</source>
        <translation>رد Lean</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>الإجراء الجماعي</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>تفعيل</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Journal warning</source>
        <translation>تحذير سجل الإجراءات</translation>
    </message>
    <message>
        <source>Link ID or name</source>
        <translation>معرّف الرابط أو اسمه</translation>
    </message>
    <message>
        <source>Link filter</source>
        <translation>تصفية حسب الرابط</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>جميع المستخدمين</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>جميع الإجراءات</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>جميع النتائج</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>نطاق التاريخ</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation>تصدير سجل الإجراءات</translation>
    </message>
    <message>
        <source>Journal note</source>
        <translation>ملاحظة سجل الإجراءات</translation>
    </message>
    <message>
        <source>Journal table</source>
        <translation>جدول سجل الإجراءات</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Lean reports the status {status}, which LinkManager does not know yet.</source>
        <translation>يُبلغ Lean عن الحالة {status}، وهي حالة لا يعرفها LinkManager بعد.</translation>
    </message>
    <message>
        <source>This link is already active.</source>
        <translation>هذا الرابط نشط بالفعل.</translation>
    </message>
    <message>
        <source>This link is already disabled.</source>
        <translation>هذا الرابط معطَّل بالفعل.</translation>
    </message>
    <message>
        <source>Only Lean sets a link to expired; you can only disable or enable it.</source>
        <translation>لا يعيّن حالة «منتهي الصلاحية» للرابط إلا Lean؛ يمكنك فقط تعطيله أو تفعيله.</translation>
    </message>
    <message>
        <source>Only Lean sets a link to used; you can only disable or enable it.</source>
        <translation>لا يعيّن حالة «مستنفَد» للرابط إلا Lean؛ يمكنك فقط تعطيله أو تفعيله.</translation>
    </message>
    <message>
        <source>Only Lean sets a link to {status}; you can only disable or enable it.</source>
        <translation>لا يعيّن حالة {status} للرابط إلا Lean؛ يمكنك فقط تعطيله أو تفعيله.</translation>
    </message>
    <message>
        <source>This link expired. Expired links can never be used again; duplicate it as a new link instead.</source>
        <translation>انتهت صلاحية هذا الرابط. لا يمكن استخدام الروابط منتهية الصلاحية مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>This link expired on {when}. Expired links can never be used again; duplicate it as a new link instead.</source>
        <translation>انتهت صلاحية هذا الرابط في {when}. لا يمكن استخدام الروابط منتهية الصلاحية مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>This link has reached its limit of payments. Used links can never be used again; duplicate it as a new link instead.</source>
        <translation>بلغ هذا الرابط الحد الأقصى للدفعات. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>You can re-enable it at any time.</source>
        <translation>يمكنك إعادة تفعيله في أي وقت.</translation>
    </message>
    <message>
        <source>You can re-enable it until {when}.</source>
        <translation>يمكنك إعادة تفعيله حتى {when}.</translation>
    </message>
</context>
<context>
    <name>LifecycleCounts</name>
    <message numerus="yes">
        <source>This link has reached its limit of %Ln payment(s). Used links can never be used again; duplicate it as a new link instead.</source>
        <translation>
            <numerusform>بلغ هذا الرابط الحد الأقصى للدفعات، وهو %Ln دفعة. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</numerusform>
            <numerusform>بلغ هذا الرابط الحد الأقصى للدفعات، وهو دفعة واحدة. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</numerusform>
            <numerusform>بلغ هذا الرابط الحد الأقصى للدفعات، وهو دفعتان. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</numerusform>
            <numerusform>بلغ هذا الرابط الحد الأقصى للدفعات، وهو %Ln دفعات. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</numerusform>
            <numerusform>بلغ هذا الرابط الحد الأقصى للدفعات، وهو %Ln دفعةً. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</numerusform>
            <numerusform>بلغ هذا الرابط الحد الأقصى للدفعات، وهو %Ln دفعة. لا يمكن استخدام الروابط المستنفَدة مرة أخرى أبدًا؛ أنشئ نسخة منه كرابط جديد بدلًا من ذلك.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkController</name>
    <message>
        <source>Print not recorded</source>
        <translation>لم تُسجَّل الطباعة</translation>
    </message>
    <message>
        <source>The print was made, but the print register could not record it:
{reason}</source>
        <translation>تمت الطباعة، لكن تعذّر على سجل الطباعة تسجيلها:
{reason}</translation>
    </message>
    <message>
        <source>Offline: Lean cannot be reached ({reason}). Changes need a connection.</source>
        <translation>غير متصل: يتعذّر الوصول إلى Lean ({reason}). تتطلب التغييرات اتصالًا.</translation>
    </message>
    <message>
        <source>Sending the change to Lean…</source>
        <translation>جارٍ إرسال التغيير إلى Lean…</translation>
    </message>
    <message>
        <source>Link {name} disabled, but the action journal could not record it: {problem}</source>
        <translation>تم تعطيل الرابط {name}، لكن تعذّر تسجيل ذلك في سجل الإجراءات: {problem}</translation>
    </message>
    <message>
        <source>Link {name} enabled, but the action journal could not record it: {problem}</source>
        <translation>تم تفعيل الرابط {name}، لكن تعذّر تسجيل ذلك في سجل الإجراءات: {problem}</translation>
    </message>
    <message>
        <source>Link {name} disabled.</source>
        <translation>تم تعطيل الرابط {name}.</translation>
    </message>
    <message>
        <source>Link {name} enabled.</source>
        <translation>تم تفعيل الرابط {name}.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>غير مسموح</translation>
    </message>
</context>
<context>
    <name>LinkDraft</name>
    <message>
        <source>The link is not valid.</source>
        <translation>الرابط غير صالح.</translation>
    </message>
    <message>
        <source>Enter the amount to charge, e.g. 1500.00.</source>
        <translation>أدخل المبلغ المطلوب تحصيله، مثل 1500.00.</translation>
    </message>
    <message>
        <source>Write the amount with digits and a point for decimals, e.g. 1500.00 (not {typed}).</source>
        <translation>اكتب المبلغ بالأرقام مع نقطة للكسور العشرية، مثل 1500.00 (وليس {typed}).</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>يجب أن يكون المبلغ أكبر من صفر.</translation>
    </message>
    <message>
        <source>That amount is too large: it must be less than 1,000,000,000,000,000.</source>
        <translation>هذا المبلغ كبير جدًا: يجب أن يكون أقل من 1,000,000,000,000,000.</translation>
    </message>
    <message>
        <source>{currency} amounts have no decimals; {typed} has {count}.</source>
        <translation>تُكتب مبالغ {currency} بلا منازل عشرية؛ وعدد المنازل العشرية في {typed} هو {count}.</translation>
    </message>
    <message>
        <source>{typed} can be read two ways for {currency}, which has {digits} decimal places: write {whole} or {padded} for the whole amount, or {pointed} if the comma marks decimals.</source>
        <translation>يمكن قراءة {typed} بطريقتين في {currency}، وعدد منازلها العشرية {digits}: اكتب {whole} أو {padded} إن كنت تقصد مبلغًا صحيحًا بلا كسور، أو {pointed} إن كانت الفاصلة تفصل الكسور العشرية.</translation>
    </message>
    <message>
        <source>The usage limit must be a whole number of at least 1 (1 for a single payment).</source>
        <translation>يجب أن يكون الحد الأقصى للدفعات عددًا صحيحًا لا يقل عن 1 (1 لدفعة واحدة).</translation>
    </message>
    <message>
        <source>The usage limit can be at most {limit}.</source>
        <translation>لا يمكن أن يتجاوز الحد الأقصى للدفعات {limit}.</translation>
    </message>
    <message>
        <source>Give the expiry as a date and a time, e.g. 2026-07-01T18:00 (not {typed}).</source>
        <translation>أدخل تاريخ الانتهاء بتاريخ ووقت، مثل 2026-07-01T18:00 (وليس {typed}).</translation>
    </message>
    <message>
        <source>Write the expiry as ISO-8601, e.g. 2026-07-01T18:00 or 2026-07-01T14:00Z (not {typed}).</source>
        <translation>اكتب تاريخ الانتهاء بصيغة ISO-8601، مثل 2026-07-01T18:00 أو 2026-07-01T14:00Z (وليس {typed}).</translation>
    </message>
    <message>
        <source>{when} does not exist in your time zone (the clocks go forward then): choose another time, or give an offset, e.g. {example}.</source>
        <translation>الوقت {when} غير موجود في منطقتك الزمنية (تُقدَّم الساعة حينها): اختر وقتًا آخر، أو حدِّد فارق التوقيت، مثل {example}.</translation>
    </message>
    <message>
        <source>{when} happens twice in your time zone (the clocks go back then): add the offset you mean, {first} or {second}.</source>
        <translation>الوقت {when} يتكرر مرتين في منطقتك الزمنية (تُؤخَّر الساعة حينها): أضف فارق التوقيت الذي تقصده، {first} أو {second}.</translation>
    </message>
    <message>
        <source>Choose what to ask for: {types}.</source>
        <translation>اختر ما تطلبه من الدافع: {types}.</translation>
    </message>
    <message>
        <source>The character limit must be from {low} to {high}.</source>
        <translation>يجب أن يكون الحد الأقصى لعدد الأحرف من {low} إلى {high}.</translation>
    </message>
    <message>
        <source>The label cannot hold line breaks or tabs.</source>
        <translation>لا يمكن أن تحتوي التسمية على فواصل أسطر أو أحرف جدولة (Tab).</translation>
    </message>
    <message>
        <source>Choose a currency by its ISO 4217 code, e.g. AED.</source>
        <translation>اختر العملة برمزها وفق ISO 4217، مثل AED.</translation>
    </message>
    <message>
        <source>Enter a reference: it appears on the payer&apos;s bank statement and yours.</source>
        <translation>أدخل المرجع: يظهر في كشف الحساب البنكي للدافع وفي كشف حسابك.</translation>
    </message>
    <message>
        <source>The reference cannot hold line breaks or tabs.</source>
        <translation>لا يمكن أن يحتوي المرجع على فواصل أسطر أو أحرف جدولة (Tab).</translation>
    </message>
    <message>
        <source>The payment purpose must be one of Lean&apos;s codes: {codes}.</source>
        <translation>يجب أن يكون غرض الدفع أحد رموز Lean: {codes}.</translation>
    </message>
    <message>
        <source>The destination account ID must be a UUID like {example}.</source>
        <translation>يجب أن يكون معرّف الحساب المستلِم بصيغة UUID، مثل {example}.</translation>
    </message>
    <message>
        <source>The expiry has passed: choose a time in the future, or no expiry.</source>
        <translation>انقضى تاريخ الانتهاء: اختر وقتًا في المستقبل، أو اتركه بلا تاريخ انتهاء.</translation>
    </message>
    <message>
        <source>The redirect URL must be a complete https:// address, e.g. https://shop.example.com/thanks.</source>
        <translation>يجب أن يكون عنوان إعادة التوجيه (URL) عنوان https:// كاملًا، مثل https://shop.example.com/thanks.</translation>
    </message>
    <message>
        <source>The customer ID must be a UUID like {example}.</source>
        <translation>يجب أن يكون معرّف العميل بصيغة UUID، مثل {example}.</translation>
    </message>
</context>
<context>
    <name>LinkDraftCounts</name>
    <message numerus="yes">
        <source>{currency} amounts have at most %n decimal place(s); {typed} has {count}.</source>
        <translation>
            <numerusform>تُكتب مبالغ {currency} بلا منازل عشرية؛ وعدد المنازل العشرية في {typed} هو {count}.</numerusform>
            <numerusform>تُكتب مبالغ {currency} بمنزلة عشرية واحدة على الأكثر؛ وعدد المنازل العشرية في {typed} هو {count}.</numerusform>
            <numerusform>تُكتب مبالغ {currency} بمنزلتين عشريتين على الأكثر؛ وعدد المنازل العشرية في {typed} هو {count}.</numerusform>
            <numerusform>تُكتب مبالغ {currency} بـ %n منازل عشرية على الأكثر؛ وعدد المنازل العشرية في {typed} هو {count}.</numerusform>
            <numerusform>تُكتب مبالغ {currency} بـ %n منزلةً عشرية على الأكثر؛ وعدد المنازل العشرية في {typed} هو {count}.</numerusform>
            <numerusform>تُكتب مبالغ {currency} بـ %n منزلة عشرية على الأكثر؛ وعدد المنازل العشرية في {typed} هو {count}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>For you only: payers never see it</source>
        <translation>لك وحدك: لا يراه الدافعون أبدًا</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Required: shown on the payer&apos;s bank statement and yours</source>
        <translation>مطلوب: يظهر في كشف الحساب البنكي للدافع وفي كشف حسابك</translation>
    </message>
    <message>
        <source>Payment purpose</source>
        <translation>غرض الدفع</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Usage limit</source>
        <translation>الحد الأقصى للدفعات</translation>
    </message>
    <message>
        <source>1,000 (Lean&apos;s default)</source>
        <translation>1,000 (القيمة الافتراضية لدى Lean)</translation>
    </message>
    <message>
        <source>Redirect URL</source>
        <translation>عنوان إعادة التوجيه (URL)</translation>
    </message>
    <message>
        <source>https://… (optional, registered with Lean)</source>
        <translation>https://… (اختياري، مسجَّل لدى Lean)</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>معرّف العميل</translation>
    </message>
    <message>
        <source>Optional UUID from your system</source>
        <translation>UUID اختياري من نظامك</translation>
    </message>
    <message>
        <source>Destination account</source>
        <translation>الحساب المستلِم</translation>
    </message>
    <message>
        <source>Optional UUID: Lean&apos;s default account otherwise</source>
        <translation>UUID اختياري: وإلا فالحساب الافتراضي لدى Lean</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>الدفع</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>الإتاحة</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>Optional details</source>
        <translation>تفاصيل اختيارية</translation>
    </message>
    <message>
        <source>Ask the payer for</source>
        <translation>اطلب من الدافع</translation>
    </message>
    <message numerus="yes">
        <source>{code} amounts have %Ln decimal place(s).</source>
        <translation>
            <numerusform>تُكتب مبالغ {code} بلا منازل عشرية.</numerusform>
            <numerusform>تُكتب مبالغ {code} بمنزلة عشرية واحدة.</numerusform>
            <numerusform>تُكتب مبالغ {code} بمنزلتين عشريتين.</numerusform>
            <numerusform>تُكتب مبالغ {code} بـ %Ln منازل عشرية.</numerusform>
            <numerusform>تُكتب مبالغ {code} بـ %Ln منزلةً عشرية.</numerusform>
            <numerusform>تُكتب مبالغ {code} بـ %Ln منزلة عشرية.</numerusform>
        </translation>
    </message>
    <message>
        <source>{code} amounts have no decimals.</source>
        <translation>تُكتب مبالغ {code} بلا منازل عشرية.</translation>
    </message>
</context>
<context>
    <name>LinkRows</name>
    <message>
        <source>Matched in a value a payer entered (a usage of this link), not in the link itself.</source>
        <translation>عُثر على ما تبحث عنه في قيمة أدخلها الدافع (في محاولة دفع على هذا الرابط)، لا في الرابط نفسه.</translation>
    </message>
    <message>
        <source>{status} · not listed by Lean</source>
        <translation>{status} · لم يُدرجه Lean</translation>
    </message>
    <message>
        <source>Confirmed by Lean {local} ({utc}).</source>
        <translation>أكّده Lean في {local} ({utc}).</translation>
    </message>
    <message>
        <source>Lean last reported it {reported}; its expiry ({expiry}) has passed, so it is shown as expired.</source>
        <translation>آخر ما أبلغ به Lean أنه {reported}؛ وقد مضى تاريخ انتهائه ({expiry})، لذا يظهر منتهي الصلاحية.</translation>
    </message>
    <message>
        <source>Lean&apos;s full listing of {when} did not include this link (it may have been removed at Lean); shown as last confirmed.</source>
        <translation>لم تتضمن قائمة Lean الكاملة بتاريخ {when} هذا الرابط (ربما حُذف لدى Lean)؛ يظهر كما كان عند آخر تأكيد.</translation>
    </message>
    <message>
        <source>Lean reports a status LinkManager does not know yet; it is shown as it came.</source>
        <translation>يُبلغ Lean عن حالة لا يعرفها LinkManager بعد؛ تظهر كما وردت.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>معطَّل</translation>
    </message>
</context>
<context>
    <name>LinkRowsCounts</name>
    <message numerus="yes">
        <source>Lean last reported it {reported}; it has reached its limit of %Ln payment(s), so it is shown as used.</source>
        <translation>
            <numerusform>آخر حالة أبلغ عنها Lean: {reported}؛ وقد بلغ الرابط الحد الأقصى للدفعات (%Ln)، لذا يُعرض على أنه مستنفَد.</numerusform>
            <numerusform>آخر حالة أبلغ عنها Lean: {reported}؛ وقد بلغ الرابط الحد الأقصى للدفعات وهو دفعة واحدة، لذا يُعرض على أنه مستنفَد.</numerusform>
            <numerusform>آخر حالة أبلغ عنها Lean: {reported}؛ وقد بلغ الرابط الحد الأقصى للدفعات وهو دفعتان، لذا يُعرض على أنه مستنفَد.</numerusform>
            <numerusform>آخر حالة أبلغ عنها Lean: {reported}؛ وقد بلغ الرابط الحد الأقصى للدفعات وهو %Ln دفعات، لذا يُعرض على أنه مستنفَد.</numerusform>
            <numerusform>آخر حالة أبلغ عنها Lean: {reported}؛ وقد بلغ الرابط الحد الأقصى للدفعات وهو %Ln دفعة، لذا يُعرض على أنه مستنفَد.</numerusform>
            <numerusform>آخر حالة أبلغ عنها Lean: {reported}؛ وقد بلغ الرابط الحد الأقصى للدفعات وهو %Ln دفعة، لذا يُعرض على أنه مستنفَد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>معطَّل</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>مستنفَد</translation>
    </message>
</context>
<context>
    <name>LinkTimeline</name>
    <message>
        <source>an unknown user</source>
        <translation>مستخدم غير معروف</translation>
    </message>
    <message>
        <source>Disabled here by {user}</source>
        <translation>عطّله هنا {user}</translation>
    </message>
    <message>
        <source>Enabled here by {user}</source>
        <translation>فعّله هنا {user}</translation>
    </message>
    <message>
        <source>Created here by {user}</source>
        <translation>أنشأه هنا {user}</translation>
    </message>
    <message>
        <source>Disable by {user} refused before sending</source>
        <translation>رُفض تعطيل طلبه {user} قبل الإرسال</translation>
    </message>
    <message>
        <source>Enable by {user} refused before sending</source>
        <translation>رُفض تفعيل طلبه {user} قبل الإرسال</translation>
    </message>
    <message>
        <source>Create by {user} refused before sending</source>
        <translation>رُفض إنشاء طلبه {user} قبل الإرسال</translation>
    </message>
    <message>
        <source>Disable by {user} failed</source>
        <translation>أخفق تعطيل طلبه {user}</translation>
    </message>
    <message>
        <source>Enable by {user} failed</source>
        <translation>أخفق تفعيل طلبه {user}</translation>
    </message>
    <message>
        <source>Create by {user} failed</source>
        <translation>أخفق إنشاء طلبه {user}</translation>
    </message>
    <message>
        <source>{action} by {user}: {outcome}</source>
        <translation>{action} بواسطة {user}: {outcome}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>السبب: {reason}</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} ← {after}</translation>
    </message>
    <message>
        <source>HTTP {code}</source>
        <translation>HTTP {code}</translation>
    </message>
    <message>
        <source>Request ID {id}</source>
        <translation>معرّف الطلب {id}</translation>
    </message>
    <message>
        <source>Part of a bulk action</source>
        <translation>جزء من إجراء جماعي</translation>
    </message>
    <message>
        <source>QR code saved as {format}</source>
        <translation>حُفظ رمز QR بصيغة {format}</translation>
    </message>
    <message>
        <source>{where} · by {user}</source>
        <translation>{where} · بواسطة {user}</translation>
    </message>
    <message>
        <source>First seen by this workstation</source>
        <translation>أول ظهور على محطة العمل هذه</translation>
    </message>
    <message>
        <source>Status changed: {before} → {after}</source>
        <translation>تغيّرت الحالة: {before} ← {after}</translation>
    </message>
    <message>
        <source>Seen by a sync, not done here</source>
        <translation>رصدته مزامنة، ولم يتم من هنا</translation>
    </message>
    <message>
        <source>Payment: {outcome} {amount}</source>
        <translation>دفعة: {outcome} {amount}</translation>
    </message>
    <message>
        <source>Usage {id}</source>
        <translation>محاولة الدفع {id}</translation>
    </message>
    <message>
        <source>{usage} · made before this workstation first looked</source>
        <translation>{usage} · تمت قبل أن تطّلع عليها محطة العمل هذه أول مرة</translation>
    </message>
    <message>
        <source>Payment moved: {before} → {after}</source>
        <translation>تغيّرت حالة الدفعة: {before} ← {after}</translation>
    </message>
</context>
<context>
    <name>LinkTimelineView</name>
    <message>
        <source>Link timeline</source>
        <translation>السجل الزمني للرابط</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>السجل الزمني</translation>
    </message>
    <message>
        <source>About the timeline</source>
        <translation>عن السجل الزمني</translation>
    </message>
    <message>
        <source>Timeline events</source>
        <translation>أحداث السجل الزمني</translation>
    </message>
    <message>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>عرض الكل</translation>
    </message>
    <message>
        <source>Show the whole timeline</source>
        <translation>عرض السجل الزمني كاملًا</translation>
    </message>
    <message>
        <source>Reading the timeline…</source>
        <translation>جارٍ قراءة السجل الزمني…</translation>
    </message>
    <message>
        <source>Nothing recorded for this link yet.</source>
        <translation>لم يُسجَّل شيء لهذا الرابط بعد.</translation>
    </message>
    <message>
        <source>Showing the latest {count} events.</source>
        <translation>يُعرض آخر {count} حدثًا.</translation>
    </message>
    <message>
        <source>Left out: {problem}</source>
        <translation>لم يُدرج: {problem}</translation>
    </message>
    <message>
        <source>The timeline could not be read: {error}</source>
        <translation>تعذّرت قراءة السجل الزمني: {error}</translation>
    </message>
</context>
<context>
    <name>LinksTableModel</name>
    <message>
        <source>Link ID</source>
        <translation>معرّف الرابط</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Usages</source>
        <translation>محاولات الدفع</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>معرّف العميل</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LinkManager — {profile}</source>
        <translation>LinkManager — ملف التعريف {profile}</translation>
    </message>
    <message>
        <source>Search links, references, payer values…  (Ctrl+F)</source>
        <translation>ابحث في الروابط والمراجع وما أدخله الدافعون…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Status tabs</source>
        <translation>تبويبات الحالة</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>طرق العرض</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Opening the payments…</source>
        <translation>جارٍ فتح الدفعات…</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>التحديد</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>تم الحفظ في {path}</translation>
    </message>
    <message>
        <source>Links table</source>
        <translation>جدول الروابط</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>مزامنة الآن (&amp;S)</translation>
    </message>
    <message>
        <source>Sync with Lean now (F5)</source>
        <translation>المزامنة مع Lean الآن (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء (&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الشريط الرئيسي</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>بحث (&amp;F)</translation>
    </message>
    <message>
        <source>Search (Ctrl+F or /)</source>
        <translation>بحث (Ctrl+F أو /)</translation>
    </message>
    <message>
        <source>&amp;Copy cell</source>
        <translation>نسخ الخلية (&amp;C)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>الإعدادات (&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation>الروابط (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>الدفعات (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>الرابط (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح (&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>فتح مجلد البيانات (&amp;d)</translation>
    </message>
    <message>
        <source>Open the folder where LinkManager keeps its profiles, caches and settings</source>
        <translation>فتح المجلد الذي يحفظ فيه LinkManager ملفات التعريف والبيانات المحفوظة على الجهاز والإعدادات</translation>
    </message>
    <message>
        <source>&amp;About LinkManager</source>
        <translation>حول LinkManager (&amp;A)</translation>
    </message>
    <message>
        <source>What the &amp;outcomes mean</source>
        <translation>معنى النتائج (&amp;o)</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>المخطط (&amp;C)</translation>
    </message>
    <message>
        <source>Search payments…  (Ctrl+F)</source>
        <translation>ابحث في الدفعات…  (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ManageViewsDialog</name>
    <message>
        <source>Saved views</source>
        <translation>العروض المحفوظة</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>إظهار (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>إعادة تسمية (&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف (&amp;D)</translation>
    </message>
    <message>
        <source>Set as &amp;default</source>
        <translation>تعيين كعرض افتراضي (&amp;d)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>تصدير (&amp;E)…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>{name} — {page}</source>
        <translation>{name} — صفحة {page}</translation>
    </message>
    <message>
        <source>{view} (default)</source>
        <translation>{view} (الافتراضي)</translation>
    </message>
</context>
<context>
    <name>Matches</name>
    <message>
        <source>Line {line} is matched twice in one confirmation; nothing was stored.</source>
        <translation>السطر {line} مطابَق مرتين في تأكيد واحد؛ لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <source>The payment for line {line} is no longer in the cache; nothing was stored.</source>
        <translation>لم تعد الدفعة الخاصة بالسطر {line} موجودة في البيانات المحفوظة على الجهاز؛ لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <source>Payment {payment} is already matched to line {line} of {statement}; nothing was stored.</source>
        <translation>الدفعة {payment} مطابَقة بالفعل مع السطر {line} من {statement}؛ لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <source>Line {line} is already matched (as line {earlier} of {statement}); nothing was stored.</source>
        <translation>السطر {line} مطابَق بالفعل (بوصفه السطر {earlier} من {statement})؛ لم يُحفظ أي شيء.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>LinkManager — what happened</source>
        <translation>LinkManager — ما حدث</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>ما حدث</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>ما يجب فعله</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>إظهار التفاصيل</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>إخفاء التفاصيل</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Offline — Lean could not be reached ({reason}).</source>
        <translation>غير متصل — تعذّر الوصول إلى Lean ({reason}).</translation>
    </message>
    <message>
        <source>Next try at {time}.</source>
        <translation>المحاولة التالية في {time}.</translation>
    </message>
    <message>
        <source>no complete answer in time</source>
        <translation>لم يصل ردّ كامل في الوقت المحدد</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>لم يصل أي ردّ في الوقت المحدد</translation>
    </message>
    <message>
        <source>Lean or the network is slow right now: try again in a moment.</source>
        <translation>خدمة Lean أو الشبكة بطيئة الآن: أعد المحاولة بعد لحظات.</translation>
    </message>
    <message>
        <source>its address could not be looked up</source>
        <translation>تعذّر العثور على عنوانه في الشبكة</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, and that the profile&apos;s Lean address is right.</source>
        <translation>تحقّق من اتصال هذا الجهاز بالشبكة، ومن صحة عنوان Lean في ملف التعريف.</translation>
    </message>
    <message>
        <source>the secure connection could not be verified</source>
        <translation>تعذّر التحقق من الاتصال الآمن</translation>
    </message>
    <message>
        <source>A proxy or firewall may be intercepting the connection, or this computer&apos;s date and time are wrong: check them, or ask whoever runs your network.</source>
        <translation>قد يكون خادم وكيل (proxy) أو جدار حماية يعترض الاتصال، أو أن تاريخ هذا الجهاز ووقته غير صحيحين: تحقّق منهما، أو اسأل المسؤول عن شبكتك.</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>رُفض الاتصال</translation>
    </message>
    <message>
        <source>the connection dropped</source>
        <translation>انقطع الاتصال</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>فشل الاتصال</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection; the offline cache still answers.</source>
        <translation>تحقّق من اتصال هذا الجهاز بالشبكة؛ لا تزال البيانات المحفوظة على الجهاز متاحة للعرض.</translation>
    </message>
    <message>
        <source>Lean could not be reached for {profile} ({reason}).</source>
        <translation>تعذّر الوصول إلى Lean عبر {profile} ({reason}).</translation>
    </message>
    <message>
        <source>LinkManager tries again at {time} by itself.</source>
        <translation>سيعيد LinkManager المحاولة تلقائيًا في {time}.</translation>
    </message>
    <message>
        <source>Lean did not accept the client secret of {profile}.</source>
        <translation>لم يقبل Lean السرّ (client secret) لـ{profile}.</translation>
    </message>
    <message>
        <source>It may have been revoked or replaced in Lean&apos;s dashboard: enter the current client ID and secret in the profile.</source>
        <translation>ربما أُلغي أو استُبدل في لوحة تحكم Lean: أدخل معرّف العميل (client ID) والسرّ (client secret) الحاليين في ملف التعريف.</translation>
    </message>
    <message>
        <source>Sign-in refused — Lean did not accept the client secret.</source>
        <translation>رُفض تسجيل الدخول — لم يقبل Lean السرّ (client secret).</translation>
    </message>
    <message>
        <source>Lean does not allow {profile} to do this.</source>
        <translation>لا يسمح Lean لـ{profile} بتنفيذ هذا الإجراء.</translation>
    </message>
    <message>
        <source>The application&apos;s access level does not cover Payment Links: check the profile&apos;s client ID, or ask Lean to enable Payment Links for it.</source>
        <translation>مستوى صلاحيات التطبيق لا يشمل Payment Links: تحقّق من معرّف العميل (client ID) في ملف التعريف، أو اطلب من Lean تفعيل Payment Links له.</translation>
    </message>
    <message>
        <source>Access refused — Lean does not allow this application to do that.</source>
        <translation>رُفض الوصول — لا يسمح Lean لهذا التطبيق بتنفيذ ذلك.</translation>
    </message>
    <message>
        <source>Lean asked to wait {seconds} s: try again after that.</source>
        <translation>طلب Lean الانتظار {seconds} ثانية: أعد المحاولة بعد ذلك.</translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation>انتظر دقيقة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>Lean is limiting the requests of {profile}.</source>
        <translation>يحدّ Lean من عدد طلبات {profile}.</translation>
    </message>
    <message>
        <source>Rate limited — Lean asked LinkManager to wait.</source>
        <translation>تم تجاوز حدّ الطلبات — طلب Lean من LinkManager الانتظار.</translation>
    </message>
    <message>
        <source>Lean&apos;s server failed to answer {profile} (HTTP {status}).</source>
        <translation>أخفق خادم Lean في الرد على {profile} (HTTP {status}).</translation>
    </message>
    <message>
        <source>The fault is on Lean&apos;s side and usually passes: try again in a few minutes. If it lasts, give Lean&apos;s support the Details.</source>
        <translation>الخلل من جهة Lean ويزول عادةً: أعد المحاولة بعد بضع دقائق. وإن استمر، فأرسل التفاصيل إلى دعم Lean.</translation>
    </message>
    <message>
        <source>Lean&apos;s server failed (HTTP {status}).</source>
        <translation>أخفق خادم Lean (HTTP {status}).</translation>
    </message>
    <message>
        <source>Lean did not allow the change to the link: {why}.</source>
        <translation>لم يسمح Lean بتغيير الرابط: {why}.</translation>
    </message>
    <message>
        <source>Only Active and Disabled links can be switched: sync to see the link as it is now, or create a new link.</source>
        <translation>لا يمكن تبديل حالة الرابط إلا إذا كان نشطًا أو معطَّلًا: نفّذ مزامنة لعرض الرابط بحالته الحالية، أو أنشئ رابطًا جديدًا.</translation>
    </message>
    <message>
        <source>Lean did not find what {profile} asked for.</source>
        <translation>لم يعثر Lean على ما طلبه {profile}.</translation>
    </message>
    <message>
        <source>Check the profile&apos;s Lean address.</source>
        <translation>تحقّق من عنوان Lean في ملف التعريف.</translation>
    </message>
    <message>
        <source>The link may be gone at Lean: sync to see what Lean holds.</source>
        <translation>ربما لم يعد الرابط موجودًا لدى Lean: نفّذ مزامنة لعرض ما يحتفظ به Lean.</translation>
    </message>
    <message>
        <source>Not found at Lean (HTTP 404).</source>
        <translation>غير موجود لدى Lean (HTTP 404).</translation>
    </message>
    <message>
        <source>Lean refused the request of {profile}: {detail}.</source>
        <translation>رفض Lean طلب {profile}: {detail}.</translation>
    </message>
    <message>
        <source>Nothing was changed; the Details show what Lean answered.</source>
        <translation>لم يتغيّر شيء؛ يعرض قسم التفاصيل ردّ Lean.</translation>
    </message>
    <message>
        <source>Lean refused the request (HTTP {status}).</source>
        <translation>رفض Lean الطلب (HTTP {status}).</translation>
    </message>
    <message>
        <source>The link cannot be changed.</source>
        <translation>لا يمكن تغيير الرابط.</translation>
    </message>
    <message>
        <source>Lean sent {profile} an answer LinkManager cannot read.</source>
        <translation>أرسل Lean إلى {profile} ردًا لا يستطيع LinkManager قراءته.</translation>
    </message>
    <message>
        <source>Nothing was stored from it: try again later. If it repeats, give Lean&apos;s support the Details.</source>
        <translation>لم يُحفظ منه شيء: أعد المحاولة لاحقًا. وإن تكرر ذلك، فأرسل التفاصيل إلى دعم Lean.</translation>
    </message>
    <message>
        <source>Lean sent an answer LinkManager cannot read.</source>
        <translation>أرسل Lean ردًا لا يستطيع LinkManager قراءته.</translation>
    </message>
    <message>
        <source>Sync interrupted — {done} of %Ln link(s) updated; the rest keeps its previous data.</source>
        <translation>انقطعت المزامنة — عدد الروابط التي تم تحديثها: {done} من %Ln؛ ويحتفظ الباقي ببياناته السابقة.</translation>
    </message>
    <message>
        <source>The new link may or may not exist at Lean.</source>
        <translation>ربما أُنشئ الرابط الجديد لدى Lean وربما لم يُنشأ.</translation>
    </message>
    <message>
        <source>Lean accepted the change to {status}, but reading the link back failed.</source>
        <translation>قَبِل Lean تغيير الحالة إلى {status}، لكن تعذّرت إعادة قراءة الرابط.</translation>
    </message>
    <message>
        <source>The change happened: sync to see the link as it is now.</source>
        <translation>تم التغيير: نفّذ مزامنة لعرض الرابط بحالته الحالية.</translation>
    </message>
    <message>
        <source>Change sent; reading the link back failed.</source>
        <translation>أُرسل التغيير؛ وتعذّرت إعادة قراءة الرابط.</translation>
    </message>
    <message>
        <source>This change is not allowed for the link.</source>
        <translation>هذا التغيير غير مسموح به لهذا الرابط.</translation>
    </message>
    <message>
        <source>Install and start GNOME Keyring or KWallet (Secret Service), or unlock your login keyring; LinkManager never keeps the secret in a plain file.</source>
        <translation>ثبِّت GNOME Keyring أو KWallet (Secret Service) وشغِّله، أو افتح قفل سلسلة مفاتيح تسجيل الدخول؛ لا يحفظ LinkManager السرّ أبدًا في ملف عادي.</translation>
    </message>
    <message>
        <source>The keyring holding the client secret of {profile} is locked.</source>
        <translation>سلسلة المفاتيح التي تحفظ السرّ (client secret) لـ{profile} مقفلة.</translation>
    </message>
    <message>
        <source>Unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`), then try again.</source>
        <translation>افتح قفلها (بتسجيل الدخول إلى سطح المكتب، أو بتشغيل `gnome-keyring-daemon --unlock`)، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>Keyring locked — the client secret cannot be read.</source>
        <translation>سلسلة المفاتيح مقفلة — تتعذّر قراءة السرّ (client secret).</translation>
    </message>
    <message>
        <source>No client secret is stored for {profile}.</source>
        <translation>لا يوجد سرّ (client secret) محفوظ لـ{profile}.</translation>
    </message>
    <message>
        <source>Enter it again in the profile (Lean&apos;s dashboard issues a new one if it is lost); the offline cache is kept.</source>
        <translation>أدخله مرة أخرى في ملف التعريف (تُصدر لوحة تحكم Lean سرًّا جديدًا إن فُقد)؛ ويُحتفظ بالبيانات المحفوظة على الجهاز.</translation>
    </message>
    <message>
        <source>No client secret — the keyring holds none for this profile.</source>
        <translation>لا يوجد سرّ (client secret) — لا تحتوي سلسلة المفاتيح على سرّ لملف التعريف هذا.</translation>
    </message>
    <message>
        <source>No secure keyring is available to hold the client secret of {profile}.</source>
        <translation>لا تتوفر سلسلة مفاتيح آمنة لحفظ السرّ (client secret) لـ{profile}.</translation>
    </message>
    <message>
        <source>The keyring could not give the client secret of {profile}.</source>
        <translation>تعذّر على سلسلة المفاتيح تقديم السرّ (client secret) لـ{profile}.</translation>
    </message>
    <message>
        <source>No secure keyring — the client secret cannot be read.</source>
        <translation>لا توجد سلسلة مفاتيح آمنة — تتعذّر قراءة السرّ (client secret).</translation>
    </message>
    <message>
        <source>The offline cache of {profile} is read-only ({reason}).</source>
        <translation>البيانات المحفوظة على الجهاز لـ{profile} للقراءة فقط ({reason}).</translation>
    </message>
    <message>
        <source>It still answers reads, but nothing can be saved to it: to sync, copy it to a folder you can write to, or make this one writable.</source>
        <translation>لا يزال بالإمكان القراءة منها، لكن لا يمكن حفظ أي شيء فيها: للمزامنة، انسخها إلى مجلد يمكنك الكتابة فيه، أو اجعل هذا المجلد قابلًا للكتابة.</translation>
    </message>
    <message>
        <source>Read-only cache — syncing is off.</source>
        <translation>البيانات المحفوظة على الجهاز للقراءة فقط — المزامنة متوقفة.</translation>
    </message>
    <message>
        <source>Update LinkManager, or rebuild the cache from Lean.</source>
        <translation>حدِّث LinkManager، أو أعد بناء البيانات المحفوظة على الجهاز من Lean.</translation>
    </message>
    <message>
        <source>It is damaged: rebuild it from Lean with a full sync (your saved credentials are untouched).</source>
        <translation>إنها تالفة: أعد بناءها من Lean بمزامنة كاملة (لن تتأثر بيانات الاعتماد المحفوظة).</translation>
    </message>
    <message>
        <source>The offline cache of {profile} cannot be used because {reason}.</source>
        <translation>تعذّر استخدام البيانات المحفوظة على الجهاز لـ{profile}، والسبب: {reason}.</translation>
    </message>
    <message>
        <source>Offline cache unusable.</source>
        <translation>البيانات المحفوظة على الجهاز غير قابلة للاستخدام.</translation>
    </message>
    <message>
        <source>The disk holding the offline cache of {profile} is full.</source>
        <translation>القرص الذي يحمل البيانات المحفوظة على الجهاز لـ{profile} ممتلئ.</translation>
    </message>
    <message>
        <source>Free some space on that disk and try again; nothing stored before is lost.</source>
        <translation>حرِّر بعض المساحة على ذلك القرص وأعد المحاولة؛ لم يُفقد أي شيء حُفظ من قبل.</translation>
    </message>
    <message>
        <source>Disk full — the offline cache cannot be written.</source>
        <translation>القرص ممتلئ — تتعذّر الكتابة في البيانات المحفوظة على الجهاز.</translation>
    </message>
    <message>
        <source>Offline cache problem.</source>
        <translation>مشكلة في البيانات المحفوظة على الجهاز.</translation>
    </message>
    <message>
        <source>Profile problem.</source>
        <translation>مشكلة في ملف التعريف.</translation>
    </message>
    <message>
        <source>Something unexpected stopped the work of {profile}.</source>
        <translation>أوقف خطأ غير متوقع العمل على {profile}.</translation>
    </message>
    <message>
        <source>Nothing cached before was lost. Please report it, with the Details, to whoever supports LinkManager.</source>
        <translation>لم يُفقد أي شيء مما حُفظ على الجهاز من قبل. يُرجى الإبلاغ عن المشكلة، مع التفاصيل، إلى الجهة التي تتولى دعم LinkManager لديك.</translation>
    </message>
    <message>
        <source>Unexpected error — please report it.</source>
        <translation>خطأ غير متوقع — يُرجى الإبلاغ عنه.</translation>
    </message>
    <message>
        <source>LinkManager keeps the client secret only in the system&apos;s keyring.</source>
        <translation>لا يحفظ LinkManager السرّ (client secret) إلا في سلسلة المفاتيح الخاصة بالنظام.</translation>
    </message>
    <message>
        <source>Linux: GNOME Keyring or KWallet through Secret Service (packages gnome-keyring or kwalletmanager), unlocked when you log in. macOS: the login Keychain. Windows: Credential Locker.</source>
        <translation>Linux: GNOME Keyring أو KWallet عبر Secret Service (الحزمة gnome-keyring أو kwalletmanager)، ويُفتح قفلها عند تسجيل الدخول. macOS: سلسلة مفاتيح تسجيل الدخول (login Keychain). Windows: مدير بيانات الاعتماد (Credential Locker).</translation>
    </message>
    <message>
        <source>Once the keyring works, choose Retry.</source>
        <translation>بعد أن تعمل سلسلة المفاتيح، اختر «إعادة المحاولة».</translation>
    </message>
    <message>
        <source>Keyring help</source>
        <translation>مساعدة بشأن سلسلة المفاتيح</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>تعديل ملف التعريف…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>فتح مجلد البيانات</translation>
    </message>
    <message>
        <source>Run `{command}`.</source>
        <translation>شغِّل `{command}`.</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>بيئة الاختبار</translation>
    </message>
    <message>
        <source>production</source>
        <translation>بيئة الإنتاج</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>العرض التجريبي</translation>
    </message>
    <message>
        <source>custom address</source>
        <translation>عنوان مخصَّص</translation>
    </message>
    <message>
        <source>this profile</source>
        <translation>ملف التعريف هذا</translation>
    </message>
    <message>
        <source>profile {name}</source>
        <translation>ملف التعريف {name}</translation>
    </message>
    <message>
        <source>profile {name} ({environment})</source>
        <translation>ملف التعريف {name} ({environment})</translation>
    </message>
    <message>
        <source>Profile: {profile}</source>
        <translation>ملف التعريف: {profile}</translation>
    </message>
    <message>
        <source>Request: {method} {path}</source>
        <translation>الطلب: {method} {path}</translation>
    </message>
    <message>
        <source>Request: {request}</source>
        <translation>الطلب: {request}</translation>
    </message>
    <message>
        <source>HTTP status: {status}</source>
        <translation>حالة HTTP: {status}</translation>
    </message>
    <message>
        <source>Lean said: {detail}</source>
        <translation>ردّ Lean: {detail}</translation>
    </message>
    <message>
        <source>Lean&apos;s request id: {id}</source>
        <translation>معرّف الطلب لدى Lean: {id}</translation>
    </message>
    <message>
        <source>Attempts: {n}</source>
        <translation>المحاولات: {n}</translation>
    </message>
    <message>
        <source>Error: {name}</source>
        <translation>الخطأ: {name}</translation>
    </message>
    <message>
        <source>Check the client ID and secret in Lean&apos;s dashboard and try again. Nothing was saved.</source>
        <translation>تحقّق من معرّف العميل (client ID) والسرّ (client secret) في لوحة تحكم Lean ثم أعد المحاولة. لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>(Lean said: {detail})</source>
        <translation>(ردّ Lean: {detail})</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>View name</source>
        <translation>اسم العرض</translation>
    </message>
    <message>
        <source>For example: Unpaid this month</source>
        <translation>مثال: غير المدفوعة هذا الشهر</translation>
    </message>
</context>
<context>
    <name>NoMatchNote</name>
    <message>
        <source>Search result</source>
        <translation>نتيجة البحث</translation>
    </message>
    <message>
        <source>No link matches “{text}”.</source>
        <translation>لا يوجد رابط يطابق «{text}».</translation>
    </message>
    <message>
        <source>Did you mean: {names}?</source>
        <translation>هل تقصد: {names}؟</translation>
    </message>
    <message>
        <source>Check the spelling, or search for fewer words.</source>
        <translation>تحقَّق من الإملاء، أو ابحث بكلمات أقل.</translation>
    </message>
    <message>
        <source>Suggestions: {names}</source>
        <translation>اقتراحات: {names}</translation>
    </message>
</context>
<context>
    <name>OperatorPanel</name>
    <message>
        <source>Counter display</source>
        <translation>شاشة العميل</translation>
    </message>
    <message>
        <source>Counter display controls</source>
        <translation>عناصر التحكم في شاشة العميل</translation>
    </message>
    <message>
        <source>Link shown</source>
        <translation>الرابط المعروض</translation>
    </message>
    <message>
        <source>Screen for the counter display</source>
        <translation>الشاشة التي تُعرض عليها شاشة العميل</translation>
    </message>
    <message>
        <source>Sound when a payment arrives</source>
        <translation>تشغيل صوت عند وصول دفعة</translation>
    </message>
    <message>
        <source>Watch state</source>
        <translation>حالة المراقبة</translation>
    </message>
    <message>
        <source>Last payments seen</source>
        <translation>آخر الدفعات المرصودة</translation>
    </message>
    <message>
        <source>Close display</source>
        <translation>إغلاق شاشة العميل</translation>
    </message>
    <message>
        <source>Close the counter display</source>
        <translation>إغلاق شاشة العميل</translation>
    </message>
    <message>
        <source>Close the counter display and stop watching the link (Esc)</source>
        <translation>إغلاق شاشة العميل وإيقاف مراقبة الرابط (Esc)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>الرابط:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>الشاشة:</translation>
    </message>
    <message>
        <source>Watch:</source>
        <translation>المراقبة:</translation>
    </message>
    <message>
        <source>Last payments seen:</source>
        <translation>آخر الدفعات المرصودة:</translation>
    </message>
    <message>
        <source>Simulate a payment (demo):</source>
        <translation>محاكاة دفعة (العرض التجريبي):</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Simulate an accepted payment</source>
        <translation>محاكاة دفعة مقبولة</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <source>Simulate a payment pending with the bank</source>
        <translation>محاكاة دفعة قيد المعالجة لدى البنك</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فاشلة</translation>
    </message>
    <message>
        <source>Simulate a failed payment</source>
        <translation>محاكاة دفعة فاشلة</translation>
    </message>
</context>
<context>
    <name>OutcomeLegend</name>
    <message>
        <source>the bank accepted or processed the payment (ACCEPTED_BY_BANK, PROCESSED)</source>
        <translation>قبل البنك الدفعة أو أتمّ معالجتها (ACCEPTED_BY_BANK، PROCESSED)</translation>
    </message>
    <message>
        <source>a payment was created and the bank has not decided yet</source>
        <translation>أُنشئت دفعة ولم يتخذ البنك قراره بعد</translation>
    </message>
    <message>
        <source>the attempt failed, or the bank rejected, failed or cancelled the payment</source>
        <translation>فشلت المحاولة، أو رفض البنك الدفعة أو ألغاها أو فشلت لديه</translation>
    </message>
    <message>
        <source>the payer began, no payment exists yet</source>
        <translation>بدأ الدافع، ولا توجد دفعة بعد</translation>
    </message>
    <message>
        <source>the attempt expired (no payment within 30 minutes)</source>
        <translation>انتهت صلاحية المحاولة (لم تُنشأ دفعة خلال 30 دقيقة)</translation>
    </message>
    <message>
        <source>a status Lean has not documented; shown as it came</source>
        <translation>حالة لم يوثّقها Lean؛ تُعرض كما وردت</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>محصَّلة</translation>
    </message>
    <message>
        <source>Pending with bank</source>
        <translation>قيد المعالجة لدى البنك</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فاشلة</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>بدأت</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>{outcome} — {rule}</source>
        <translation>{outcome} — {rule}</translation>
    </message>
    <message>
        <source>Outcome legend</source>
        <translation>دليل النتائج</translation>
    </message>
    <message>
        <source>What the outcomes mean</source>
        <translation>معنى النتائج</translation>
    </message>
    <message>
        <source>Every payment attempt falls in exactly one outcome:</source>
        <translation>تندرج كل محاولة دفع ضمن نتيجة واحدة فقط:</translation>
    </message>
</context>
<context>
    <name>PaymentPurpose</name>
    <message>
        <source>Financial services</source>
        <translation>خدمات مالية</translation>
    </message>
    <message>
        <source>Telecommunication services</source>
        <translation>خدمات الاتصالات</translation>
    </message>
    <message>
        <source>Mobile wallet card payments</source>
        <translation>مدفوعات البطاقات عبر محافظ الهاتف المحمول</translation>
    </message>
    <message>
        <source>Own account transfer</source>
        <translation>تحويل بين حسابات العميل نفسه</translation>
    </message>
    <message>
        <source>Information services</source>
        <translation>خدمات المعلومات</translation>
    </message>
    <message>
        <source>Rent payments</source>
        <translation>دفعات الإيجار</translation>
    </message>
    <message>
        <source>Loan charges</source>
        <translation>رسوم القروض</translation>
    </message>
    <message>
        <source>Personal investments</source>
        <translation>استثمارات شخصية</translation>
    </message>
    <message>
        <source>Goods bought or sold</source>
        <translation>شراء السلع أو بيعها</translation>
    </message>
</context>
<context>
    <name>PaymentsChart</name>
    <message>
        <source>Payments chart</source>
        <translation>مخطط الدفعات</translation>
    </message>
    <message>
        <source>Outcomes for this filter</source>
        <translation>النتائج ضمن هذه التصفية</translation>
    </message>
    <message>
        <source>No payments for this filter</source>
        <translation>لا توجد دفعات ضمن هذه التصفية</translation>
    </message>
    <message>
        <source>Chart summary</source>
        <translation>ملخص المخطط</translation>
    </message>
    <message>
        <source>Collected per day</source>
        <translation>المحصَّل يوميًا</translation>
    </message>
    <message>
        <source>No data to show yet</source>
        <translation>لا توجد بيانات لعرضها بعد</translation>
    </message>
    <message>
        <source>{day}: {amount} collected</source>
        <translation>{day}: تم تحصيل {amount}</translation>
    </message>
    <message numerus="yes">
        <source>Collected per day, last %Ln days (local days, {zone})</source>
        <translation>
            <numerusform>المحصَّل يوميًا، آخر %Ln يوم (أيام بالتوقيت المحلي، {zone})</numerusform>
            <numerusform>المحصَّل يوميًا، آخر يوم (أيام بالتوقيت المحلي، {zone})</numerusform>
            <numerusform>المحصَّل يوميًا، آخر يومين (أيام بالتوقيت المحلي، {zone})</numerusform>
            <numerusform>المحصَّل يوميًا، آخر %Ln أيام (أيام بالتوقيت المحلي، {zone})</numerusform>
            <numerusform>المحصَّل يوميًا، آخر %Ln يومًا (أيام بالتوقيت المحلي، {zone})</numerusform>
            <numerusform>المحصَّل يوميًا، آخر %Ln يوم (أيام بالتوقيت المحلي، {zone})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No collected payments in the last %Ln days</source>
        <translation>
            <numerusform>لا توجد دفعات محصَّلة في آخر %Ln يوم</numerusform>
            <numerusform>لا توجد دفعات محصَّلة في آخر يوم</numerusform>
            <numerusform>لا توجد دفعات محصَّلة في آخر يومين</numerusform>
            <numerusform>لا توجد دفعات محصَّلة في آخر %Ln أيام</numerusform>
            <numerusform>لا توجد دفعات محصَّلة في آخر %Ln يومًا</numerusform>
            <numerusform>لا توجد دفعات محصَّلة في آخر %Ln يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Collected today ({zone})</source>
        <translation>المحصَّل اليوم ({zone})</translation>
    </message>
    <message>
        <source>No collected payments today</source>
        <translation>لا توجد دفعات محصَّلة اليوم</translation>
    </message>
    <message>
        <source>{none} for this filter</source>
        <translation>{none} ضمن هذه التصفية</translation>
    </message>
    <message numerus="yes">
        <source>{amount} on %Ln day(s)</source>
        <translation>
            <numerusform>{amount} في %Ln يوم</numerusform>
            <numerusform>{amount} في يوم واحد</numerusform>
            <numerusform>{amount} في يومين</numerusform>
            <numerusform>{amount} في %Ln أيام</numerusform>
            <numerusform>{amount} في %Ln يومًا</numerusform>
            <numerusform>{amount} في %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collected in the last %Ln days: {totals}.</source>
        <translation>
            <numerusform>المحصَّل في آخر %Ln يوم: {totals}.</numerusform>
            <numerusform>المحصَّل في آخر يوم: {totals}.</numerusform>
            <numerusform>المحصَّل في آخر يومين: {totals}.</numerusform>
            <numerusform>المحصَّل في آخر %Ln أيام: {totals}.</numerusform>
            <numerusform>المحصَّل في آخر %Ln يومًا: {totals}.</numerusform>
            <numerusform>المحصَّل في آخر %Ln يوم: {totals}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collected today: {totals}.</source>
        <translation>المحصَّل اليوم: {totals}.</translation>
    </message>
    <message>
        <source>{none} for this filter.</source>
        <translation>{none} ضمن هذه التصفية.</translation>
    </message>
    <message>
        <source>{outcome} {count}</source>
        <translation>{outcome}: {count}</translation>
    </message>
    <message>
        <source>{collected} Payments for this filter by outcome: {outcomes}.</source>
        <translation>{collected} الدفعات ضمن هذه التصفية حسب النتيجة: {outcomes}.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <source>Collected per day chart</source>
        <translation>مخطط المحصَّل يوميًا</translation>
    </message>
    <message>
        <source>Outcomes chart</source>
        <translation>مخطط النتائج</translation>
    </message>
</context>
<context>
    <name>PaymentsController</name>
    <message>
        <source>Reading the payments from the offline cache…</source>
        <translation>جارٍ قراءة الدفعات من البيانات المحفوظة على الجهاز…</translation>
    </message>
    <message>
        <source>The payments could not be read: {error}</source>
        <translation>تعذّرت قراءة الدفعات: {error}</translation>
    </message>
    <message>
        <source>No payment matches these filters.</source>
        <translation>لا توجد دفعة تطابق عوامل التصفية هذه.</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Seen</source>
        <translation>وقت الرصد</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation>حالة محاولة الدفع</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>حالة الدفعة</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>معرّف الدفعة</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>معرّف العميل</translation>
    </message>
    <message>
        <source>Payer value</source>
        <translation>ما أدخله الدافع</translation>
    </message>
    <message>
        <source>before {when}</source>
        <translation>قبل {when}</translation>
    </message>
    <message>
        <source>Already there when this workstation first read the link&apos;s payments, at {when}. Lean sends no payment times.</source>
        <translation>كانت موجودة عندما قرأت محطة العمل هذه دفعات الرابط أول مرة، في {when}. لا ترسل Lean أوقات الدفعات.</translation>
    </message>
    <message>
        <source>First seen by this workstation at {when} (Lean sends no payment times).</source>
        <translation>رصدتها محطة العمل هذه أول مرة في {when} (لا ترسل Lean أوقات الدفعات).</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>All dates</source>
        <translation>كل التواريخ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>هذا الأسبوع</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>هذا الشهر</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>الشهر الماضي</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>مخصص…</translation>
    </message>
    <message>
        <source>Outcome tabs</source>
        <translation>تبويبات النتائج</translation>
    </message>
    <message>
        <source>All payments</source>
        <translation>كل الدفعات</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>كل العملات</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>نطاق التاريخ</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <source>First day of the range (included)</source>
        <translation>اليوم الأول من النطاق (مشمول)</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <source>Last day of the range (included)</source>
        <translation>اليوم الأخير من النطاق (مشمول)</translation>
    </message>
    <message>
        <source>Link status</source>
        <translation>حالة الرابط</translation>
    </message>
    <message>
        <source>Any link status</source>
        <translation>أي حالة للرابط</translation>
    </message>
    <message>
        <source>What do these mean?</source>
        <translation>ماذا تعني هذه؟</translation>
    </message>
    <message>
        <source>Outcome legend</source>
        <translation>دليل النتائج</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>الرسم البياني</translation>
    </message>
    <message>
        <source>Show the chart</source>
        <translation>إظهار الرسم البياني</translation>
    </message>
    <message>
        <source>Payments table</source>
        <translation>جدول الدفعات</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>الإجماليات</translation>
    </message>
    <message>
        <source>Payments note</source>
        <translation>ملاحظة الدفعات</translation>
    </message>
    <message>
        <source>No payments in this view.</source>
        <translation>لا توجد دفعات في هذا العرض.</translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation>{count} · {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <source>(damaged)</source>
        <translation>(تالف)</translation>
    </message>
    <message>
        <source>Lean sent a bank status this application does not know: {status}. Shown as sent.</source>
        <translation>أرسل Lean حالة بنكية لا يعرفها هذا التطبيق: {status}. تُعرض كما أُرسلت.</translation>
    </message>
    <message>
        <source>Lean sent a usage status this application does not know: {status}. Shown as sent.</source>
        <translation>أرسل Lean حالة محاولة دفع لا يعرفها هذا التطبيق: {status}. تُعرض كما أُرسلت.</translation>
    </message>
</context>
<context>
    <name>PrintBatch</name>
    <message>
        <source>Sizes are numbers of mm, not {code} and {margin}.</source>
        <translation>يجب أن تكون المقاسات أرقامًا بالمليمتر، لا {code} و{margin}.</translation>
    </message>
    <message>
        <source>Error correction is one of {levels}, not {level}.</source>
        <translation>يجب أن يكون مستوى تصحيح الأخطاء أحد المستويات {levels}، لا {level}.</translation>
    </message>
    <message>
        <source>A grid has 1 to 10 columns and 1 to 20 rows, not {columns} × {rows}.</source>
        <translation>تتكون الشبكة من 1 إلى 10 أعمدة ومن 1 إلى 20 صفًا، لا {columns} × {rows}.</translation>
    </message>
    <message>
        <source>A card holds one link a page; only labels have a grid.</source>
        <translation>تحمل البطاقة رابطًا واحدًا في كل صفحة؛ الشبكة متاحة للملصقات فقط.</translation>
    </message>
    <message>
        <source>A receipt holds one link a page; only labels have a grid.</source>
        <translation>يحمل الإيصال رابطًا واحدًا في كل صفحة؛ الشبكة متاحة للملصقات فقط.</translation>
    </message>
    <message>
        <source>The QR code itself (its quiet zone not counted) must be at least {least} mm wide to scan reliably; {asked} mm was asked.</source>
        <translation>يجب ألا يقل عرض رمز QR نفسه (دون احتساب الهامش الأبيض المحيط به) عن {least} مم ليُمسح بشكل موثوق، بينما طُلب {asked} مم.</translation>
    </message>
    <message>
        <source>A receipt takes no paper size: it prints on an 80 mm roll (receipt) or a 58 mm roll (receipt58).</source>
        <translation>لا يُحدَّد مقاس ورق للإيصال: فهو يُطبع على لفافة 80 مم (receipt) أو لفافة 58 مم (receipt58).</translation>
    </message>
    <message>
        <source>Margins of {margin} mm do not fit on {paper}.</source>
        <translation>لا تتسع الورقة {paper} لهوامش بمقدار {margin} مم.</translation>
    </message>
    <message>
        <source>Only label sheets have a first position; a card or receipt always starts its own page.</source>
        <translation>لا يتوفر موضع البدء إلا في أوراق الملصقات؛ أما البطاقة أو الإيصال فيبدأ دائمًا في صفحة مستقلة.</translation>
    </message>
    <message>
        <source>Label sheets of {columns} × {rows} have positions 1 to {last}; {asked} was asked.</source>
        <translation>تضم ورقة الملصقات ذات الأبعاد {columns} × {rows} المواضع من 1 إلى {last}، بينما طُلب الموضع {asked}.</translation>
    </message>
    <message>
        <source>A {code} mm QR code with its text needs {width} × {height} mm, but a {columns} × {rows} grid on {paper} with {margin} mm margins leaves labels of {cell_width} × {cell_height} mm. Choose a smaller code, fewer labels or larger paper.</source>
        <translation>يحتاج رمز QR بعرض {code} مم مع نصه إلى {width} × {height} مم، لكن شبكة {columns} × {rows} على ورق {paper} بهوامش {margin} مم تترك ملصقات بمقاس {cell_width} × {cell_height} مم. اختر رمزًا أصغر أو عددًا أقل من الملصقات أو ورقًا أكبر.</translation>
    </message>
    <message>
        <source>A {code} mm QR code with its text needs {width} × {height} mm, but {paper} with {margin} mm margins leaves {cell_width} × {cell_height} mm. Choose a smaller code, fewer labels or larger paper.</source>
        <translation>يحتاج رمز QR بعرض {code} مم مع نصه إلى {width} × {height} مم، لكن ورق {paper} بهوامش {margin} مم يترك {cell_width} × {cell_height} مم. اختر رمزًا أصغر أو عددًا أقل من الملصقات أو ورقًا أكبر.</translation>
    </message>
    <message>
        <source>Paper is one of {papers}, not {paper}.</source>
        <translation>يجب أن يكون الورق أحد المقاسات {papers}، لا {paper}.</translation>
    </message>
    <message>
        <source>{name}: its long URL makes modules of {size} mm, which phones may not read; print the code at least {needed} mm wide.</source>
        <translation>{name}: عنوان URL الخاص به طويل فتصبح وحدات الرمز بحجم {size} مم، وقد لا تتمكن الهواتف من قراءتها؛ اطبع الرمز بعرض {needed} مم على الأقل.</translation>
    </message>
    <message>
        <source>{count} {status}</source>
        <translation>{status}: {count}</translation>
    </message>
    <message>
        <source>its URL cannot be a QR code: {error}</source>
        <translation>لا يمكن تحويل عنوان URL الخاص به إلى رمز QR: {error}</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>expired on {when}</source>
        <translation>انتهت صلاحيته في {when}</translation>
    </message>
    <message>
        <source>used</source>
        <translation>مستنفَد</translation>
    </message>
    <message>
        <source>disabled (it can be printed on request, marked DISABLED)</source>
        <translation>معطَّل (يمكن طباعته عند الطلب مع علامة DISABLED)</translation>
    </message>
    <message>
        <source>Lean reports the status {status}, which LinkManager does not know</source>
        <translation>يُبلغ Lean عن الحالة {status}، وهي حالة لا يعرفها LinkManager</translation>
    </message>
    <message>
        <source>Copies are 1 to {most} of each link; {asked} was asked.</source>
        <translation>عدد النسخ لكل رابط من 1 إلى {most}، بينما طُلب {asked}.</translation>
    </message>
    <message>
        <source>{count} codes is more than one print holds ({most}); print fewer copies.</source>
        <translation>عدد الرموز ({count}) يتجاوز ما تتسع له عملية طباعة واحدة ({most})؛ اطبع عددًا أقل من النسخ.</translation>
    </message>
</context>
<context>
    <name>PrintBatchCounts</name>
    <message numerus="yes">
        <source>%n link(s) left out: {kinds}</source>
        <translation>
            <numerusform>لم يُستبعد أي رابط: {kinds}</numerusform>
            <numerusform>استُبعد رابط واحد: {kinds}</numerusform>
            <numerusform>استُبعد رابطان: {kinds}</numerusform>
            <numerusform>استُبعدت %n روابط: {kinds}</numerusform>
            <numerusform>استُبعد %n رابطًا: {kinds}</numerusform>
            <numerusform>استُبعد %n رابط: {kinds}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired</source>
        <translation>
            <numerusform>%n رابط منتهي الصلاحية</numerusform>
            <numerusform>رابط واحد منتهي الصلاحية</numerusform>
            <numerusform>رابطان منتهيا الصلاحية</numerusform>
            <numerusform>%n روابط منتهية الصلاحية</numerusform>
            <numerusform>%n رابطًا منتهي الصلاحية</numerusform>
            <numerusform>%n رابط منتهي الصلاحية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n used</source>
        <translation>
            <numerusform>%n رابط مستنفَد</numerusform>
            <numerusform>رابط واحد مستنفَد</numerusform>
            <numerusform>رابطان مستنفَدان</numerusform>
            <numerusform>%n روابط مستنفَدة</numerusform>
            <numerusform>%n رابطًا مستنفَدًا</numerusform>
            <numerusform>%n رابط مستنفَد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <translation>
            <numerusform>%n رابط معطَّل</numerusform>
            <numerusform>رابط واحد معطَّل</numerusform>
            <numerusform>رابطان معطَّلان</numerusform>
            <numerusform>%n روابط معطَّلة</numerusform>
            <numerusform>%n رابطًا معطَّلًا</numerusform>
            <numerusform>%n رابط معطَّل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no QR code</source>
        <translation>
            <numerusform>%n رابط بلا رمز QR</numerusform>
            <numerusform>رابط واحد بلا رمز QR</numerusform>
            <numerusform>رابطان بلا رمز QR</numerusform>
            <numerusform>%n روابط بلا رمز QR</numerusform>
            <numerusform>%n رابطًا بلا رمز QR</numerusform>
            <numerusform>%n رابط بلا رمز QR</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>used: reached its limit of %Ln payment(s)</source>
        <translation>
            <numerusform>مستنفَد: بلغ الحد الأقصى للدفعات، وهو %Ln دفعة</numerusform>
            <numerusform>مستنفَد: بلغ الحد الأقصى للدفعات، وهو دفعة واحدة</numerusform>
            <numerusform>مستنفَد: بلغ الحد الأقصى للدفعات، وهو دفعتان</numerusform>
            <numerusform>مستنفَد: بلغ الحد الأقصى للدفعات، وهو %Ln دفعات</numerusform>
            <numerusform>مستنفَد: بلغ الحد الأقصى للدفعات، وهو %Ln دفعةً</numerusform>
            <numerusform>مستنفَد: بلغ الحد الأقصى للدفعات، وهو %Ln دفعة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintChoices</name>
    <message>
        <source>Counter card (A6)</source>
        <translation>بطاقة نقطة البيع (A6)</translation>
    </message>
    <message>
        <source>Counter card (A5)</source>
        <translation>بطاقة نقطة البيع (A5)</translation>
    </message>
    <message>
        <source>Receipt (80 mm roll)</source>
        <translation>إيصال (لفافة 80 مم)</translation>
    </message>
    <message>
        <source>Receipt (58 mm roll)</source>
        <translation>إيصال (لفافة 58 مم)</translation>
    </message>
    <message>
        <source>Label sheet (A4)</source>
        <translation>ورقة ملصقات (A4)</translation>
    </message>
    <message>
        <source>Label sheet (Letter)</source>
        <translation>ورقة ملصقات (Letter)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>مستند PDF</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… و{count} أخرى</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Select one or more links in the table to print their QR codes</source>
        <translation>حدِّد رابطًا أو أكثر في الجدول لطباعة رموز QR الخاصة بها</translation>
    </message>
    <message>
        <source>To print disabled links marked DISABLED, use Print QR… and tick &quot;Include disabled links&quot;.</source>
        <translation>لطباعة الروابط المعطَّلة موسومةً بـ DISABLED، استخدم «طباعة رموز QR…» وأشِّر على «تضمين الروابط المعطَّلة».</translation>
    </message>
    <message>
        <source>&amp;Print QR…</source>
        <translation>طباعة رموز QR (&amp;P)…</translation>
    </message>
    <message>
        <source>Save QR as P&amp;DF…</source>
        <translation>حفظ رموز QR بصيغة PDF (&amp;D)…</translation>
    </message>
    <message numerus="yes">
        <source>Print the QR code(s) of the %Ln selected link(s)</source>
        <translation>
            <numerusform>طباعة رموز QR للروابط المحدَّدة (لا يوجد رابط محدَّد)</numerusform>
            <numerusform>طباعة رمز QR للرابط المحدَّد</numerusform>
            <numerusform>طباعة رمزَي QR للرابطين المحدَّدين</numerusform>
            <numerusform>طباعة رموز QR لـ %Ln روابط محدَّدة</numerusform>
            <numerusform>طباعة رموز QR لـ %Ln رابطًا محدَّدًا</numerusform>
            <numerusform>طباعة رموز QR لـ %Ln رابط محدَّد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save as PDF the QR code(s) of the %Ln selected link(s)</source>
        <translation>
            <numerusform>حفظ رموز QR للروابط المحدَّدة بصيغة PDF (لا يوجد رابط محدَّد)</numerusform>
            <numerusform>حفظ رمز QR للرابط المحدَّد بصيغة PDF</numerusform>
            <numerusform>حفظ رمزَي QR للرابطين المحدَّدين بصيغة PDF</numerusform>
            <numerusform>حفظ رموز QR لـ %Ln روابط محدَّدة بصيغة PDF</numerusform>
            <numerusform>حفظ رموز QR لـ %Ln رابطًا محدَّدًا بصيغة PDF</numerusform>
            <numerusform>حفظ رموز QR لـ %Ln رابط محدَّد بصيغة PDF</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to print</source>
        <translation>لا يوجد ما يُطبع</translation>
    </message>
    <message>
        <source>Save QR codes as PDF</source>
        <translation>حفظ رموز QR بصيغة PDF</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>لا يوجد ما يُحفظ</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>حفظ على أي حال</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}:
{error}</source>
        <translation>تعذّر حفظ ملف PDF في {path}:
{error}</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>لم يُحفظ ملف PDF</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>تم الحفظ في {path}.</translation>
    </message>
    <message>
        <source>Some links left out</source>
        <translation>استُبعدت بعض الروابط</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>the default printer</source>
        <translation>الطابعة الافتراضية</translation>
    </message>
    <message>
        <source>Print anyway?</source>
        <translation>هل تريد الطباعة على أي حال؟</translation>
    </message>
    <message>
        <source>These codes will soon lead customers to an error page:</source>
        <translation>ستنقل هذه الرموز العملاء قريبًا إلى صفحة خطأ:</translation>
    </message>
</context>
<context>
    <name>PrintNoteCounts</name>
    <message numerus="yes">
        <source>QR printed %Ln time(s), last {date}</source>
        <translation>
            <numerusform>طُبع رمز QR %Ln مرة، آخر مرة {date}</numerusform>
            <numerusform>طُبع رمز QR مرة واحدة، في {date}</numerusform>
            <numerusform>طُبع رمز QR مرتين، آخر مرة {date}</numerusform>
            <numerusform>طُبع رمز QR %Ln مرات، آخر مرة {date}</numerusform>
            <numerusform>طُبع رمز QR %Ln مرة، آخر مرة {date}</numerusform>
            <numerusform>طُبع رمز QR %Ln مرة، آخر مرة {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First: {first}
Last: {last}, {how}: {where}
%Ln print job(s) and saved file(s) in all.</source>
        <translation>
            <numerusform>أول مرة: {first}
آخر مرة: {last}، {how}: {where}
المجموع: لا أوامر طباعة ولا ملفات محفوظة.</numerusform>
            <numerusform>أول مرة: {first}
آخر مرة: {last}، {how}: {where}
المجموع: أمر طباعة أو ملف محفوظ واحد.</numerusform>
            <numerusform>أول مرة: {first}
آخر مرة: {last}، {how}: {where}
المجموع: اثنان من أوامر الطباعة والملفات المحفوظة.</numerusform>
            <numerusform>أول مرة: {first}
آخر مرة: {last}، {how}: {where}
المجموع: %Ln من أوامر الطباعة والملفات المحفوظة.</numerusform>
            <numerusform>أول مرة: {first}
آخر مرة: {last}، {how}: {where}
المجموع: %Ln من أوامر الطباعة والملفات المحفوظة.</numerusform>
            <numerusform>أول مرة: {first}
آخر مرة: {last}، {how}: {where}
المجموع: %Ln من أوامر الطباعة والملفات المحفوظة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its QR code is on %Ln printed item(s) since {date} — customers who scan them will see an error page.</source>
        <translation>
            <numerusform>رمز QR لهذا الرابط موجود على %Ln من النسخ المطبوعة منذ {date} — سيرى العملاء الذين يمسحونها صفحة خطأ.</numerusform>
            <numerusform>رمز QR لهذا الرابط موجود على نسخة مطبوعة واحدة منذ {date} — سيرى العملاء الذين يمسحونها صفحة خطأ.</numerusform>
            <numerusform>رمز QR لهذا الرابط موجود على نسختين مطبوعتين منذ {date} — سيرى العملاء الذين يمسحونهما صفحة خطأ.</numerusform>
            <numerusform>رمز QR لهذا الرابط موجود على %Ln نسخ مطبوعة منذ {date} — سيرى العملاء الذين يمسحونها صفحة خطأ.</numerusform>
            <numerusform>رمز QR لهذا الرابط موجود على %Ln نسخة مطبوعة منذ {date} — سيرى العملاء الذين يمسحونها صفحة خطأ.</numerusform>
            <numerusform>رمز QR لهذا الرابط موجود على %Ln نسخة مطبوعة منذ {date} — سيرى العملاء الذين يمسحونها صفحة خطأ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <source>{path} could not be written (is the folder writable?)</source>
        <translation>تعذّرت كتابة {path} (هل يمكن الكتابة في المجلد؟)</translation>
    </message>
    <message>
        <source>the page size could not be set for {path}</source>
        <translation>تعذّر ضبط حجم الصفحة لـ {path}</translation>
    </message>
    <message>
        <source>Payment link QR codes</source>
        <translation>رموز QR لروابط الدفع</translation>
    </message>
    <message>
        <source>Payment link QR code</source>
        <translation>رمز QR لرابط الدفع</translation>
    </message>
</context>
<context>
    <name>PrintPainter</name>
    <message>
        <source>Scan to pay</source>
        <translation>امسح الرمز للدفع</translation>
    </message>
    <message>
        <source>ID {id}</source>
        <translation>المعرّف {id}</translation>
    </message>
    <message>
        <source>Reference {reference}</source>
        <translation>المرجع {reference}</translation>
    </message>
    <message>
        <source>No expiry date</source>
        <translation>بلا تاريخ انتهاء</translation>
    </message>
    <message>
        <source>Expires {when}</source>
        <translation>ينتهي في {when}</translation>
    </message>
    <message>
        <source>Link ID {id}</source>
        <translation>معرّف الرابط {id}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print QR codes</source>
        <translation>طباعة رموز QR</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Include disabled links</source>
        <translation>تضمين الروابط المعطَّلة</translation>
    </message>
    <message>
        <source>Print disabled links too, each marked DISABLED</source>
        <translation>طباعة الروابط المعطَّلة أيضًا، مع وسم كل منها بـ DISABLED</translation>
    </message>
    <message>
        <source>English and Arabic caption</source>
        <translation>نص توضيحي بالإنجليزية والعربية</translation>
    </message>
    <message>
        <source>Label columns</source>
        <translation>أعمدة الملصقات</translation>
    </message>
    <message>
        <source>Label columns on a sheet: match the label stock in the printer</source>
        <translation>عدد أعمدة الملصقات في الورقة: طابِقه مع ورق الملصقات في الطابعة</translation>
    </message>
    <message>
        <source>Label rows</source>
        <translation>صفوف الملصقات</translation>
    </message>
    <message>
        <source>Label rows on a sheet: match the label stock in the printer</source>
        <translation>عدد صفوف الملصقات في الورقة: طابِقه مع ورق الملصقات في الطابعة</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>الشبكة (&amp;G):</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>حفظ بصيغة PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>حفظ بصيغة PDF</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>مستبعَدة من الطباعة</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>التحذيرات</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>القالب (&amp;T):</translation>
    </message>
    <message>
        <source>Nothing to print: every selected link is left out.</source>
        <translation>لا يوجد ما يُطبع: استُبعدت كل الروابط المحددة.</translation>
    </message>
    <message>
        <source>Print anyway</source>
        <translation>طباعة على أي حال</translation>
    </message>
    <message>
        <source>{printer} did not finish the job: nothing was recorded as printed. Check the printer, then print again.</source>
        <translation>لم يكتمل أمر الطباعة على {printer}: لم يُسجَّل أي شيء على أنه مطبوع. تحقق من الطابعة، ثم أعد الطباعة.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>لم تتم الطباعة</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>حفظ على أي حال</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}:
{error}</source>
        <translation>تعذّر حفظ ملف PDF في {path}:
{error}</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>لم يُحفظ ملف PDF</translation>
    </message>
</context>
<context>
    <name>PrintRegister</name>
    <message>
        <source>be opened</source>
        <translation>فتح الملف</translation>
    </message>
    <message>
        <source>The print register {path} is read-only ({reason}): the print was not recorded. Make the folder writable to record prints.</source>
        <translation>سجل الطباعة {path} للقراءة فقط ({reason}): لم تُسجَّل عملية الطباعة. اجعل المجلد قابلًا للكتابة لتسجيل عمليات الطباعة.</translation>
    </message>
    <message>
        <source>record the print</source>
        <translation>تسجيل الطباعة</translation>
    </message>
    <message>
        <source>be read</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <source>The print register {path} has been closed.</source>
        <translation>تم إغلاق سجل الطباعة {path}.</translation>
    </message>
    <message>
        <source>its contents are damaged (SQLite says: {text})</source>
        <translation>محتوياته تالفة (رسالة SQLite: {text})</translation>
    </message>
    <message>
        <source>The disk is full: the print register {path} could not {doing}. Free some space on that disk and try again; what it recorded before is kept.</source>
        <translation>القرص ممتلئ: سجل الطباعة {path}: تعذّر {doing}. أفرغ بعض المساحة على ذلك القرص ثم حاول مرة أخرى؛ ما سُجِّل فيه من قبل محفوظ.</translation>
    </message>
    <message>
        <source>The print register {path} could not {doing} ({reason}).</source>
        <translation>سجل الطباعة {path}: تعذّر {doing} ({reason}).</translation>
    </message>
    <message>
        <source>The print register {path} could not {doing} (SQLite says: {text}).</source>
        <translation>سجل الطباعة {path}: تعذّر {doing} (رسالة SQLite: {text}).</translation>
    </message>
    <message>
        <source>The print register {path} was written by a newer version of LinkManager (register schema {found}; this version reads up to {supported}): update LinkManager to use it. It is left as it is.</source>
        <translation>سجل الطباعة {path} مكتوب بإصدار أحدث من LinkManager (مخطط السجل {found}؛ وهذا الإصدار يقرأ حتى {supported}): حدِّث LinkManager لاستخدامه. وقد تُرك السجل كما هو دون تغيير.</translation>
    </message>
    <message>
        <source>The print register {path} cannot be set up where it is (it is read-only): open it once where it can be written.</source>
        <translation>لا يمكن إعداد سجل الطباعة {path} في موقعه الحالي (فهو للقراءة فقط): افتحه مرة واحدة في موقع تمكن الكتابة فيه.</translation>
    </message>
    <message>
        <source>The print register {path} cannot be used because {reason}. LinkManager leaves it as it is: it is the only record of what was printed. Restore it from a backup, or move it elsewhere to start a new register; printing itself still works.</source>
        <translation>لا يمكن استخدام سجل الطباعة {path}، إذ {reason}. يتركه LinkManager كما هو، فهو السجل الوحيد لما طُبع. استعِده من نسخة احتياطية، أو انقله إلى مكان آخر لبدء سجل جديد؛ أما الطباعة نفسها فلا تزال تعمل.</translation>
    </message>
    <message>
        <source>The print register {path} cannot be opened ({reason}).</source>
        <translation>لا يمكن فتح سجل الطباعة {path} ({reason}).</translation>
    </message>
    <message>
        <source>it is an SQLite database of some other program, not a LinkManager print register</source>
        <translation>هو قاعدة بيانات SQLite لبرنامج آخر، وليس سجل طباعة LinkManager</translation>
    </message>
</context>
<context>
    <name>PrintWarningCounts</name>
    <message numerus="yes">
        <source>{name} has {left} of %Ln use(s) left: after that, customers who scan it see an error page.</source>
        <translation>
            <numerusform>لم يتبقَّ للرابط {name} سوى {left} من أصل %Ln محاولة دفع: وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</numerusform>
            <numerusform>لم يتبقَّ للرابط {name} سوى {left} من أصل محاولة دفع واحدة: وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</numerusform>
            <numerusform>لم يتبقَّ للرابط {name} سوى {left} من أصل محاولتَي دفع: وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</numerusform>
            <numerusform>لم يتبقَّ للرابط {name} سوى {left} من أصل %Ln محاولات دفع: وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</numerusform>
            <numerusform>لم يتبقَّ للرابط {name} سوى {left} من أصل %Ln محاولة دفع: وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</numerusform>
            <numerusform>لم يتبقَّ للرابط {name} سوى {left} من أصل %Ln محاولة دفع: وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتين</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتين</numerusform>
            <numerusform>%n ساعات</numerusform>
            <numerusform>%n ساعة</numerusform>
            <numerusform>%n ساعة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintWarnings</name>
    <message>
        <source>{name} expires in {left} ({when}): customers who scan it after that see an error page.</source>
        <translation>تنتهي صلاحية الرابط {name} بعد {left} ({when})، وبعدها سيرى العملاء الذين يمسحون رمزه صفحة خطأ.</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>اليوم {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>غدًا {time}</translation>
    </message>
</context>
<context>
    <name>PrivateFile</name>
    <message>
        <source>it is a folder, not a file</source>
        <translation>هو مجلد وليس ملفًا</translation>
    </message>
    <message>
        <source>it is not a database (its first bytes are not an SQLite header)</source>
        <translation>ليس قاعدة بيانات (أول وحدات البايت فيه ليست ترويسة SQLite)</translation>
    </message>
    <message>
        <source>it is cut short (the file ends inside the SQLite header)</source>
        <translation>مبتور (ينتهي الملف داخل ترويسة SQLite)</translation>
    </message>
    <message>
        <source>its contents are damaged (SQLite says: {text})</source>
        <translation>محتوياته تالفة (رسالة SQLite: {text})</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>بلا تفاصيل</translation>
    </message>
    <message>
        <source>it failed its integrity check (SQLite found: {problem})</source>
        <translation>لم يجتز فحص السلامة (نتيجة SQLite: {problem})</translation>
    </message>
</context>
<context>
    <name>ProblemNotice</name>
    <message>
        <source>Not updated</source>
        <translation>لم يُحدَّث</translation>
    </message>
</context>
<context>
    <name>ProblemsController</name>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>مشكلات المزامنة (&amp;p)…</translation>
    </message>
    <message>
        <source>The links a sync could not update, and why</source>
        <translation>الروابط التي تعذّر على المزامنة تحديثها، وسبب ذلك</translation>
    </message>
    <message>
        <source>That link is not in the table any more.</source>
        <translation>لم يعد ذلك الرابط موجودًا في الجدول.</translation>
    </message>
</context>
<context>
    <name>ProblemsTableModel</name>
    <message>
        <source>(list of links)</source>
        <translation>(قائمة الروابط)</translation>
    </message>
    <message>
        <source>Link: {link}</source>
        <translation>الرابط: {link}</translation>
    </message>
    <message>
        <source>What happened: {label} ({code})</source>
        <translation>ما حدث: {label} ({code})</translation>
    </message>
    <message>
        <source>Since: {local}, {utc}</source>
        <translation>منذ: {local}، {utc}</translation>
    </message>
    <message>
        <source>Last met: {utc}</source>
        <translation>آخر ظهور: {utc}</translation>
    </message>
    <message>
        <source>Detail: {detail}</source>
        <translation>التفاصيل: {detail}</translation>
    </message>
    <message>
        <source>What Lean sent:</source>
        <translation>ما أرسله Lean:</translation>
    </message>
    <message>
        <source>The list of links itself: links on the part that was not read keep their last copy.</source>
        <translation>قائمة الروابط نفسها: تحتفظ الروابط الواقعة في الجزء الذي لم يُقرأ بآخر نسخة منها.</translation>
    </message>
    <message>
        <source>Link ID: {id}</source>
        <translation>معرّف الرابط: {id}</translation>
    </message>
    <message>
        <source>First met: {utc}</source>
        <translation>أول ظهور: {utc}</translation>
    </message>
</context>
<context>
    <name>ProfileFormDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>تعديل ملف التعريف</translation>
    </message>
    <message>
        <source>Connect to Lean</source>
        <translation>الاتصال بـ Lean</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف التعريف</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>اسم ملف التعريف</translation>
    </message>
    <message>
        <source>e.g. Dubai store</source>
        <translation>مثلًا: متجر دبي</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>البيئة</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>بيئة الاختبار</translation>
    </message>
    <message>
        <source>Lean&apos;s test environment: no real money moves.</source>
        <translation>بيئة الاختبار لدى Lean: لا تُنقل فيها أموال حقيقية.</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>بيئة الإنتاج</translation>
    </message>
    <message>
        <source>Live payments: real customers and real money.</source>
        <translation>مدفوعات فعلية: عملاء حقيقيون وأموال حقيقية.</translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation>عنوان مخصص</translation>
    </message>
    <message>
        <source>Another Lean deployment, or a proxy.</source>
        <translation>نشر آخر لـ Lean، أو خادم وكيل (proxy).</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>عنوان API</translation>
    </message>
    <message>
        <source>Token address</source>
        <translation>عنوان الرمز المميز (token)</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>معرّف العميل (client ID)</translation>
    </message>
    <message>
        <source>From Lean&apos;s dashboard: Settings, Applications</source>
        <translation>من لوحة تحكم Lean: Settings ثم Applications (الإعدادات، التطبيقات)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>السرّ (client secret)</translation>
    </message>
    <message>
        <source>Leave empty to keep the secret stored in the keyring</source>
        <translation>اتركه فارغًا للإبقاء على السرّ المحفوظ في سلسلة المفاتيح</translation>
    </message>
    <message>
        <source>Kept in your system keyring</source>
        <translation>يُحفظ في سلسلة المفاتيح في نظامك</translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation>الفاصل الزمني للمزامنة</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Payment re-check interval</source>
        <translation>الفاصل الزمني لإعادة فحص الدفعات</translation>
    </message>
    <message>
        <source>How long a link&apos;s payments may go unchecked: a sync reads them again from Lean once they are older than this, so a payment that completes or fails later is still seen. Shorter is fresher; longer sends fewer requests to Lean.</source>
        <translation>أقصى مدة يمكن أن تمضي دون فحص دفعات الرابط: تعيد المزامنة قراءتها من Lean متى تجاوز عمرها هذه المدة، فتظهر الدفعة التي تكتمل أو تفشل لاحقًا. المدة الأقصر تعني بيانات أحدث، والأطول تعني طلبات أقل إلى Lean.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>One profile is one Lean application in one environment. The client ID and secret are in Lean&apos;s dashboard; the secret is kept in your system keyring.</source>
        <translation>كل ملف تعريف هو تطبيق Lean واحد في بيئة واحدة. تجد معرّف العميل (client ID) والسرّ (client secret) في لوحة تحكم Lean، ويُحفظ السرّ في سلسلة المفاتيح في نظامك.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>المزامنة كل</translation>
    </message>
    <message>
        <source>Re-check payments at least every</source>
        <translation>إعادة فحص الدفعات على الأقل كل</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>حفظ ملف التعريف</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>A profile&apos;s name cannot change: its keyring entry and cache are named after it</source>
        <translation>لا يمكن تغيير اسم ملف التعريف: فمُدخله في سلسلة المفاتيح وبياناته المحفوظة على الجهاز مسمّاة باسمه</translation>
    </message>
    <message>
        <source>Give the profile a name, e.g. Sandbox or Dubai store.</source>
        <translation>أدخل اسمًا لملف التعريف، مثل «اختبار» أو «متجر دبي».</translation>
    </message>
    <message>
        <source>Enter the client ID from Lean&apos;s dashboard.</source>
        <translation>أدخل معرّف العميل (client ID) من لوحة تحكم Lean.</translation>
    </message>
    <message>
        <source>Enter the client secret from Lean&apos;s dashboard.</source>
        <translation>أدخل السرّ (client secret) من لوحة تحكم Lean.</translation>
    </message>
    <message>
        <source>Enter the API address, e.g. https://api.example.com.</source>
        <translation>أدخل عنوان API، مثل https://api.example.com.</translation>
    </message>
    <message>
        <source>Enter the OAuth token address.</source>
        <translation>أدخل عنوان الرمز المميز (token) لـ OAuth.</translation>
    </message>
    <message>
        <source>Checking with Lean and saving the secret to your system keyring…</source>
        <translation>جارٍ التحقق مع Lean وحفظ السرّ في سلسلة المفاتيح في نظامك…</translation>
    </message>
</context>
<context>
    <name>ProfileMenu</name>
    <message>
        <source>&amp;Profile</source>
        <translation>ملف التعريف (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Switch profile…</source>
        <translation>تبديل ملف التعريف (&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>إضافة ملف تعريف (&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit this profile…</source>
        <translation>تعديل ملف التعريف هذا (&amp;E)…</translation>
    </message>
    <message>
        <source>The demo profile has nothing to edit</source>
        <translation>لا يوجد ما يمكن تعديله في ملف تعريف العرض التجريبي</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcherDialog</name>
    <message>
        <source>Profiles</source>
        <translation>ملفات التعريف</translation>
    </message>
    <message>
        <source>Each profile is one Lean application in one environment, with its own offline cache.</source>
        <translation>كل ملف تعريف هو تطبيق Lean واحد في بيئة واحدة، وله بياناته الخاصة المحفوظة على الجهاز.</translation>
    </message>
    <message>
        <source>Profile list</source>
        <translation>قائمة ملفات التعريف</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>إضافة ملف تعريف…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>{environment} profile {name} at {address}</source>
        <translation>ملف التعريف {name} في {environment} على العنوان {address}</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>A profile name cannot be empty</source>
        <translation>لا يمكن أن يكون اسم ملف التعريف فارغًا</translation>
    </message>
    <message>
        <source>A profile name cannot start or end with a space: {name}</source>
        <translation>لا يمكن أن يبدأ اسم ملف التعريف أو ينتهي بمسافة: {name}</translation>
    </message>
    <message>
        <source>A profile name may hold only letters, digits, spaces, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;: {name} has {char}</source>
        <translation>لا يجوز أن يحتوي اسم ملف التعريف إلا على حروف وأرقام ومسافات و&apos;-&apos; و&apos;_&apos; و&apos;.&apos;: يحتوي {name} على {char}</translation>
    </message>
    <message>
        <source>A profile needs a client ID</source>
        <translation>يحتاج ملف التعريف إلى معرّف العميل (client ID)</translation>
    </message>
    <message>
        <source>The client ID has spaces or control characters around or in it: {id}</source>
        <translation>يحتوي معرّف العميل (client ID) على مسافات أو أحرف تحكم في داخله أو حوله: {id}</translation>
    </message>
    <message>
        <source>A profile named {name} already exists (names ignore case): choose another name or remove it first</source>
        <translation>يوجد بالفعل ملف تعريف باسم {name} (لا تُميَّز الأحرف الكبيرة من الصغيرة في الأسماء): اختر اسمًا آخر أو احذفه أولًا</translation>
    </message>
    <message>
        <source>No profile named {name}. Profiles: {names}</source>
        <translation>لا يوجد ملف تعريف باسم {name}. ملفات التعريف: {names}</translation>
    </message>
    <message>
        <source>The profiles file {path} is damaged ({reason}): fix it or move it away; LinkManager will not overwrite it</source>
        <translation>ملف قائمة ملفات التعريف {path} تالف ({reason}): أصلحه أو انقله إلى مكان آخر؛ لن يكتب LinkManager فوقه</translation>
    </message>
    <message>
        <source>Cannot read the profiles file {path}: {reason}</source>
        <translation>تتعذّر قراءة ملف قائمة ملفات التعريف {path}: {reason}</translation>
    </message>
    <message>
        <source>The profiles file {path} was written by a newer LinkManager (format {found}; this version reads format {supported}): update LinkManager</source>
        <translation>ملف قائمة ملفات التعريف {path} كتبه إصدار أحدث من LinkManager (التنسيق {found}؛ يقرأ هذا الإصدار التنسيق {supported}): حدِّث LinkManager</translation>
    </message>
    <message>
        <source>Cannot write the profiles file {path}: {reason}</source>
        <translation>تتعذّر كتابة ملف قائمة ملفات التعريف {path}: {reason}</translation>
    </message>
    <message>
        <source>{name}  —  {environment} · {address}  (open now)</source>
        <translation>{name}  —  {environment}، {address}  (مفتوح الآن)</translation>
    </message>
    <message>
        <source>{name}  —  {environment} · {address}</source>
        <translation>{name}  —  {environment}، {address}</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>تعديل ملف التعريف</translation>
    </message>
</context>
<context>
    <name>ProfilesCounts</name>
    <message numerus="yes">
        <source>A profile name has at most %n character(s); {name} has {length}</source>
        <translation>
            <numerusform>الحد الأقصى لطول اسم ملف التعريف %n حرف؛ وطول {name} هو {length}</numerusform>
            <numerusform>الحد الأقصى لطول اسم ملف التعريف حرف واحد؛ وطول {name} هو {length}</numerusform>
            <numerusform>الحد الأقصى لطول اسم ملف التعريف حرفان؛ وطول {name} هو {length}</numerusform>
            <numerusform>الحد الأقصى لطول اسم ملف التعريف %n أحرف؛ وطول {name} هو {length}</numerusform>
            <numerusform>الحد الأقصى لطول اسم ملف التعريف %n حرفًا؛ وطول {name} هو {length}</numerusform>
            <numerusform>الحد الأقصى لطول اسم ملف التعريف %n حرف؛ وطول {name} هو {length}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client ID is longer than %n character(s)</source>
        <translation>
            <numerusform>طول معرّف العميل (client ID) أكثر من %n حرف</numerusform>
            <numerusform>طول معرّف العميل (client ID) أكثر من حرف واحد</numerusform>
            <numerusform>طول معرّف العميل (client ID) أكثر من حرفين</numerusform>
            <numerusform>طول معرّف العميل (client ID) أكثر من %n أحرف</numerusform>
            <numerusform>طول معرّف العميل (client ID) أكثر من %n حرفًا</numerusform>
            <numerusform>طول معرّف العميل (client ID) أكثر من %n حرف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Qr</name>
    <message>
        <source>it is not a payment page LinkManager will encode: {problem}</source>
        <translation>ليس صفحة دفع يقبل LinkManager تحويلها إلى رمز QR: {problem}</translation>
    </message>
    <message>
        <source>this code needs at least {needed} pixels, not {size}</source>
        <translation>يحتاج هذا الرمز إلى {needed} بكسل على الأقل، لا {size}</translation>
    </message>
    <message>
        <source>a printed QR code is at least {least} mm wide with its quiet zone (the code itself {code} mm), not {size} mm</source>
        <translation>يجب ألا يقل عرض رمز QR المطبوع عن {least} مم شاملًا الهامش الفارغ حوله (والرمز نفسه {code} مم)، لا {size} مم</translation>
    </message>
</context>
<context>
    <name>QrCounts</name>
    <message numerus="yes">
        <source>the URL is too long for a QR code (%Ln character(s))</source>
        <translation>
            <numerusform>عنوان URL أطول من أن يتسع له رمز QR (%Ln حرف)</numerusform>
            <numerusform>عنوان URL أطول من أن يتسع له رمز QR (حرف واحد)</numerusform>
            <numerusform>عنوان URL أطول من أن يتسع له رمز QR (حرفان)</numerusform>
            <numerusform>عنوان URL أطول من أن يتسع له رمز QR (%Ln أحرف)</numerusform>
            <numerusform>عنوان URL أطول من أن يتسع له رمز QR (%Ln حرفًا)</numerusform>
            <numerusform>عنوان URL أطول من أن يتسع له رمز QR (%Ln حرف)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>QR code</source>
        <translation>رمز QR</translation>
    </message>
    <message>
        <source>Save QR code…</source>
        <translation>حفظ رمز QR…</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>حفظ رمز QR</translation>
    </message>
    <message>
        <source>Save the QR code as a PNG image or an SVG drawing for print</source>
        <translation>احفظ رمز QR كصورة PNG أو كرسم SVG للطباعة</translation>
    </message>
    <message>
        <source>Copy QR image</source>
        <translation>نسخ صورة رمز QR</translation>
    </message>
    <message>
        <source>Put the QR code on the clipboard as an image</source>
        <translation>ضع رمز QR في الحافظة كصورة</translation>
    </message>
    <message>
        <source>No QR code. {reason}</source>
        <translation>لا يوجد رمز QR. {reason}</translation>
    </message>
    <message>
        <source>This link is disabled: customers who scan the code see an error page. Saved and copied codes carry the DISABLED mark.</source>
        <translation>هذا الرابط معطَّل: يرى العملاء الذين يمسحون الرمز صفحة خطأ. تحمل الرموز المحفوظة والمنسوخة علامة DISABLED.</translation>
    </message>
    <message>
        <source>Scans to the payment page. Saved codes keep a white margin; print at least 2 cm wide.</source>
        <translation>يؤدي مسح الرمز إلى صفحة الدفع. تحتفظ الرموز المحفوظة بهامش أبيض؛ اطبع الرمز بعرض 2 سم على الأقل.</translation>
    </message>
    <message>
        <source>No QR code: {reason}.</source>
        <translation>لا يوجد رمز QR: {reason}.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>صورة PNG</translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation>صورة SVG</translation>
    </message>
    <message>
        <source>QR code not saved</source>
        <translation>لم يُحفظ رمز QR</translation>
    </message>
    <message>
        <source>The QR code could not be saved to {path}:
{reason}</source>
        <translation>تعذّر حفظ رمز QR في {path}:
{reason}</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Give a reason for this change: it is required for production links.</source>
        <translation>اذكر سببًا لهذا التغيير: السبب مطلوب لروابط بيئة الإنتاج.</translation>
    </message>
    <message>
        <source>The reason is {count} characters long: keep it to {limit} at most.</source>
        <translation>عدد أحرف السبب {count}: اختصره بحيث لا يتجاوز عدد أحرفه {limit}.</translation>
    </message>
    <message>
        <source>The reason holds line breaks, tabs or other control characters: write it as one line of plain text.</source>
        <translation>يحتوي السبب على فواصل أسطر أو علامات جدولة (Tab) أو أحرف تحكم أخرى: اكتبه في سطر واحد من النص العادي.</translation>
    </message>
</context>
<context>
    <name>ReconcileController</name>
    <message>
        <source>Could not {doing} ({kind}); nothing was changed.</source>
        <translation>تعذّر {doing} ({kind})؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Reconcile bank &amp;statement…</source>
        <translation>مطابقة كشف الحساب البنكي (&amp;s)…</translation>
    </message>
    <message>
        <source>Match a bank statement (CSV or Excel) to the collected payments, then confirm the matches</source>
        <translation>مطابقة كشف حساب بنكي (CSV أو Excel) مع الدفعات المحصَّلة، ثم تأكيد التطابقات</translation>
    </message>
    <message>
        <source>Choose a bank statement</source>
        <translation>اختيار كشف حساب بنكي</translation>
    </message>
    <message>
        <source>Bank statements</source>
        <translation>كشوف الحسابات البنكية</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>read the statement</source>
        <translation>قراءة كشف الحساب</translation>
    </message>
    <message>
        <source>Updated after the sync at {time}.</source>
        <translation>تم التحديث بعد المزامنة في {time}.</translation>
    </message>
    <message numerus="yes">
        <source>Stored %Ln matches.</source>
        <translation>
            <numerusform>لم يُحفظ أي تطابق.</numerusform>
            <numerusform>تم حفظ تطابق واحد.</numerusform>
            <numerusform>تم حفظ تطابقين.</numerusform>
            <numerusform>تم حفظ %Ln تطابقات.</numerusform>
            <numerusform>تم حفظ %Ln تطابقًا.</numerusform>
            <numerusform>تم حفظ %Ln تطابق.</numerusform>
        </translation>
    </message>
    <message>
        <source>store the matches</source>
        <translation>حفظ التطابقات</translation>
    </message>
    <message>
        <source>The match of line {line} was undone.</source>
        <translation>تم التراجع عن تطابق السطر {line}.</translation>
    </message>
    <message>
        <source>Line {line} was no longer matched.</source>
        <translation>السطر {line} لم يعد مطابَقًا.</translation>
    </message>
    <message>
        <source>undo the match</source>
        <translation>التراجع عن التطابق</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln row(s) to {path}.</source>
        <translation>
            <numerusform>لم يُكتب أي صف في {path}.</numerusform>
            <numerusform>تمت كتابة صف واحد في {path}.</numerusform>
            <numerusform>تمت كتابة صفين في {path}.</numerusform>
            <numerusform>تمت كتابة %Ln صفوف في {path}.</numerusform>
            <numerusform>تمت كتابة %Ln صفًا في {path}.</numerusform>
            <numerusform>تمت كتابة %Ln صف في {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>export the reconciliation</source>
        <translation>تصدير المطابقة</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>مصنَّف Excel</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>ملف CSV</translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation>تصدير المطابقة</translation>
    </message>
</context>
<context>
    <name>ReconcileMappingDialog</name>
    <message>
        <source>Reconcile bank statement</source>
        <translation>مطابقة كشف الحساب البنكي</translation>
    </message>
    <message>
        <source>Statement columns</source>
        <translation>أعمدة كشف الحساب</translation>
    </message>
    <message>
        <source>Statement: {name}</source>
        <translation>كشف الحساب: {name}</translation>
    </message>
    <message>
        <source>Statement file</source>
        <translation>ملف كشف الحساب</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>البنك</translation>
    </message>
    <message>
        <source>A bank whose columns were remembered, or a new bank&apos;s name</source>
        <translation>بنك سبق حفظ أعمدته، أو اسم بنك جديد</translation>
    </message>
    <message>
        <source>e.g. Emirates NBD</source>
        <translation>مثال: Emirates NBD</translation>
    </message>
    <message>
        <source>Date column</source>
        <translation>عمود التاريخ</translation>
    </message>
    <message>
        <source>e.g. Value Date, or B</source>
        <translation>مثال: Value Date، أو B</translation>
    </message>
    <message>
        <source>Amount column</source>
        <translation>عمود المبلغ</translation>
    </message>
    <message>
        <source>e.g. Credit, or D</source>
        <translation>مثال: Credit، أو D</translation>
    </message>
    <message>
        <source>Currency column</source>
        <translation>عمود العملة</translation>
    </message>
    <message>
        <source>none: every line is in the default currency</source>
        <translation>لا يوجد: كل الأسطر بالعملة الافتراضية</translation>
    </message>
    <message>
        <source>Description column</source>
        <translation>عمود الوصف</translation>
    </message>
    <message>
        <source>e.g. Narration, or C</source>
        <translation>مثال: Narration، أو C</translation>
    </message>
    <message>
        <source>Choose each column from the statement&apos;s titles, or write its title, its letter (A, B, …) or its number (1, 2, …). Dates are read day first (DD/MM/YYYY).</source>
        <translation>اختر كل عمود من عناوين كشف الحساب، أو اكتب عنوانه أو حرفه (A، B، …) أو رقمه (1، 2، …). تُقرأ التواريخ باليوم أولًا (DD/MM/YYYY).</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>العملة الافتراضية</translation>
    </message>
    <message>
        <source>empty: the statement has a currency column</source>
        <translation>فارغ: كشف الحساب يحتوي على عمود للعملة</translation>
    </message>
    <message>
        <source>&amp;Remember for this bank</source>
        <translation>تذكُّر الأعمدة لهذا البنك (&amp;R)</translation>
    </message>
    <message>
        <source>Remember for this bank</source>
        <translation>تذكُّر الأعمدة لهذا البنك</translation>
    </message>
    <message>
        <source>Next time, choosing this bank fills in these columns</source>
        <translation>في المرة القادمة، يؤدي اختيار هذا البنك إلى ملء هذه الأعمدة</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>Reading the statement…</source>
        <translation>جارٍ قراءة كشف الحساب…</translation>
    </message>
    <message>
        <source>Read &amp;statement</source>
        <translation>قراءة كشف الحساب (&amp;s)</translation>
    </message>
    <message>
        <source>Read statement</source>
        <translation>قراءة كشف الحساب</translation>
    </message>
    <message>
        <source>Read the statement with these columns and propose matches</source>
        <translation>قراءة كشف الحساب بهذه الأعمدة واقتراح التطابقات</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>البنك (&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>التاريخ (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>المبلغ (&amp;A):</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>العملة (&amp;u):</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>الوصف (&amp;e):</translation>
    </message>
    <message>
        <source>Default &amp;currency:</source>
        <translation>العملة الافتراضية (&amp;c):</translation>
    </message>
    <message>
        <source>A column title from the statement, a letter (A, B, …) or a number (1, 2, …)</source>
        <translation>عنوان عمود من كشف الحساب، أو حرف (A، B، …) أو رقم (1، 2، …)</translation>
    </message>
    <message>
        <source>Say which column holds the date.</source>
        <translation>حدِّد العمود الذي يحتوي على التاريخ.</translation>
    </message>
    <message>
        <source>Say which column holds the amount.</source>
        <translation>حدِّد العمود الذي يحتوي على المبلغ.</translation>
    </message>
    <message>
        <source>Say which column holds the description.</source>
        <translation>حدِّد العمود الذي يحتوي على الوصف.</translation>
    </message>
    <message>
        <source>{code} is not a currency code such as AED or SAR.</source>
        <translation>{code} ليس رمز عملة مثل AED أو SAR.</translation>
    </message>
    <message>
        <source>Name the bank to remember its columns</source>
        <translation>أدخل اسم البنك لتذكُّر أعمدته</translation>
    </message>
</context>
<context>
    <name>ReconcileModels</name>
    <message>
        <source>payment ID in the description</source>
        <translation>معرّف الدفعة في الوصف</translation>
    </message>
    <message>
        <source>reference and amount</source>
        <translation>المرجع والمبلغ</translation>
    </message>
    <message>
        <source>unique amount within 3 days</source>
        <translation>مبلغ فريد خلال 3 أيام</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Link ID: {id}</source>
        <translation>معرّف الرابط: {id}</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <source>Checked: stored by Confirm checked</source>
        <translation>المؤشَّر عليه يُحفظ عند النقر على «تأكيد المؤشَّر عليها»</translation>
    </message>
    <message>
        <source>→ Payment ID</source>
        <translation>→ معرّف الدفعة</translation>
    </message>
    <message>
        <source>Usage ID</source>
        <translation>معرّف محاولة الدفع</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>وُجد عبر</translation>
    </message>
    <message>
        <source>not collected</source>
        <translation>غير محصَّلة</translation>
    </message>
    <message>
        <source>Confirmed on {date}, but Lean now reports this payment as {status}: check the bank statement.</source>
        <translation>تم التأكيد في {date}، لكن حالة هذه الدفعة لدى Lean الآن: {status}؛ راجع كشف الحساب البنكي.</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>محصَّلة</translation>
    </message>
    <message>
        <source>⚠ {status}: check</source>
        <translation>⚠ {status}: راجِعها</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>معرّف الدفعة</translation>
    </message>
    <message>
        <source>Lean now</source>
        <translation>الحالة لدى Lean الآن</translation>
    </message>
    <message>
        <source>by {time}</source>
        <translation>بحلول {time}</translation>
    </message>
    <message>
        <source>Found on the first look at its link: paid some time before it was seen.</source>
        <translation>عُثر عليها عند أول اطلاع على رابطها: دُفعت في وقت ما قبل رصدها.</translation>
    </message>
    <message>
        <source>When this computer first saw the payment</source>
        <translation>وقت رصد هذا الجهاز للدفعة أول مرة</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>وقت الرصد</translation>
    </message>
    <message>
        <source>Confirmed matches ({n}, {check} to check)</source>
        <translation>التطابقات المؤكَّدة ({n}، منها {check} للمراجعة)</translation>
    </message>
    <message>
        <source>Confirmed matches ({n})</source>
        <translation>التطابقات المؤكَّدة ({n})</translation>
    </message>
    <message>
        <source>Proposals to check ({n})</source>
        <translation>اقتراحات للمراجعة ({n})</translation>
    </message>
    <message>
        <source>Statement lines without a payment ({n})</source>
        <translation>أسطر كشف الحساب بلا دفعة ({n})</translation>
    </message>
    <message>
        <source>Collected payments without a line ({n})</source>
        <translation>الدفعات المحصَّلة بلا سطر في الكشف ({n})</translation>
    </message>
</context>
<context>
    <name>ReconcileResultDialog</name>
    <message>
        <source>Reconciliation</source>
        <translation>المطابقة</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>كشف الحساب</translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation>يحتاج إلى مراجعة</translation>
    </message>
    <message>
        <source>Proposals to check</source>
        <translation>اقتراحات للمراجعة</translation>
    </message>
    <message>
        <source>Confirmed matches</source>
        <translation>التطابقات المؤكَّدة</translation>
    </message>
    <message>
        <source>Statement lines without a payment</source>
        <translation>أسطر كشف الحساب بلا دفعة</translation>
    </message>
    <message>
        <source>Collected payments without a line</source>
        <translation>الدفعات المحصَّلة بلا سطر في الكشف</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>تأشير الكل (&amp;A)</translation>
    </message>
    <message>
        <source>Check every proposal</source>
        <translation>تأشير كل الاقتراحات</translation>
    </message>
    <message>
        <source>Uncheck a&amp;ll</source>
        <translation>إلغاء تأشير الكل (&amp;L)</translation>
    </message>
    <message>
        <source>Uncheck every proposal</source>
        <translation>إلغاء تأشير كل الاقتراحات</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>رفض (&amp;R)</translation>
    </message>
    <message>
        <source>Drop the selected proposals for now; nothing is stored</source>
        <translation>استبعاد الاقتراحات المحدَّدة مؤقتًا؛ لا يُحفظ شيء</translation>
    </message>
    <message>
        <source>&amp;Confirm checked</source>
        <translation>تأكيد المؤشَّر عليها (&amp;C)</translation>
    </message>
    <message>
        <source>Store the checked proposals as matches</source>
        <translation>حفظ الاقتراحات المؤشَّر عليها كتطابقات</translation>
    </message>
    <message>
        <source>&amp;Undo match</source>
        <translation>إلغاء التطابق (&amp;U)</translation>
    </message>
    <message>
        <source>Forget the selected confirmed match (asks first)</source>
        <translation>إزالة التطابق المؤكَّد المحدَّد (بعد طلب التأكيد)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>تصدير (&amp;E)…</translation>
    </message>
    <message>
        <source>Write the whole result to a CSV or Excel file</source>
        <translation>كتابة النتيجة كاملة في ملف CSV أو Excel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>إغلاق هذه النافذة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) matched</source>
        <translation>
            <numerusform>لا أسطر مطابَقة</numerusform>
            <numerusform>سطر واحد مطابَق</numerusform>
            <numerusform>سطران مطابَقان</numerusform>
            <numerusform>%Ln أسطر مطابَقة</numerusform>
            <numerusform>%Ln سطرًا مطابَقًا</numerusform>
            <numerusform>%Ln سطر مطابَق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) to check</source>
        <translation>
            <numerusform>لا اقتراحات للمراجعة</numerusform>
            <numerusform>اقتراح واحد للمراجعة</numerusform>
            <numerusform>اقتراحان للمراجعة</numerusform>
            <numerusform>%Ln اقتراحات للمراجعة</numerusform>
            <numerusform>%Ln اقتراحًا للمراجعة</numerusform>
            <numerusform>%Ln اقتراح للمراجعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) without a payment</source>
        <translation>
            <numerusform>لا أسطر بلا دفعة</numerusform>
            <numerusform>سطر واحد بلا دفعة</numerusform>
            <numerusform>سطران بلا دفعة</numerusform>
            <numerusform>%Ln أسطر بلا دفعة</numerusform>
            <numerusform>%Ln سطرًا بلا دفعة</numerusform>
            <numerusform>%Ln سطر بلا دفعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) without a line</source>
        <translation>
            <numerusform>لا دفعات بلا سطر في الكشف</numerusform>
            <numerusform>دفعة واحدة بلا سطر في الكشف</numerusform>
            <numerusform>دفعتان بلا سطر في الكشف</numerusform>
            <numerusform>%Ln دفعات بلا سطر في الكشف</numerusform>
            <numerusform>%Ln دفعةً بلا سطر في الكشف</numerusform>
            <numerusform>%Ln دفعة بلا سطر في الكشف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln confirmed matches need checking: Lean no longer reports their payments as collected.</source>
        <translation>
            <numerusform>⚠ لا تطابقات مؤكَّدة تحتاج إلى مراجعة بسبب تغيّر حالة دفعاتها لدى Lean.</numerusform>
            <numerusform>⚠ تطابق مؤكَّد واحد يحتاج إلى مراجعة: لم تعد Lean تُظهر دفعته على أنها محصَّلة.</numerusform>
            <numerusform>⚠ تطابقان مؤكَّدان يحتاجان إلى مراجعة: لم تعد Lean تُظهر دفعتيهما على أنهما محصَّلتان.</numerusform>
            <numerusform>⚠ %Ln تطابقات مؤكَّدة تحتاج إلى مراجعة: لم تعد Lean تُظهر دفعاتها على أنها محصَّلة.</numerusform>
            <numerusform>⚠ %Ln تطابقًا مؤكَّدًا يحتاج إلى مراجعة: لم تعد Lean تُظهر دفعاتها على أنها محصَّلة.</numerusform>
            <numerusform>⚠ %Ln تطابق مؤكَّد يحتاج إلى مراجعة: لم تعد Lean تُظهر دفعاتها على أنها محصَّلة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation>
            <numerusform>لم يُقرأ أي سطر</numerusform>
            <numerusform>قُرئ سطر واحد</numerusform>
            <numerusform>قُرئ سطران</numerusform>
            <numerusform>قُرئت %Ln أسطر</numerusform>
            <numerusform>قُرئ %Ln سطرًا</numerusform>
            <numerusform>قُرئ %Ln سطر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln debit(s) or zero amount(s) not matched</source>
        <translation>
            <numerusform>لا قيود مدينة أو بمبلغ صفري مستبعدة من المطابقة</numerusform>
            <numerusform>قيد واحد مدين أو بمبلغ صفري لم يُطابَق</numerusform>
            <numerusform>قيدان مدينان أو بمبلغ صفري لم يُطابَقا</numerusform>
            <numerusform>%Ln قيود مدينة أو بمبلغ صفري لم تُطابَق</numerusform>
            <numerusform>%Ln قيدًا مدينًا أو بمبلغ صفري لم يُطابَق</numerusform>
            <numerusform>%Ln قيد مدين أو بمبلغ صفري لم يُطابَق</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {read}, {debits}; columns {columns}</source>
        <translation>{name}: {read}، {debits}؛ الأعمدة {columns}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) rejected for now; nothing was stored.</source>
        <translation>
            <numerusform>لم يُرفض أي اقتراح؛ لم يُحفظ شيء.</numerusform>
            <numerusform>رُفض اقتراح واحد مؤقتًا؛ لم يُحفظ شيء.</numerusform>
            <numerusform>رُفض اقتراحان مؤقتًا؛ لم يُحفظ شيء.</numerusform>
            <numerusform>رُفضت %Ln اقتراحات مؤقتًا؛ لم يُحفظ شيء.</numerusform>
            <numerusform>رُفض %Ln اقتراحًا مؤقتًا؛ لم يُحفظ شيء.</numerusform>
            <numerusform>رُفض %Ln اقتراح مؤقتًا؛ لم يُحفظ شيء.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo the match of line {line} with payment {payment}? Both go back to unmatched; the line can be matched again.</source>
        <translation>هل تريد إلغاء تطابق السطر {line} مع الدفعة {payment}؟ سيعود كلاهما غير مطابَق، ويمكن مطابقة السطر مرة أخرى.</translation>
    </message>
    <message>
        <source>Undo match</source>
        <translation>إلغاء التطابق</translation>
    </message>
    <message>
        <source>&amp;Confirm checked ({n})</source>
        <translation>تأكيد المؤشَّر عليها ({n}) (&amp;C)</translation>
    </message>
    <message>
        <source>Nothing can be stored: {reason}</source>
        <translation>لا يمكن حفظ أي شيء: {reason}</translation>
    </message>
</context>
<context>
    <name>Reconciliation</name>
    <message>
        <source>The columns are not remembered for the bank: {reason}.</source>
        <translation>لم تُحفظ الأعمدة لهذا البنك: {reason}.</translation>
    </message>
    <message>
        <source>An export is a .csv or .xlsx file, not {name}.</source>
        <translation>يجب أن يكون ملف التصدير بصيغة .csv أو .xlsx، وليس {name}.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>A saved view needs a name.</source>
        <translation>يجب أن يكون للعرض المحفوظ اسم.</translation>
    </message>
    <message>
        <source>The file is larger than {size} KiB, so it is not a saved view.</source>
        <translation>حجم الملف أكبر من {size} KiB، لذا فهو ليس عرضًا محفوظًا.</translation>
    </message>
    <message>
        <source>This file is not a LinkManager saved view.</source>
        <translation>هذا الملف ليس عرضًا محفوظًا من LinkManager.</translation>
    </message>
    <message>
        <source>This saved view comes from a newer LinkManager (format {version}); update LinkManager to import it.</source>
        <translation>هذا العرض المحفوظ من إصدار أحدث من LinkManager (التنسيق {version})؛ حدِّث LinkManager لاستيراده.</translation>
    </message>
    <message>
        <source>This saved view is for a page LinkManager does not have (“{page}”).</source>
        <translation>هذا العرض المحفوظ مخصَّص لصفحة غير موجودة في LinkManager («{page}»).</translation>
    </message>
    <message>
        <source>“{key}” is not known here and was left out.</source>
        <translation>«{key}» غير معروف في هذا الإصدار، فتم استبعاده.</translation>
    </message>
    <message>
        <source>Imported view</source>
        <translation>عرض مستورد</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more.</source>
        <translation>
            <numerusform>…و%Ln ملاحظة أخرى.</numerusform>
            <numerusform>…وملاحظة أخرى.</numerusform>
            <numerusform>…وملاحظتان أخريان.</numerusform>
            <numerusform>…و%Ln ملاحظات أخرى.</numerusform>
            <numerusform>…و%Ln ملاحظةً أخرى.</numerusform>
            <numerusform>…و%Ln ملاحظة أخرى.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tab “{tab}” is not known here; the view opens on All.</source>
        <translation>التبويب «{tab}» غير معروف في هذا الإصدار؛ لذا يُفتح العرض على تبويب «الكل».</translation>
    </message>
    <message>
        <source>The search was not text and was left out.</source>
        <translation>لم يكن البحث نصًا، فتم استبعاده.</translation>
    </message>
    <message numerus="yes">
        <source>The search was cut to %Ln character(s).</source>
        <translation>
            <numerusform>تم تقصير نص البحث إلى %Ln حرف.</numerusform>
            <numerusform>تم تقصير نص البحث إلى حرف واحد.</numerusform>
            <numerusform>تم تقصير نص البحث إلى حرفين.</numerusform>
            <numerusform>تم تقصير نص البحث إلى %Ln أحرف.</numerusform>
            <numerusform>تم تقصير نص البحث إلى %Ln حرفًا.</numerusform>
            <numerusform>تم تقصير نص البحث إلى %Ln حرف.</numerusform>
        </translation>
    </message>
    <message>
        <source>The columns were not a list and were left out.</source>
        <translation>لم تكن الأعمدة قائمة، فتم استبعادها.</translation>
    </message>
    <message>
        <source>The column “{column}” is not known here and was left out.</source>
        <translation>العمود «{column}» غير معروف في هذا الإصدار، فتم استبعاده.</translation>
    </message>
    <message>
        <source>The sort column “{column}” is not known here; the order is left as it is.</source>
        <translation>عمود الترتيب «{column}» غير معروف في هذا الإصدار؛ لذا يبقى الترتيب كما هو.</translation>
    </message>
    <message>
        <source>The filters were not understood and were left out.</source>
        <translation>تعذّر فهم عوامل التصفية، فتم استبعادها.</translation>
    </message>
    <message>
        <source>The filter “{filter}” is not known here and was left out.</source>
        <translation>عامل التصفية «{filter}» غير معروف في هذا الإصدار، فتم استبعاده.</translation>
    </message>
    <message>
        <source>“{currency}” is not a currency code; the view shows every currency.</source>
        <translation>«{currency}» ليس رمز عملة؛ لذا تظهر في العرض جميع العملات.</translation>
    </message>
    <message>
        <source>The link status “{status}” is not known here and was left out.</source>
        <translation>حالة الرابط «{status}» غير معروفة في هذا الإصدار، فتم استبعادها.</translation>
    </message>
    <message>
        <source>The date range “{range}” is not known here; the view shows all dates.</source>
        <translation>نطاق التاريخ «{range}» غير معروف في هذا الإصدار؛ لذا تظهر في العرض جميع التواريخ.</translation>
    </message>
    <message>
        <source>The custom days were not dates from 2000 to 2100; the view shows all dates.</source>
        <translation>لم تكن أيام النطاق المخصَّص تواريخ بين عامي 2000 و2100؛ لذا تظهر في العرض جميع التواريخ.</translation>
    </message>
    <message>
        <source>The saved views file {path} could not be read ({reason}).</source>
        <translation>تعذّرت قراءة ملف العروض المحفوظة {path} ({reason}).</translation>
    </message>
    <message>
        <source>A saved view named “{name}” already exists.</source>
        <translation>يوجد بالفعل عرض محفوظ باسم «{name}».</translation>
    </message>
    <message>
        <source>There is no saved view named “{name}”.</source>
        <translation>لا يوجد عرض محفوظ باسم «{name}».</translation>
    </message>
    <message numerus="yes">
        <source>There are already %Ln saved view(s); delete some first.</source>
        <translation>
            <numerusform>توجد بالفعل %Ln عروض محفوظة؛ احذف بعضها أولًا.</numerusform>
            <numerusform>يوجد بالفعل عرض محفوظ واحد؛ احذفه أولًا.</numerusform>
            <numerusform>يوجد بالفعل عرضان محفوظان؛ احذف أحدهما أولًا.</numerusform>
            <numerusform>توجد بالفعل %Ln عروض محفوظة؛ احذف بعضها أولًا.</numerusform>
            <numerusform>يوجد بالفعل %Ln عرضًا محفوظًا؛ احذف بعضها أولًا.</numerusform>
            <numerusform>يوجد بالفعل %Ln عرض محفوظ؛ احذف بعضها أولًا.</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved views could not be written to {path}: {reason}</source>
        <translation>تعذّرت كتابة العروض المحفوظة في {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>SavedViewsController</name>
    <message>
        <source>Saved &amp;views</source>
        <translation>العروض المحفوظة (&amp;v)</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>حفظ العرض الحالي (&amp;S)…</translation>
    </message>
    <message>
        <source>Save the tab, filters, search, columns and sort under a name</source>
        <translation>احفظ التبويب وعوامل التصفية والبحث والأعمدة والترتيب باسمٍ تختاره</translation>
    </message>
    <message>
        <source>&amp;Manage saved views…</source>
        <translation>إدارة العروض المحفوظة (&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Import view…</source>
        <translation>استيراد عرض (&amp;I)…</translation>
    </message>
    <message>
        <source>Add a view a colleague shared as a JSON file</source>
        <translation>أضف عرضًا شاركه معك أحد الزملاء كملف JSON</translation>
    </message>
    <message>
        <source>Set as &amp;default</source>
        <translation>تعيين كعرض افتراضي (&amp;d)</translation>
    </message>
    <message>
        <source>&amp;Export view</source>
        <translation>تصدير عرض (&amp;E)</translation>
    </message>
    <message>
        <source>Links views</source>
        <translation>عروض الروابط</translation>
    </message>
    <message>
        <source>Payments views</source>
        <translation>عروض الدفعات</translation>
    </message>
    <message>
        <source>Show the saved view “{name}”</source>
        <translation>إظهار العرض المحفوظ «{name}»</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>لا توجد عروض محفوظة بعد</translation>
    </message>
    <message>
        <source>&amp;None (the window as last left)</source>
        <translation>لا شيء (النافذة كما تُركت آخر مرة) (&amp;N)</translation>
    </message>
    <message>
        <source>There is no saved view named “{name}”.</source>
        <translation>لا يوجد عرض محفوظ باسم «{name}».</translation>
    </message>
    <message>
        <source>Showing the saved view “{name}”</source>
        <translation>يظهر الآن العرض المحفوظ «{name}»</translation>
    </message>
    <message>
        <source>Save current view</source>
        <translation>حفظ العرض الحالي</translation>
    </message>
    <message>
        <source>Saved the view “{name}”</source>
        <translation>تم حفظ العرض «{name}»</translation>
    </message>
    <message>
        <source>Rename saved view</source>
        <translation>إعادة تسمية العرض المحفوظ</translation>
    </message>
    <message>
        <source>Renamed the view to “{name}”</source>
        <translation>تمت إعادة تسمية العرض إلى «{name}»</translation>
    </message>
    <message>
        <source>Deleted the view “{name}”</source>
        <translation>تم حذف العرض «{name}»</translation>
    </message>
    <message>
        <source>No saved view is shown at start now</source>
        <translation>لن يظهر أي عرض محفوظ عند بدء التشغيل بعد الآن</translation>
    </message>
    <message>
        <source>“{name}” is shown when the window opens</source>
        <translation>سيظهر العرض «{name}» عند فتح النافذة</translation>
    </message>
    <message>
        <source>The view could not be written to {path}: {reason}</source>
        <translation>تعذّرت كتابة العرض في {path}: {reason}</translation>
    </message>
    <message>
        <source>Exported the view “{name}” to {path}</source>
        <translation>تم تصدير العرض «{name}» إلى {path}</translation>
    </message>
    <message>
        <source>{path} could not be read: {reason}</source>
        <translation>تعذّرت قراءة {path}: {reason}</translation>
    </message>
    <message>
        <source>Imported the view “{name}”</source>
        <translation>تم استيراد العرض «{name}»</translation>
    </message>
    <message>
        <source>Imported the view “{name}”, without what this version does not know:</source>
        <translation>تم استيراد العرض «{name}» مع استبعاد ما لا يعرفه هذا الإصدار:</translation>
    </message>
</context>
<context>
    <name>SavedViewsDialogs</name>
    <message>
        <source>Save current view</source>
        <translation>حفظ العرض الحالي</translation>
    </message>
    <message>
        <source>A saved view named “{name}” already exists. Replace it with the view shown now?</source>
        <translation>يوجد بالفعل عرض محفوظ باسم «{name}». هل تريد استبداله بالعرض الظاهر الآن؟</translation>
    </message>
    <message>
        <source>Delete saved view</source>
        <translation>حذف العرض المحفوظ</translation>
    </message>
    <message>
        <source>Delete the saved view “{name}”? Files exported from it stay as they are.</source>
        <translation>هل تريد حذف العرض المحفوظ «{name}»؟ تبقى الملفات التي صُدِّرت منه كما هي.</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>العروض المحفوظة</translation>
    </message>
    <message>
        <source>Saved view</source>
        <translation>عرض محفوظ</translation>
    </message>
    <message>
        <source>Export view “{name}”</source>
        <translation>تصدير العرض «{name}»</translation>
    </message>
    <message>
        <source>Import view</source>
        <translation>استيراد عرض</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>معطَّل</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>مستنفَد</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search</source>
        <translation>اكتب 3 أحرف على الأقل للبحث</translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) match; {via} through a payer value</source>
        <translation>
            <numerusform>لا توجد روابط مطابقة؛ عبر ما أدخله الدافع: {via}</numerusform>
            <numerusform>رابط واحد مطابق؛ عبر ما أدخله الدافع: {via}</numerusform>
            <numerusform>رابطان مطابقان؛ منهما {via} عبر ما أدخله الدافع</numerusform>
            <numerusform>%Ln روابط مطابقة؛ منها {via} عبر ما أدخله الدافع</numerusform>
            <numerusform>%Ln رابطًا مطابقًا؛ منها {via} عبر ما أدخله الدافع</numerusform>
            <numerusform>%Ln رابط مطابق؛ منها {via} عبر ما أدخله الدافع</numerusform>
        </translation>
    </message>
    <message>
        <source>Not searched for (under 3 characters, among more than {most} links): {words}</source>
        <translation>لم يُبحث عنها (أقل من 3 أحرف، مع وجود أكثر من {most} رابط): {words}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>As the system (now: {name})</source>
        <translation>حسب النظام (حاليًا: {name})</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Latin (0123456789)</source>
        <translation>لاتينية (0123456789)</translation>
    </message>
    <message>
        <source>Arabic-Indic (٠١٢٣٤٥٦٧٨٩)</source>
        <translation>عربية هندية (٠١٢٣٤٥٦٧٨٩)</translation>
    </message>
    <message>
        <source>Digits in Arabic</source>
        <translation>الأرقام في الواجهة العربية</translation>
    </message>
    <message>
        <source>How amounts, dates and counts are written when the interface is in Arabic</source>
        <translation>طريقة كتابة المبالغ والتواريخ والأعداد عندما تكون الواجهة باللغة العربية</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة (&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Digits in Arabic:</source>
        <translation>الأرقام في الواجهة العربية (&amp;D):</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>Payments &amp;collected</source>
        <translation>الدفعات المحصَّلة (&amp;c)</translation>
    </message>
    <message>
        <source>Notify payments collected</source>
        <translation>الإشعار بالدفعات المحصَّلة</translation>
    </message>
    <message>
        <source>Payments &amp;failed</source>
        <translation>الدفعات الفاشلة (&amp;f)</translation>
    </message>
    <message>
        <source>Notify failed payments</source>
        <translation>الإشعار بالدفعات الفاشلة</translation>
    </message>
    <message>
        <source>Links about to &amp;expire or near their limit</source>
        <translation>الروابط التي قاربت على انتهاء صلاحيتها أو على بلوغ حدها الأقصى (&amp;e)</translation>
    </message>
    <message>
        <source>Notify links about to expire or near their limit</source>
        <translation>الإشعار بالروابط التي قاربت على انتهاء صلاحيتها أو على بلوغ حدها الأقصى</translation>
    </message>
    <message>
        <source>&amp;Sync problems</source>
        <translation>مشكلات المزامنة (&amp;S)</translation>
    </message>
    <message>
        <source>Notify sync problems</source>
        <translation>الإشعار بمشكلات المزامنة</translation>
    </message>
    <message>
        <source>&amp;Keep syncing in the tray when the window is closed</source>
        <translation>مواصلة المزامنة في علبة النظام عند إغلاق النافذة (&amp;K)</translation>
    </message>
    <message>
        <source>Keep syncing in the tray when the window is closed</source>
        <translation>مواصلة المزامنة في علبة النظام عند إغلاق النافذة</translation>
    </message>
    <message>
        <source>This desktop has no tray: closing the window quits, and notices show in Changes</source>
        <translation>لا توجد علبة نظام في سطح المكتب هذا: إغلاق النافذة يُنهي البرنامج، وتظهر الإشعارات في لوحة التغييرات</translation>
    </message>
    <message>
        <source>Notices show in the tray, or in View &gt; Changes where the desktop has no tray.</source>
        <translation>تظهر الإشعارات في علبة النظام، أو في عرض &gt; التغييرات إذا لم تكن في سطح المكتب علبة نظام.</translation>
    </message>
    <message>
        <source>LinkManager will use this from its next start.</source>
        <translation>سيستخدم LinkManager هذا الإعداد بدءًا من تشغيله التالي.</translation>
    </message>
</context>
<context>
    <name>SheetOptions</name>
    <message>
        <source>Copies of each link</source>
        <translation>عدد نسخ كل رابط</translation>
    </message>
    <message>
        <source>How many codes of each link: on a card or a receipt, a page each</source>
        <translation>عدد الرموز المطبوعة لكل رابط: في البطاقة أو الإيصال تأخذ كل نسخة صفحة مستقلة</translation>
    </message>
    <message>
        <source>C&amp;opies of each link:</source>
        <translation>عدد نسخ كل رابط: (&amp;o)</translation>
    </message>
    <message>
        <source>&amp;Fill the sheet</source>
        <translation>ملء الورقة (&amp;F)</translation>
    </message>
    <message>
        <source>Fill the sheet</source>
        <translation>ملء الورقة</translation>
    </message>
    <message>
        <source>As many copies as fill the free labels of one sheet, shared by the links</source>
        <translation>أكبر عدد من النسخ يملأ الملصقات الفارغة في ورقة واحدة، موزَّعةً على الروابط</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>البدء من الملصق</translation>
    </message>
    <message>
        <source>The first free label of a sheet used in part: counted along the rows, from 1 at the top left</source>
        <translation>أول ملصق فارغ في ورقة مستخدمة جزئيًا: يُعدّ على امتداد الصفوف، بدءًا من 1 في أعلى اليسار</translation>
    </message>
    <message>
        <source>Start at &amp;label:</source>
        <translation>البدء من الملصق: (&amp;l)</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Offline cache damaged</source>
        <translation>البيانات المحفوظة على الجهاز تالفة</translation>
    </message>
    <message>
        <source>{problem}

Move the damaged file aside and start with an empty cache? The next sync fills it again from Lean.</source>
        <translation>{problem}

هل تريد نقل الملف التالف جانبًا والبدء ببيانات محفوظة فارغة؟ ستملؤها المزامنة التالية من Lean مجددًا.</translation>
    </message>
    <message>
        <source>The demo&apos;s simulated Lean server cannot start on this computer: {error}</source>
        <translation>يتعذّر تشغيل خادم Lean المُحاكى الخاص بالعرض التجريبي على هذا الجهاز: {error}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Every command is also in a menu. / and ? work when the cursor is not in a text field.</source>
        <translation>كل أمر متاح أيضًا في إحدى القوائم. يعمل المفتاحان / و ? عندما لا يكون المؤشر في حقل نصي.</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Anywhere</source>
        <translation>في أي مكان</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>الجداول</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab، Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>عنصر التحكم التالي أو السابق</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>السهم لأعلى، السهم لأسفل، Page Up، Page Down</translation>
    </message>
    <message>
        <source>Move through the rows</source>
        <translation>التنقل بين الصفوف</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Links: go to the selected link&apos;s actions</source>
        <translation>الروابط: الانتقال إلى إجراءات الرابط المحدَّد</translation>
    </message>
    <message>
        <source>Usages: open the usage in the drawer</source>
        <translation>محاولات الدفع: فتح محاولة الدفع في اللوحة الجانبية</translation>
    </message>
    <message>
        <source>Payments: open the payment&apos;s link and the payment</source>
        <translation>الدفعات: فتح رابط الدفعة والدفعة نفسها</translation>
    </message>
    <message>
        <source>Menu, Shift+F10</source>
        <translation>Menu، Shift+F10</translation>
    </message>
    <message>
        <source>The row&apos;s menu (links: copy, disable or enable…; usages: copy)</source>
        <translation>قائمة الصف (الروابط: نسخ، تعطيل أو تفعيل…؛ محاولات الدفع: نسخ)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close the usage drawer</source>
        <translation>إغلاق اللوحة الجانبية لمحاولة الدفع</translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>تعذّرت قراءة {path}: {reason}.</translation>
    </message>
    <message>
        <source>{name} is larger than 50 MB: import a shorter period.</source>
        <translation>حجم {name} أكبر من 50 ميغابايت: استورد فترة أقصر.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>الملف {name} فارغ.</translation>
    </message>
    <message>
        <source>{name} is an old Excel (.xls) workbook: save it as .xlsx or CSV and import that.</source>
        <translation>{name} مصنَّف Excel قديم (.xls): احفظه بصيغة .xlsx أو CSV ثم استورد الملف الجديد.</translation>
    </message>
    <message>
        <source>{name} is a PDF: ask the bank for the CSV or Excel statement.</source>
        <translation>{name} ملف PDF: اطلب من البنك كشف الحساب بصيغة CSV أو Excel.</translation>
    </message>
    <message>
        <source>{name} is a web page (HTML or XML), not CSV or XLSX: open it in Excel and save it as .xlsx.</source>
        <translation>{name} صفحة ويب (HTML أو XML) وليس ملف CSV أو XLSX: افتحه في Excel واحفظه بصيغة .xlsx.</translation>
    </message>
    <message>
        <source>{name} is a zip archive but not an Excel workbook (.xlsx).</source>
        <translation>{name} أرشيف zip لكنه ليس مصنَّف Excel (.xlsx).</translation>
    </message>
    <message>
        <source>The file is not a CSV or XLSX file: it holds binary data.</source>
        <translation>الملف ليس ملف CSV أو XLSX: فهو يحتوي على بيانات ثنائية.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than 300 MB: that is no bank statement.</source>
        <translation>يتجاوز حجم {name} بعد فك ضغطه 300 ميغابايت: هذا ليس كشف حساب بنكيًا.</translation>
    </message>
    <message>
        <source>{name} is not a workbook Excel can open ({kind}).</source>
        <translation>{name} ليس مصنَّفًا يستطيع Excel فتحه ({kind}).</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({kind}).</source>
        <translation>{name} تالف ولا يمكن قراءته ({kind}).</translation>
    </message>
    <message>
        <source>With no currency column, say which currency the lines are in (e.g. AED).</source>
        <translation>في غياب عمود للعملة، حدِّد العملة التي سُجّلت بها الأسطر (مثل AED).</translation>
    </message>
    <message>
        <source>A cell of {name} holds more than {limit} characters.</source>
        <translation>تحتوي إحدى خلايا {name} على أكثر من {limit} حرف.</translation>
    </message>
    <message>
        <source>{name} is not a CSV file this program can read ({error}).</source>
        <translation>{name} ليس ملف CSV يستطيع هذا البرنامج قراءته ({error}).</translation>
    </message>
    <message>
        <source>The statement has no column &apos;{column}&apos;; its columns are: {titles}.</source>
        <translation>لا يحتوي كشف الحساب على عمود «{column}»؛ أعمدته هي: {titles}.</translation>
    </message>
    <message>
        <source>The statement has more than {limit} rows: import a shorter period.</source>
        <translation>يحتوي كشف الحساب على أكثر من {limit} صف: استورد فترة أقصر.</translation>
    </message>
    <message>
        <source>Line {line}: a cell holds more than {limit} characters.</source>
        <translation>السطر {line}: تحتوي إحدى الخلايا على أكثر من {limit} حرف.</translation>
    </message>
    <message>
        <source>Line {line}: the date is empty.</source>
        <translation>السطر {line}: التاريخ فارغ.</translation>
    </message>
    <message>
        <source>Line {line}: the date &apos;{date}&apos; is not a date (read day first, DD/MM/YYYY).</source>
        <translation>السطر {line}: القيمة «{date}» ليست تاريخًا (يُقرأ اليوم أولًا، DD/MM/YYYY).</translation>
    </message>
    <message>
        <source>Line {line}: the amount &apos;{amount}&apos; is not a number.</source>
        <translation>السطر {line}: المبلغ «{amount}» ليس رقمًا.</translation>
    </message>
    <message>
        <source>Line {line}: the currency &apos;{currency}&apos; is not a currency code.</source>
        <translation>السطر {line}: العملة «{currency}» ليست رمز عملة.</translation>
    </message>
    <message>
        <source>Line {line}: the amount says {written}, the currency column {column}.</source>
        <translation>السطر {line}: يذكر المبلغ {written}، بينما يذكر عمود العملة {column}.</translation>
    </message>
    <message>
        <source>Line {line}: the currency is empty.</source>
        <translation>السطر {line}: العملة فارغة.</translation>
    </message>
</context>
<context>
    <name>StatementCounts</name>
    <message numerus="yes">
        <source>No row among the first %n has a date in column {column}.</source>
        <translation>
            <numerusform>لا يحتوي أي صف من أول %n صف على تاريخ في العمود {column}.</numerusform>
            <numerusform>لا يحتوي الصف الأول على تاريخ في العمود {column}.</numerusform>
            <numerusform>لا يحتوي أيٌّ من الصفين الأولين على تاريخ في العمود {column}.</numerusform>
            <numerusform>لا يحتوي أي صف من أول %n صفوف على تاريخ في العمود {column}.</numerusform>
            <numerusform>لا يحتوي أي صف من أول %n صفًا على تاريخ في العمود {column}.</numerusform>
            <numerusform>لا يحتوي أي صف من أول %n صف على تاريخ في العمود {column}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none found in its first %n row(s)</source>
        <translation>
            <numerusform>لم يُعثر على أي عنوان في أول %n صف منه</numerusform>
            <numerusform>لم يُعثر على أي عنوان في صفه الأول</numerusform>
            <numerusform>لم يُعثر على أي عنوان في صفَّيه الأولين</numerusform>
            <numerusform>لم يُعثر على أي عنوان في أول %n صفوف منه</numerusform>
            <numerusform>لم يُعثر على أي عنوان في أول %n صفًا منه</numerusform>
            <numerusform>لم يُعثر على أي عنوان في أول %n صف منه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>Production: real customers and real money. Changes take effect at once.</source>
        <translation>بيئة الإنتاج: عملاء حقيقيون وأموال حقيقية. تسري التغييرات فورًا.</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>Sandbox: Lean&apos;s test environment; no real money moves.</source>
        <translation>بيئة الاختبار: بيئة Lean التجريبية؛ لا تنتقل أي أموال حقيقية.</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo: a simulated Lean server on this computer with made-up data. Nothing leaves this computer.</source>
        <translation>العرض التجريبي: خادم Lean مُحاكًى على هذا الجهاز ببيانات وهمية. لا يخرج أي شيء من هذا الجهاز.</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>CUSTOM</translation>
    </message>
    <message>
        <source>A custom Lean address set in this profile.</source>
        <translation>عنوان Lean مخصَّص محدَّد في ملف التعريف هذا.</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>المحدَّد: {count}</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>قبل لحظات</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>لم تتم المزامنة بعد</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>أمس {time}</translation>
    </message>
    <message>
        <source>Last synced {when} ({ago})</source>
        <translation>آخر مزامنة {when} ({ago})</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>البيئة</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف التعريف</translation>
    </message>
    <message>
        <source>Connection indicator</source>
        <translation>مؤشر الاتصال</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>مشكلات المزامنة</translation>
    </message>
    <message>
        <source>Lean&apos;s answers for some links could not be used: the app shows its last good copy of them. Click to see which links and why.</source>
        <translation>تعذّر استخدام ردود Lean لبعض الروابط: يعرض التطبيق آخر نسخة سليمة منها. انقر لمعرفة الروابط والسبب.</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>تقدُّم المزامنة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>إلغاء المزامنة</translation>
    </message>
    <message>
        <source>Stop the sync; everything synced so far is kept</source>
        <translation>إيقاف المزامنة؛ يُحتفظ بكل ما تمت مزامنته حتى الآن</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>مزامنة الآن</translation>
    </message>
    <message>
        <source>Sync with Lean now (F5)</source>
        <translation>المزامنة مع Lean الآن (F5)</translation>
    </message>
    <message>
        <source>Profile: {name}</source>
        <translation>ملف التعريف: {name}</translation>
    </message>
    <message>
        <source>Offline — {reason}</source>
        <translation>غير متصل — {reason}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Lean cannot be reached: showing the offline cache.</source>
        <translation>تعذّر الوصول إلى Lean: تُعرض البيانات المحفوظة على الجهاز.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Lean answered the last request.</source>
        <translation>ردّت Lean على الطلب الأخير.</translation>
    </message>
    <message>
        <source>Click for details.</source>
        <translation>انقر لعرض التفاصيل.</translation>
    </message>
    <message>
        <source>No complete sync has finished yet.</source>
        <translation>لم تكتمل أي مزامنة كاملة بعد.</translation>
    </message>
    <message>
        <source>Last complete sync: {when}</source>
        <translation>آخر مزامنة كاملة: {when}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) could not be updated</source>
        <translation>
            <numerusform>لم يتعذّر تحديث أي رابط</numerusform>
            <numerusform>تعذّر تحديث رابط واحد</numerusform>
            <numerusform>تعذّر تحديث رابطين</numerusform>
            <numerusform>تعذّر تحديث %Ln روابط</numerusform>
            <numerusform>تعذّر تحديث %Ln رابطًا</numerusform>
            <numerusform>تعذّر تحديث %Ln رابط</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced — {links}; part of the list of links could not be read</source>
        <translation>تمت المزامنة — {links}؛ تعذّرت قراءة جزء من قائمة الروابط</translation>
    </message>
    <message>
        <source>Synced — {links}</source>
        <translation>تمت المزامنة — {links}</translation>
    </message>
    <message>
        <source>Synced — part of the list of links could not be read</source>
        <translation>تمت المزامنة — تعذّرت قراءة جزء من قائمة الروابط</translation>
    </message>
    <message>
        <source>Reading links…</source>
        <translation>جارٍ قراءة الروابط…</translation>
    </message>
    <message>
        <source>Links: page %v of %m</source>
        <translation>الروابط: الصفحة %v من %m</translation>
    </message>
    <message numerus="yes">
        <source>Payments: {done} of %Ln link(s)</source>
        <translation>
            <numerusform>الدفعات: {done} من %Ln رابط</numerusform>
            <numerusform>الدفعات: {done} من رابط واحد</numerusform>
            <numerusform>الدفعات: {done} من رابطين</numerusform>
            <numerusform>الدفعات: {done} من %Ln روابط</numerusform>
            <numerusform>الدفعات: {done} من %Ln رابطًا</numerusform>
            <numerusform>الدفعات: {done} من %Ln رابط</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>StatusBarCounts</name>
    <message numerus="yes">
        <source>%Ln min ago</source>
        <translation>
            <numerusform>منذ %Ln دقيقة</numerusform>
            <numerusform>منذ دقيقة</numerusform>
            <numerusform>منذ دقيقتين</numerusform>
            <numerusform>منذ %Ln دقائق</numerusform>
            <numerusform>منذ %Ln دقيقة</numerusform>
            <numerusform>منذ %Ln دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h ago</source>
        <translation>
            <numerusform>منذ %Ln ساعة</numerusform>
            <numerusform>منذ ساعة</numerusform>
            <numerusform>منذ ساعتين</numerusform>
            <numerusform>منذ %Ln ساعات</numerusform>
            <numerusform>منذ %Ln ساعة</numerusform>
            <numerusform>منذ %Ln ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>منذ %Ln يوم</numerusform>
            <numerusform>منذ يوم</numerusform>
            <numerusform>منذ يومين</numerusform>
            <numerusform>منذ %Ln أيام</numerusform>
            <numerusform>منذ %Ln يومًا</numerusform>
            <numerusform>منذ %Ln يوم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>Started</source>
        <translation>بدأت</translation>
    </message>
    <message>
        <source>Payment created</source>
        <translation>تم إنشاء الدفعة</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فاشلة</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <source>Awaiting authorization</source>
        <translation>بانتظار التفويض</translation>
    </message>
    <message>
        <source>Pending with bank</source>
        <translation>قيد المعالجة لدى البنك</translation>
    </message>
    <message>
        <source>Accepted by bank</source>
        <translation>قبلها البنك</translation>
    </message>
    <message>
        <source>Rejected by bank</source>
        <translation>رفضها البنك</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>قيد المعالجة</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>تمت معالجتها</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
</context>
<context>
    <name>StorageProfileBook</name>
    <message>
        <source>Choose Sandbox, Production or a custom address, not {environment}.</source>
        <translation>اختر بيئة الاختبار (Sandbox) أو بيئة الإنتاج (Production) أو عنوانًا مخصَّصًا، وليس {environment}.</translation>
    </message>
    <message>
        <source>Sync every {low} to {high} minutes.</source>
        <translation>يجب أن تكون فترة المزامنة من {low} إلى {high} دقيقة.</translation>
    </message>
    <message>
        <source>Re-check payments every {low} to {high} minutes.</source>
        <translation>يجب أن تكون فترة إعادة التحقق من الدفعات من {low} إلى {high} دقيقة.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>This profile&apos;s offline cache is read-only ({reason}): it shows what it holds, but nothing can be synced into it. Copy it to a folder you can write to.</source>
        <translation>البيانات المحفوظة على الجهاز لملف التعريف هذا للقراءة فقط ({reason}): يُعرض ما تحتويه، لكن لا يمكن مزامنة أي شيء فيها. انسخها إلى مجلد يمكنك الكتابة فيه.</translation>
    </message>
    <message>
        <source>Read-only cache: syncing is off ({reason}).</source>
        <translation>البيانات المحفوظة على الجهاز للقراءة فقط: المزامنة متوقفة ({reason}).</translation>
    </message>
    <message>
        <source>Sync cancelled; everything cached before is kept.</source>
        <translation>أُلغيت المزامنة؛ يُحتفظ بكل ما حُفظ على الجهاز من قبل.</translation>
    </message>
    <message>
        <source>Back online: Lean can be reached again.</source>
        <translation>عاد الاتصال: يمكن الوصول إلى Lean مجددًا.</translation>
    </message>
</context>
<context>
    <name>SyncProblems</name>
    <message>
        <source>Lean&apos;s answer could not be used.</source>
        <translation>تعذّر استخدام ردّ Lean.</translation>
    </message>
    <message>
        <source>Not updated since {when}:</source>
        <translation>لم يُحدَّث منذ {when}:</translation>
    </message>
    <message>
        <source>Not updated:</source>
        <translation>لم يُحدَّث:</translation>
    </message>
    <message>
        <source>What is shown is Lean&apos;s last answer, confirmed {when}.</source>
        <translation>المعروض هو آخر ردّ من Lean، وقد تأكّد في {when}.</translation>
    </message>
    <message>
        <source>Its usages have not been read from Lean yet.</source>
        <translation>لم تُقرأ محاولات الدفع الخاصة به من Lean بعد.</translation>
    </message>
    <message>
        <source>First met: {when}</source>
        <translation>أول ظهور: {when}</translation>
    </message>
    <message>
        <source>Last met: {when}</source>
        <translation>آخر ظهور: {when}</translation>
    </message>
    <message>
        <source>Lean&apos;s last answer: {when}</source>
        <translation>آخر ردّ من Lean: {when}</translation>
    </message>
    <message>
        <source>View &gt; Sync problems… lists every problem and what Lean sent.</source>
        <translation>عرض &gt; مشكلات المزامنة… تسرد كل مشكلة وما أرسله Lean.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>مشكلات المزامنة</translation>
    </message>
    <message>
        <source>A sync could not use Lean&apos;s answers for these. The app shows Lean&apos;s last good answer until a sync reads them cleanly.</source>
        <translation>تعذّر على المزامنة استخدام ردود Lean لهذه العناصر. يعرض التطبيق آخر رد سليم من Lean إلى أن تقرأها مزامنة بلا أخطاء.</translation>
    </message>
    <message>
        <source>Problem detail</source>
        <translation>تفاصيل المشكلة</translation>
    </message>
    <message>
        <source>What Lean sent</source>
        <translation>ما أرسلته Lean</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>نسخ (&amp;C)</translation>
    </message>
    <message>
        <source>Copy problem</source>
        <translation>نسخ المشكلة</translation>
    </message>
    <message>
        <source>Copy the selected problem as plain text (Ctrl+C)</source>
        <translation>نسخ المشكلة المحدَّدة كنص عادي (Ctrl+C)</translation>
    </message>
    <message>
        <source>&amp;Show link</source>
        <translation>عرض الرابط (&amp;S)</translation>
    </message>
    <message>
        <source>Show link</source>
        <translation>عرض الرابط</translation>
    </message>
    <message>
        <source>Select this link in the window and close this list (Enter)</source>
        <translation>تحديد هذا الرابط في النافذة وإغلاق هذه القائمة (Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Sync problems table</source>
        <translation>جدول مشكلات المزامنة</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
    <message>
        <source>Nothing was kept of Lean&apos;s answer for this problem.</source>
        <translation>لم يُحتفظ بأي شيء من رد Lean على هذه المشكلة.</translation>
    </message>
    <message>
        <source>This link is not in the cache, so it cannot be shown.</source>
        <translation>هذا الرابط غير موجود في البيانات المحفوظة على الجهاز، لذا لا يمكن عرضه.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsModel</name>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>ما حدث</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>منذ</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Usages could not be read</source>
        <translation>تعذّرت قراءة محاولات الدفع</translation>
    </message>
    <message>
        <source>Malformed usages</source>
        <translation>محاولات دفع بصيغة غير صالحة</translation>
    </message>
    <message>
        <source>Usages that contradict themselves</source>
        <translation>محاولات دفع متناقضة</translation>
    </message>
    <message>
        <source>Malformed link record</source>
        <translation>سجل رابط بصيغة غير صالحة</translation>
    </message>
    <message>
        <source>A page of links could not be read</source>
        <translation>تعذّرت قراءة صفحة من الروابط</translation>
    </message>
    <message>
        <source>Impossible page totals</source>
        <translation>إجماليات صفحات غير منطقية</translation>
    </message>
    <message>
        <source>Links missing from the list</source>
        <translation>روابط مفقودة من القائمة</translation>
    </message>
    <message>
        <source>Error inside LinkManager</source>
        <translation>خطأ داخل LinkManager</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Show LinkManager</source>
        <translation>إظهار LinkManager (&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>مزامنة الآن (&amp;y)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء (&amp;Q)</translation>
    </message>
</context>
<context>
    <name>Urls</name>
    <message>
        <source>there is no address</source>
        <translation>لا يوجد عنوان</translation>
    </message>
    <message>
        <source>the address holds spaces or invisible characters</source>
        <translation>العنوان يحتوي على مسافات أو أحرف غير مرئية</translation>
    </message>
    <message>
        <source>the address is not a URL</source>
        <translation>العنوان ليس عنوان URL</translation>
    </message>
    <message>
        <source>it is not an https:// address</source>
        <translation>ليس عنوان https://</translation>
    </message>
    <message>
        <source>the address carries a user name or password</source>
        <translation>العنوان يتضمن اسم مستخدم أو كلمة مرور</translation>
    </message>
    <message>
        <source>cannot contain spaces: {address}</source>
        <translation>لا يمكن أن يحتوي على مسافات: {address}</translation>
    </message>
    <message>
        <source>is not a valid address: {address}</source>
        <translation>ليس عنوانًا صالحًا: {address}</translation>
    </message>
    <message>
        <source>has a port that is not a number from 0 to 65535: {address}</source>
        <translation>يحتوي على منفذ ليس رقمًا من 0 إلى 65535: {address}</translation>
    </message>
    <message>
        <source>must not carry a user name or password (the client secret is kept in the keyring): {address}</source>
        <translation>يجب ألّا يتضمن اسم مستخدم أو كلمة مرور (يُحفظ السرّ (client secret) في سلسلة المفاتيح): {address}</translation>
    </message>
    <message>
        <source>must be an absolute https:// address, not {address}</source>
        <translation>يجب أن يكون عنوان https:// كاملًا، وليس {address}</translation>
    </message>
    <message>
        <source>must use https:// (plain http only for this computer): {address}</source>
        <translation>يجب أن يستخدم https:// (يُسمح بـ http العادي لهذا الجهاز فقط): {address}</translation>
    </message>
    <message>
        <source>must not carry a query or fragment: {address}</source>
        <translation>يجب ألّا يتضمن سلسلة استعلام (?) أو جزءًا (#): {address}</translation>
    </message>
</context>
<context>
    <name>UsageDrawer</name>
    <message>
        <source>Usage details</source>
        <translation>تفاصيل محاولة الدفع</translation>
    </message>
    <message>
        <source>Close usage details</source>
        <translation>إغلاق تفاصيل محاولة الدفع</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>Seen by this workstation</source>
        <translation>ما رصدته محطة العمل هذه</translation>
    </message>
    <message>
        <source>What the payer entered</source>
        <translation>ما أدخله الدافع</translation>
    </message>
    <message>
        <source>Nothing: the link asks for no details.</source>
        <translation>لا شيء: لا يطلب الرابط أي تفاصيل.</translation>
    </message>
    <message>
        <source>Usage ID</source>
        <translation>معرّف محاولة الدفع</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>معرّف الدفعة</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>معرّف العميل</translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation>حالة محاولة الدفع</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>حالة الدفعة</translation>
    </message>
    <message>
        <source>References</source>
        <translation>المعرّفات</translation>
    </message>
    <message>
        <source>Usage {id}</source>
        <translation>محاولة الدفع {id}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>النتيجة: {outcome}</translation>
    </message>
    <message>
        <source>The bank has not reported on this payment yet.</source>
        <translation>لم يُبلغ البنك عن هذه الدفعة بعد.</translation>
    </message>
    <message>
        <source>As reported by the bank: {status}</source>
        <translation>كما أبلغ عنها البنك: {status}</translation>
    </message>
    <message>
        <source>Seen before {when}</source>
        <translation>رُصدت قبل {when}</translation>
    </message>
    <message>
        <source>First seen {when}</source>
        <translation>رُصدت أول مرة في {when}</translation>
    </message>
    <message>
        <source>{when}: {status}, bank {was} → {bank}</source>
        <translation>{when}: {status}، البنك {was} ← {bank}</translation>
    </message>
</context>
<context>
    <name>UsagesSection</name>
    <message>
        <source>Usages</source>
        <translation>محاولات الدفع</translation>
    </message>
    <message>
        <source>Updating from Lean…</source>
        <translation>جارٍ التحديث من Lean…</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>المحصَّل</translation>
    </message>
    <message>
        <source>Possible double charge</source>
        <translation>احتمال تحصيل مكرر</translation>
    </message>
    <message>
        <source>Usages table</source>
        <translation>جدول محاولات الدفع</translation>
    </message>
    <message>
        <source>Usages ({count})</source>
        <translation>محاولات الدفع ({count})</translation>
    </message>
    <message>
        <source>as of {when}</source>
        <translation>حتى {when}</translation>
    </message>
    <message>
        <source>not read from Lean yet</source>
        <translation>لم تُقرأ من Lean بعد</translation>
    </message>
    <message numerus="yes">
        <source>Collected {amount} from %Ln payment(s) · {count} / {limit} allowed</source>
        <translation>
            <numerusform>تم تحصيل {amount} من %Ln دفعة · {count} / {limit} من الحد الأقصى</numerusform>
            <numerusform>تم تحصيل {amount} من دفعة واحدة · {count} / {limit} من الحد الأقصى</numerusform>
            <numerusform>تم تحصيل {amount} من دفعتين · {count} / {limit} من الحد الأقصى</numerusform>
            <numerusform>تم تحصيل {amount} من %Ln دفعات · {count} / {limit} من الحد الأقصى</numerusform>
            <numerusform>تم تحصيل {amount} من %Ln دفعة · {count} / {limit} من الحد الأقصى</numerusform>
            <numerusform>تم تحصيل {amount} من %Ln دفعة · {count} / {limit} من الحد الأقصى</numerusform>
        </translation>
    </message>
    <message>
        <source>More collected payments than the link allows: a payer may have been charged twice.</source>
        <translation>عدد الدفعات المحصَّلة أكبر مما يسمح به الرابط: ربما حُصِّل المبلغ من أحد الدافعين مرتين.</translation>
    </message>
    <message>
        <source>The same payment ID appears on more than one usage: {ids}.</source>
        <translation>يظهر معرّف الدفعة نفسه في أكثر من محاولة دفع: {ids}.</translation>
    </message>
    <message>
        <source>Open usage details</source>
        <translation>فتح تفاصيل محاولة الدفع</translation>
    </message>
    <message>
        <source>Copy usage ID</source>
        <translation>نسخ معرّف محاولة الدفع</translation>
    </message>
    <message>
        <source>Copy payment ID</source>
        <translation>نسخ معرّف الدفعة</translation>
    </message>
</context>
<context>
    <name>UsagesTableModel</name>
    <message>
        <source>Usage ID</source>
        <translation>معرّف محاولة الدفع</translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation>حالة محاولة الدفع</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>حالة الدفعة</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>معرّف الدفعة</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>القيمة الأولى</translation>
    </message>
    <message>
        <source>This payment holds what the search box asks for.</source>
        <translation>تحتوي هذه الدفعة على ما تبحث عنه في مربع البحث.</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>النتيجة: {outcome}</translation>
    </message>
    <message>
        <source>The bank has not reported on this payment yet.</source>
        <translation>لم يُبلغ البنك عن هذه الدفعة بعد.</translation>
    </message>
    <message>
        <source>As reported by the bank: {status}</source>
        <translation>كما أبلغ عنها البنك: {status}</translation>
    </message>
</context>
<context>
    <name>Watch</name>
    <message>
        <source>Lean is limiting requests; checking again in {seconds} s.</source>
        <translation>يحدّ Lean من عدد الطلبات؛ ستُعاد المحاولة بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>Lean refused this profile&apos;s credentials; check them, checking again in {seconds} s.</source>
        <translation>رفض Lean بيانات اعتماد ملف التعريف هذا؛ تحقق منها. ستُعاد المحاولة بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>Lean cannot be reached; checking again in {seconds} s, and payments made meanwhile show when it answers.</source>
        <translation>تعذّر الوصول إلى Lean؛ ستُعاد المحاولة بعد {seconds} ث، وستظهر الدفعات التي تمت في هذه الأثناء عندما يستجيب.</translation>
    </message>
    <message>
        <source>Lean&apos;s answer could not be read; checking again in {seconds} s.</source>
        <translation>تعذّرت قراءة استجابة Lean؛ ستُعاد المحاولة بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>Lean answers again; watching for payments.</source>
        <translation>عاد Lean إلى الاستجابة؛ جارٍ مراقبة الدفعات.</translation>
    </message>
    <message>
        <source>Lean has no payment link {link_id}; check the id.</source>
        <translation>لا يوجد لدى Lean رابط دفع بالمعرّف {link_id}؛ تحقق من المعرّف.</translation>
    </message>
    <message>
        <source>Link {name} is used up and cannot take payments; create a new link.</source>
        <translation>الرابط {name} مستنفَد ولا يمكنه استقبال دفعات؛ أنشئ رابطًا جديدًا.</translation>
    </message>
    <message>
        <source>Link {name} has expired and cannot take payments; create a new link.</source>
        <translation>انتهت صلاحية الرابط {name} ولا يمكنه استقبال دفعات؛ أنشئ رابطًا جديدًا.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to LinkManager</source>
        <translation>مرحبًا بك في LinkManager</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>مرحبًا</translation>
    </message>
    <message>
        <source>Find your Lean payment links, see who paid, share and print their QR codes, and review everything offline.</source>
        <translation>اعثر على روابط الدفع الخاصة بك في Lean، واعرف من دفع، وشارك رموز QR الخاصة بها واطبعها، وراجع كل شيء دون اتصال.</translation>
    </message>
    <message>
        <source>LinkManager logo</source>
        <translation>شعار LinkManager</translation>
    </message>
    <message>
        <source>Connect to Lean</source>
        <translation>الاتصال بـ Lean</translation>
    </message>
    <message>
        <source>Enter your application&apos;s client ID and secret from Lean&apos;s dashboard (Sandbox or Production). The secret is kept in your system keyring, never in a file.</source>
        <translation>أدخل معرّف العميل (client ID) والسرّ (client secret) الخاصين بتطبيقك من لوحة تحكم Lean، في بيئة الاختبار (Sandbox) أو بيئة الإنتاج (Production). يُحفظ السرّ في سلسلة المفاتيح في نظامك، ولا يُحفظ في ملف أبدًا.</translation>
    </message>
    <message>
        <source>Explore with demo data</source>
        <translation>الاستكشاف ببيانات تجريبية</translation>
    </message>
    <message>
        <source>Try every feature against a simulated Lean server on this computer, with made-up links and customers paying. Nothing is sent anywhere, and nothing is kept when you close it.</source>
        <translation>جرّب كل الميزات على خادم Lean مُحاكًى على هذا الجهاز، مع روابط وهمية وعملاء يدفعون. لا يُرسَل أي شيء إلى أي مكان، ولا يُحتفظ بشيء عند إغلاقه.</translation>
    </message>
</context>
</TS>
