import type { Messages } from './en'

/**
 * Spanish: every message of {@link Messages}. Numbers, plurals, times and dates follow the provider's `locale`
 * through `Intl` (`'es'`, `'es-MX'`, …).
 *
 * @example
 * import { es, UserStatusProvider } from 'presence-kit'
 *
 * <UserStatusProvider token={token} locale="es" messages={es}>{children}</UserStatusProvider>
 */
export const es = {
  dir: 'ltr',
  status: {
    online: 'En línea',
    away: 'Ausente',
    dnd: 'No molestar',
    offline: 'Desconectado',
    invisible: 'Invisible',
    idle: (label) => `${label} (inactivo)`,
    mobile: (label) => `${label}, en el móvil`,
    offlineLastSeen: (ago) => `Desconectado, visto por última vez ${ago}`,
  },
  statusLine: {
    lastSeen: (ago) => `Visto por última vez ${ago}`,
    withMessage: (label, message) => `${label} — ${message}`,
    withUntil: (message, until) => `${message} (${until})`,
    until: (time) => `hasta ${time}`,
    quote: (message) => `«${message}»`,
  },
  userName: (id) => `Usuario ${id}`,
  onlineUsers: {
    title: '¿Quién está en línea?',
    count: (count, format) => `${format.number(count)} en línea`,
    more: (count, format) => `+${format.number(count)}`,
    moreLabel: (count, format) => `${format.number(count)} más en línea`,
    tile: (name, status) => `${name}, ${status}`,
    active: (ago) => `Activo ${ago}`,
    loading: 'Cargando quién está en línea…',
    error: 'No se pudo cargar quién está en línea.',
    retry: 'Reintentar',
    reconnecting: 'Reconectando…',
    polling: 'Actualizaciones en directo en pausa: se actualiza cada pocos segundos…',
    unavailable: 'Este servidor no comparte con tu cuenta quién está en línea.',
    unavailableFriends: 'Este servidor no comparte cuáles de tus amigos están en línea.',
    signedOut: 'Inicia sesión para ver quién está en línea.',
    empty: 'No hay nadie más en línea ahora mismo.',
    emptyFriends: 'Ninguno de tus amigos está en línea ahora mismo.',
  },
  usersList: {
    label: 'Conversaciones',
    loading: 'Cargando conversaciones…',
    error: 'No se pudieron cargar tus conversaciones.',
    retry: 'Reintentar',
    retrying: 'Reintentando…',
    empty: 'Aún no hay conversaciones.',
    signedOut: 'Inicia sesión para ver tus conversaciones.',
    noMessages: 'Aún no hay mensajes',
    fromYou: (text) => ['Tú: ', text],
    unread: (count, format) => format.plural(count, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
    unreadBadge: (count, format) => (count > 99 ? `${format.number(99)}+` : format.number(count)),
  },
  chatHeader: {
    back: 'Atrás',
    signedOut: 'Inicia sesión para ver su estado.',
  },
  connectionBanner: {
    reconnecting: 'Reconectando…',
    nextAttempt: (seconds, format) => `próximo intento en ${format.number(seconds)} s`,
    polling: (seconds, format) => `Actualizaciones en directo en pausa: se actualiza cada ${format.number(seconds)} s`,
    signedOut: 'Sesión cerrada: presencia en pausa',
    retry: 'Reintentar ahora',
  },
  statusPicker: {
    title: 'Establece tu estado',
    placeholder: '¿Cuál es tu estado?',
    status: 'Estado',
    loading: 'Cargando tu estado…',
    signedOut: 'Inicia sesión para establecer tu estado.',
    modes: {
      auto: 'Se te muestra en línea mientras estás activo',
      away: 'Los demás ven que estás ausente',
      dnd: 'Los demás ven que estás ocupado',
      invisible: 'Los demás te ven desconectado',
    },
    message: 'Mensaje de estado',
    counter: (length, max, format) => `${format.number(length)}/${format.number(max)}`,
    counterLabel: (length, max, format) => `${format.number(length)} de ${format.number(max)} caracteres`,
    clearLabel: 'Borrar el mensaje de estado',
    clear: 'Borrar',
    clearAfter: 'Borrar después de',
    expiry: {
      never: 'No borrar',
      '30m': (format) => format.number(30, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
      '1h': (format) => format.number(1, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
      today: 'Hoy',
      week: 'Esta semana',
    },
    tooLong: (max, format) => `El mensaje no puede superar los ${format.number(max)} caracteres.`,
    lastSeen: 'Quién puede ver tu última conexión',
    visibility: { everyone: 'Todos', friends: 'Amigos', nobody: 'Nadie' },
    error: (detail) => `No se pudo guardar tu estado: ${detail}`,
    unknownError: 'Algo salió mal.',
    saved: 'Estado guardado',
    saving: 'Guardando…',
    save: 'Guardar',
  },
  activityFeed: {
    title: 'Actividad reciente',
    loading: 'Cargando actividad…',
    error: 'No se pudo cargar la actividad.',
    retry: 'Reintentar',
    retrying: 'Reintentando…',
    empty: 'Aún no hay actividad.',
    emptyFriends: 'Aún no hay actividad de tus amigos.',
    events: {
      online: (name) => [name, ' se conectó'],
      away: (name) => [name, ' se ausentó'],
      dnd: (name) => [name, ' está ocupado'],
      offline: (name) => [name, ' se desconectó'],
    },
  },
  toaster: {
    label: 'Notificaciones',
    online: (name) => [name, ' está en línea'],
    withStatus: (sentence, status) => `${sentence} · ${status}`,
    dismiss: 'Cerrar',
  },
} satisfies Messages
