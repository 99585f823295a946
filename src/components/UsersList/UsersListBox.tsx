'use client'

import { useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import type { Conversation } from '../../index'
import { displayName, type ConversationRowComponent } from './ConversationRow'
import { findTypeAhead, isTypeAheadKey, isTyping, moveActive, typeAheadKey, typeAheadStep, type TypeAheadState } from './keyboard'
import { useRowWindow } from './use-row-window'
import { useToday } from './use-today'

export interface UsersListBoxProps {
  items: readonly Conversation[]
  Row: ConversationRowComponent
  label: string
  /** The viewport's height in px when known (a number `height`), for the first render and the server's. */
  viewportHeight: number
  rowHeight: number
  overscan: number
  /** Controlled selection; `undefined` leaves the selection to the list. */
  selectedId: string | number | null | undefined
  onSelect: ((conversation: Conversation) => void) | undefined
  serverOffset: number
  selfId: string | null
}

const matchesFocusVisible = (element: Element) => {
  try {
    return element.matches(':focus-visible')
  } catch {
    return false
  }
}

/**
 * The virtualised listbox: only the rows in view (plus `overscan`, plus the active option) are in the DOM, each
 * absolutely placed at its offset; the focus stays on the listbox and `aria-activedescendant` names the active option.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function UsersListBox({
  items,
  Row,
  label,
  viewportHeight,
  rowHeight,
  overscan,
  selectedId,
  onSelect,
  serverOffset,
  selfId,
}: UsersListBoxProps) {
  const baseId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [ownSelection, setOwnSelection] = useState<string | null>(null)
  const selected = selectedId === undefined ? ownSelection : selectedId === null ? null : String(selectedId)
  const [activeId, setActiveId] = useState<string | null>(null)
  const typeAhead = useRef<TypeAheadState>({ query: '', at: -Infinity })
  const today = useToday(serverOffset)
  const { messages } = usePresenceMessages()

  const indexById = useMemo(() => new Map(items.map((item, index) => [item.id, index])), [items])
  // Built on the first typed letter, not on mount: 10,000 names cost nothing until someone types.
  const typeAheadKeys = useMemo(() => {
    let keys: string[] | undefined
    // By the names the rows show ("User 42" in the list's language for a user without a username).
    return () => (keys ??= items.map((item) => typeAheadKey(displayName(item.otherUser, messages))))
  }, [items, messages])
  const activeIndex = activeId === null ? -1 : (indexById.get(activeId) ?? -1)
  const selectedIndex = selected === null ? -1 : (indexById.get(selected) ?? -1)

  const [initialOffset] = useState(() => Math.max(0, selectedIndex * rowHeight - viewportHeight / 2 + rowHeight / 2))
  const rowWindow = useRowWindow(scrollRef, {
    count: items.length,
    rowHeight,
    overscan,
    initialHeight: viewportHeight,
    initialOffset,
    // The active option must stay in the DOM even when scrolled away, or aria-activedescendant would point at nothing.
    keep: activeIndex,
  })

  // The latest onSelect without re-rendering every row when the app passes a new function.
  const onSelectRef = useRef(onSelect)
  useEffect(() => {
    onSelectRef.current = onSelect
  })
  const pick = useCallback((conversation: Conversation) => {
    setActiveId(conversation.id)
    setOwnSelection(conversation.id)
    onSelectRef.current?.(conversation)
  }, [])

  const activate = (index: number) => {
    const item = items[index]
    if (!item) return
    setActiveId(item.id)
    rowWindow.scrollToIndex(index)
  }

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || activeIndex >= 0 || items.length === 0) return
    const index = selectedIndex >= 0 ? selectedIndex : 0
    setActiveId(items[index]!.id)
    // A click focuses the list too: scrolling then would move the row under the pointer.
    if (matchesFocusVisible(event.currentTarget)) rowWindow.scrollToIndex(index)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = items.length
    if (count === 0) return
    const now = Date.now()
    const typing = isTyping(typeAhead.current, now)
    if (!event.altKey && !event.ctrlKey && !event.metaKey) {
      const pageSize = Math.max(1, Math.floor((rowWindow.viewportHeight || viewportHeight) / rowHeight) - 1)
      const next = moveActive(event.key, activeIndex, count, pageSize)
      if (next !== null) {
        event.preventDefault()
        typeAhead.current = { query: '', at: -Infinity }
        activate(next)
        return
      }
    }
    if (event.key === 'Enter' || (event.key === ' ' && !typing)) {
      event.preventDefault()
      const item = items[activeIndex]
      if (item) pick(item)
      return
    }
    if (isTypeAheadKey(event)) {
      event.preventDefault()
      typeAhead.current = typeAheadStep(typeAhead.current, event.key, now)
      const found = findTypeAhead(typeAheadKeys(), typeAhead.current.query, activeIndex)
      if (found >= 0) activate(found)
    }
  }

  // encodeURIComponent throws on a lone surrogate, which JSON text can carry: it becomes U+FFFD first.
  const optionId = (id: string) => `${baseId}-option-${encodeURIComponent(id.replace(LONE_SURROGATE, '\ufffd'))}`
  const active = items[activeIndex]

  return (
    <div
      ref={scrollRef}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={active ? optionId(active.id) : undefined}
      data-slot="users-list-listbox"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      className="pk:group pk:relative pk:min-h-0 pk:flex-1 pk:overflow-y-auto pk:overscroll-contain pk:focus-visible:outline-2 pk:focus-visible:-outline-offset-2 pk:focus-visible:outline-presence-accent"
    >
      <div className="pk:relative pk:w-full" style={{ height: rowWindow.totalHeight }}>
        {rowWindow.rows.map((row) => {
          const item = items[row.index]!
          return (
            <Row
              key={item.id}
              conversation={item}
              optionId={optionId(item.id)}
              position={row.index + 1}
              setSize={items.length}
              start={row.start}
              height={rowHeight}
              selected={item.id === selected}
              active={row.index === activeIndex}
              today={today}
              selfId={selfId}
              onPick={pick}
            />
          )
        })}
      </div>
    </div>
  )
}
