import type { Messages } from './en'

/**
 * Arabic (right to left): every message of {@link Messages}. Numbers, plurals, times and dates follow the provider's
 * `locale` through `Intl` (`'ar'`, or a region such as `'ar-EG'`, whose digits differ).
 *
 * @example
 * import { ar, UserStatusProvider } from 'presence-kit'
 *
 * <UserStatusProvider token={token} locale="ar" messages={ar}>{children}</UserStatusProvider>
 */
export const ar = {
  dir: 'rtl',
  status: {
    online: 'متصل',
    away: 'بعيد',
    dnd: 'عدم الإزعاج',
    offline: 'غير متصل',
    invisible: 'مخفي',
    idle: (label) => `${label} (خامل)`,
    mobile: (label) => `${label}، على الهاتف`,
    offlineLastSeen: (ago) => `غير متصل، آخر ظهور ${ago}`,
  },
  statusLine: {
    lastSeen: (ago) => `آخر ظهور ${ago}`,
    withMessage: (label, message) => `${label} — ${message}`,
    withUntil: (message, until) => `${message} (${until})`,
    until: (time) => `حتى ${time}`,
    quote: (message) => `«${message}»`,
  },
  userName: (id) => `المستخدم ${id}`,
  onlineUsers: {
    title: 'من المتصل الآن؟',
    count: (count, format) =>
      format.plural(count, { zero: 'لا أحد متصل', one: 'متصل واحد', two: 'متصلان', few: '# متصلين', many: '# متصلًا', other: '# متصل' }),
    more: (count, format) => `+${format.number(count)}`,
    // The name of the "+2" button: every form carries the number, the button's visible text (label in name), where
    // prose would say the one and the two by the word alone ("متصلان آخران").
    moreLabel: (count, format) =>
      format.plural(count, {
        one: '# متصل آخر',
        two: '# متصلان آخران',
        few: '# متصلين آخرين',
        many: '# متصلًا آخر',
        other: '# متصل آخر',
      }),
    tile: (name, status) => `${name}، ${status}`,
    active: (ago) => `نشط ${ago}`,
    loading: 'جارٍ تحميل المتصلين…',
    error: 'تعذّر تحميل قائمة المتصلين.',
    retry: 'أعد المحاولة',
    reconnecting: 'جارٍ إعادة الاتصال…',
    polling: (seconds, format) => `التحديثات المباشرة متوقفة — يجري التحديث كل ${format.number(seconds)} ث`,
    pollFailing: (seconds, format) => `التحديثات المباشرة متوقفة — تعذّر الوصول إلى الخادم، تُعاد المحاولة كل ${format.number(seconds)} ث`,
    unavailable: 'لا يشارك هذا الخادم قائمة المتصلين مع حسابك.',
    unavailableFriends: 'لا يشارك هذا الخادم أيّ أصدقائك متصلون.',
    notOffered: 'لا يوفّر هذا الخادم قائمة بالمتصلين.',
    signedOut: 'سجّل الدخول لترى من المتصل.',
    empty: 'لا أحد غيرك متصل الآن.',
    emptyFriends: 'لا أحد من أصدقائك متصل الآن.',
    you: 'أنت',
    selfTile: (name, status) => `${name}، ${status}، أنت`,
    showFewer: 'عرض أقل',
    users: 'المستخدمون المتصلون',
  },
  usersList: {
    label: 'المحادثات',
    loading: 'جارٍ تحميل المحادثات…',
    error: 'تعذّر تحميل محادثاتك.',
    retry: 'أعد المحاولة',
    retrying: 'جارٍ إعادة المحاولة…',
    empty: 'لا محادثات بعد.',
    signedOut: 'سجّل الدخول لترى محادثاتك.',
    unavailable: 'لا يوفّر هذا الخادم المحادثات.',
    noMessages: 'لا رسائل بعد',
    separator: '، ',
    fromYou: (text) => ['أنت: ', text],
    unread: (count, format) =>
      format.plural(count, {
        zero: 'لا رسائل غير مقروءة',
        one: 'رسالة واحدة غير مقروءة',
        two: 'رسالتان غير مقروءتين',
        few: '# رسائل غير مقروءة',
        many: '# رسالة غير مقروءة',
        other: '# رسالة غير مقروءة',
      }),
    unreadBadge: (count, format) => (count > 99 ? `${format.number(99)}+` : format.number(count)),
  },
  chatHeader: {
    back: 'رجوع',
    signedOut: 'سجّل الدخول لترى الحالة.',
  },
  connectionBanner: {
    reconnecting: 'جارٍ إعادة الاتصال…',
    nextAttempt: (seconds, format) => `المحاولة التالية خلال ${format.number(seconds)} ث`,
    polling: (seconds, format) => `التحديثات المباشرة متوقفة — يجري التحديث كل ${format.number(seconds)} ث`,
    pollFailing: (seconds, format) => `التحديثات المباشرة متوقفة — تعذّر الوصول إلى الخادم، تُعاد المحاولة كل ${format.number(seconds)} ث`,
    signedOut: 'تم تسجيل الخروج: الحضور متوقف',
    retry: 'أعد المحاولة الآن',
  },
  statusPicker: {
    title: 'عيّن حالتك',
    placeholder: 'ما حالتك؟',
    status: 'الحالة',
    loading: 'جارٍ تحميل حالتك…',
    signedOut: 'سجّل الدخول لتعيين حالتك.',
    modes: {
      auto: 'تظهر متصلًا ما دمت نشطًا',
      away: 'يرى الآخرون أنك بعيد',
      dnd: 'يرى الآخرون أنك مشغول',
      invisible: 'تظهر غير متصل للآخرين',
    },
    message: 'رسالة الحالة',
    counter: (length, max, format) => `${format.number(length)}/${format.number(max)}`,
    counterLabel: (length, max, format) => `${format.number(length)} من ${format.number(max)} حرفًا`,
    clearLabel: 'امسح رسالة الحالة',
    clear: 'مسح',
    clearAfter: 'امسح بعد',
    expiry: {
      never: 'لا تمسح',
      '30m': (format) => format.number(30, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
      '1h': (format) => format.number(1, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
      today: 'اليوم',
      week: 'هذا الأسبوع',
    },
    tooLong: (max, format) => `اجعل الرسالة في حدود ${format.number(max)} حرفًا.`,
    lastSeen: 'من يمكنه رؤية آخر ظهور لك',
    visibility: { everyone: 'الجميع', friends: 'الأصدقاء', nobody: 'لا أحد' },
    error: (detail) => `تعذّر حفظ حالتك: ${detail}`,
    unknownError: 'حدث خطأ ما.',
    saved: 'تم حفظ الحالة',
    saving: 'جارٍ الحفظ…',
    save: 'حفظ',
  },
  activityFeed: {
    title: 'النشاط الأخير',
    loading: 'جارٍ تحميل النشاط…',
    error: 'تعذّر تحميل النشاط.',
    retry: 'أعد المحاولة',
    retrying: 'جارٍ إعادة المحاولة…',
    empty: 'لا نشاط بعد.',
    emptyFriends: 'لا نشاط من أصدقائك بعد.',
    events: {
      online: (name) => [name, ' أصبح متصلًا'],
      away: (name) => [name, ' ابتعد'],
      dnd: (name) => [name, ' مشغول'],
      offline: (name) => [name, ' غادر'],
    },
  },
  toaster: {
    label: 'الإشعارات',
    online: (name) => [name, ' متصل الآن'],
    withStatus: (sentence, status) => `${sentence} · ${status}`,
    dismiss: 'إغلاق',
  },
} satisfies Messages
