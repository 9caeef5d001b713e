import { createContext, useContext } from 'react'

/** The key that runs a command, by the command's id (`add` → `n`). */
export type KeyOf = (commandId: string) => string

const KeyHints = createContext<KeyOf>((commandId) => `{${commandId}}`)

/**
 * The app provides the keys of its command table here, so a hint in a feature names a command and
 * never spells its key a second time.
 */
export const KeyHintsProvider = KeyHints.Provider

export function useKeyOf(): KeyOf {
  return useContext(KeyHints)
}

/** Text with `{commandId}` placeholders given their keys: `Press {favorite}` → `Press f`. */
export function withKeys(text: string, keyOf: KeyOf): string {
  return text.replace(/\{(\w+)\}/g, (_placeholder, commandId: string) => keyOf(commandId))
}
