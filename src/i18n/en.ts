import type { Format } from './format'
import { enStatus } from './status'

/**
 * A sentence around a name that the component sets apart (bold, isolated): the words and the name, in the order the
 * language puts them.
 *
 * @example
 * const cameOnline: Sentence = (name) => [name, ' came online']
 */
export type Sentence = <T>(name: T) => Array<T | string>

/**
 * The English messages: the source of truth for every UI string of the components, and the shape ({@link Messages})
 * that every other language satisfies. Plain strings, and functions for the messages with values, which get the
 * active locale's {@link Format} for numbers and plurals.
 *
 * @example
 * import { en } from 'presence-kit'
 *
 * en.onlineUsers.count(8, format) // '8 online'
 */
export const en = {
  /** The direction the language is written in: sentences with a name inside keep it in a page of the other one. */
  dir: 'ltr' as 'ltr' | 'rtl',
  /** Status labels: human words, never the protocol's keys. */
  status: enStatus,
  /** The status as a line of text: the chat header's, a list row's, a tooltip's. */
  statusLine: {
    /** The chat header's line for an offline user; `ago` is a relative time ("2 hours ago"). */
    lastSeen: (ago: string) => `Last seen ${ago}`,
    /** A status with the user's status message. */
    withMessage: (label: string, message: string) => `${label} — ${message}`,
    /** A status message with when it clears itself (`until` from {@link en.statusLine.until}). */
    withUntil: (message: string, until: string) => `${message} (${until})`,
    /** When a status message clears itself; `time` is a date or time from `Intl.DateTimeFormat`. */
    until: (time: string) => `until ${time}`,
    /** A status message quoted. */
    quote: (message: string) => `“${message}”`,
  },
  /** A user without a username. */
  userName: (id: string) => `User ${id}`,
  onlineUsers: {
    title: "Who's Online?",
    count: (count: number, format: Format) => `${format.number(count)} online`,
    more: (count: number, format: Format) => `+${format.number(count)}`,
    moreLabel: (count: number, format: Format) => `${format.number(count)} more online`,
    tile: (name: string, status: string) => `${name}, ${status}`,
    /** A tooltip's last seen; `ago` is a relative time. */
    active: (ago: string) => `Active ${ago}`,
    loading: 'Loading who is online…',
    error: "Couldn't load who is online.",
    retry: 'Try again',
    reconnecting: 'Reconnecting…',
    /** Polling instead of the socket, every `seconds` (the same words as the connection banner's). */
    polling: (seconds: number, format: Format) => `Live updates paused — refreshing every ${format.number(seconds)} s`,
    /** Polling, but the last poll failed (offline, say): nothing is being refreshed, the next try is in `seconds`. */
    pollFailing: (seconds: number, format: Format) => `Live updates paused — can't reach the server, trying again every ${format.number(seconds)} s`,
    unavailable: 'This server does not share who is online with your account.',
    unavailableFriends: 'This server does not share which of your friends are online.',
    /** The backend has no list of who is online (none configured, or a 404), for anyone. */
    notOffered: 'This server does not offer a list of who is online.',
    signedOut: 'Sign in to see who is online.',
    empty: 'Nobody else is online right now.',
    emptyFriends: 'None of your friends is online right now.',
    /** The signed-in user's tile (with `includeSelf`): the visible mark, and the tile's name with it. */
    you: 'You',
    selfTile: (name: string, status: string) => `${name}, ${status}, You`,
    /** The expanded "+N more" button. */
    showFewer: 'Show fewer',
    /** The grid of users (its accessible name). */
    users: 'Online users',
  },
  usersList: {
    label: 'Conversations',
    loading: 'Loading conversations…',
    error: "Couldn't load your conversations.",
    retry: 'Try again',
    retrying: 'Trying again…',
    empty: 'No conversations yet.',
    signedOut: 'Sign in to see your conversations.',
    /** The backend has no conversations endpoint (none configured, or a 404). */
    unavailable: 'This server does not offer conversations.',
    noMessages: 'No messages yet',
    /** Between the parts of a row as a screen reader reads it (name, status, time, message). */
    separator: ', ',
    /** The signed-in user's own last message, around its text (which keeps its own direction). */
    fromYou: ((text) => ['You: ', text]) as Sentence,
    unread: (count: number, format: Format) => format.plural(count, { one: '# unread message', other: '# unread messages' }),
    /** The badge: the count, "99+" past 99. */
    unreadBadge: (count: number, format: Format) => (count > 99 ? `${format.number(99)}+` : format.number(count)),
  },
  chatHeader: {
    back: 'Back',
    /** The status line while signed out: the peer's status is unknown, not offline. */
    signedOut: 'Sign in to see their status.',
  },
  connectionBanner: {
    reconnecting: 'Reconnecting…',
    nextAttempt: (seconds: number, format: Format) => `next attempt in ${format.number(seconds)} s`,
    polling: (seconds: number, format: Format) => `Live updates paused — refreshing every ${format.number(seconds)} s`,
    /** Polling, but the last poll failed (offline, say): nothing is being refreshed, the next try is in `seconds`. */
    pollFailing: (seconds: number, format: Format) => `Live updates paused — can't reach the server, trying again every ${format.number(seconds)} s`,
    signedOut: 'Signed out: presence paused',
    retry: 'Retry now',
  },
  statusPicker: {
    title: 'Set your status',
    placeholder: "What's your status?",
    status: 'Status',
    loading: 'Loading your status…',
    signedOut: 'Sign in to set your status.',
    /** What each mode means for others (the modes' names are the status labels). */
    modes: {
      auto: 'Shown as online while you are active',
      away: 'Others see that you are away',
      dnd: 'Others see that you are busy',
      invisible: 'You appear offline to others',
    },
    message: 'Status message',
    counter: (length: number, max: number, format: Format) => `${format.number(length)}/${format.number(max)}`,
    counterLabel: (length: number, max: number, format: Format) => `${format.number(length)} of ${format.number(max)} characters`,
    clearLabel: 'Clear status message',
    clear: 'Clear',
    clearAfter: 'Clear after',
    expiry: {
      never: "Don't clear",
      '30m': (format: Format) => format.number(30, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
      '1h': (format: Format) => format.number(1, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
      today: 'Today',
      week: 'This week',
    },
    tooLong: (max: number, format: Format) => `Keep the message to ${format.number(max)} characters.`,
    lastSeen: 'Who can see your last seen',
    visibility: { everyone: 'Everyone', friends: 'Friends', nobody: 'Nobody' },
    error: (detail: string) => `Couldn't save your status: ${detail}`,
    unknownError: 'Something went wrong.',
    saved: 'Status saved',
    saving: 'Saving…',
    save: 'Save',
  },
  activityFeed: {
    title: 'Recent activity',
    loading: 'Loading activity…',
    error: "Couldn't load the activity.",
    retry: 'Try again',
    retrying: 'Trying again…',
    empty: 'No activity yet.',
    emptyFriends: 'No activity from your friends yet.',
    /** What happened, around the user's name. */
    events: {
      online: ((name) => [name, ' came online']) as Sentence,
      away: ((name) => [name, ' went away']) as Sentence,
      dnd: ((name) => [name, ' is busy']) as Sentence,
      offline: ((name) => [name, ' went offline']) as Sentence,
    },
  },
  toaster: {
    label: 'Notifications',
    /** A toast's sentence around the user's name; an away or busy status follows it. */
    online: ((name) => [name, ' is online']) as Sentence,
    withStatus: (sentence: string, status: string) => `${sentence} · ${status}`,
    dismiss: 'Dismiss',
  },
}

/**
 * Every UI string of the components: the shape of {@link en}, which every language satisfies (`satisfies Messages`)
 * and which `<UserStatusProvider messages>` overrides in part.
 *
 * @example
 * import type { Messages } from 'presence-kit'
 *
 * const fr = { ...en, onlineUsers: { ...en.onlineUsers, title: 'Qui est en ligne ?' } } satisfies Messages
 */
export type Messages = typeof en

/** A part of a catalogue: any key left out keeps its value, at any depth. */
type DeepPartial<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

/**
 * Messages for `<UserStatusProvider messages>`: a whole language (`ar`, `es`) or any part of one, merged over English.
 *
 * @example
 * const messages: MessagesOverride = { onlineUsers: { title: 'Team' } }
 */
export type MessagesOverride = DeepPartial<Messages>
