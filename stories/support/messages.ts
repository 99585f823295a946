import type { StoryContext } from '@storybook/react-vite'
import { ar, es, type MessagesOverride, type Sentence } from '../../src'
import { createFormat, mergeMessages, type Format, type Messages } from '../../src/i18n'
import { formatLastSeen } from '../../src/runtime/last-seen'
import { canvasGlobals, type Language } from './canvas'

/** The toolbar's languages: the messages each hands the provider (English is the catalogue's own). */
export const MESSAGES: Record<Language, MessagesOverride | undefined> = { en: undefined, ar, es }

/** The words a story shows in the toolbar's language: what its play function expects to read. */
export interface StoryWords {
  language: Language
  /** The catalogue the story's components read (`usePresenceMessages().messages`): English merged under the language. */
  messages: Messages
  /** The `Intl` helpers of the language, for the messages with a count (`usePresenceMessages().format`). */
  format: Format
  /** A time `ms` ago as the kit words a last seen in the language: `ago(2 * HOUR)` is "2 hours ago", "قبل ساعتين". */
  ago(ms: number): string
  /** A sentence around a name as its text: `sentence(messages.toaster.online, 'jane_smith')` is "jane_smith is online". */
  sentence(sentence: Sentence, name: string): string
}

/**
 * The words of the story's language (the toolbar's `language` global, or the story's own `globals`), from the same
 * catalogue and locale `withPresence` hands the provider: play functions assert through these, never through English,
 * so that they pass in every language a designer picks.
 *
 * @example
 * const { messages } = storyWords(context)
 * await expect(line).toHaveTextContent(messages.status.online)
 */
export function storyWords({ globals }: Pick<StoryContext, 'globals'>): StoryWords {
  const { language } = canvasGlobals(globals)
  const messages = mergeMessages(MESSAGES[language])
  return {
    language,
    messages,
    format: createFormat(language),
    ago: (ms) => formatLastSeen(0, ms, language),
    sentence: (sentence, name) => sentence(name).join(''),
  }
}

/** For a regular expression: the text matched literally. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Where a message function's value goes, for {@link shape}: `shape(messages.statusLine.lastSeen(HOLE))`. */
export const HOLE = '\u0001'

/** The whole text is `text`, nothing around it. */
export const exactly = (text: string) => new RegExp(`^${literal(text)}$`)

/** The whole text has the message's shape, any text where its value went: `shape(lastSeen(HOLE))` is "Last seen …". */
export const shape = (text: string) => new RegExp(`^${text.split(HOLE).map(literal).join('.+')}$`)
