import type { Target } from '../features/library/articleActions'

/** The dialogs of the window; one is open at a time, and the dialog host renders it. */
export type OpenDialog =
  | { kind: 'add'; text: string; files?: File[] }
  | { kind: 'shortcuts' }
  | { kind: 'tag'; targets: Target[] }
  | { kind: 'title'; target: Target }
  | { kind: 'renameTag'; name: string }
  | { kind: 'mergeTag'; name: string }
  | { kind: 'deleteTag'; name: string }
