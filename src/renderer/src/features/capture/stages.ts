import type { CaptureStage } from '../../../../shared/types'

/** What a capture under way is doing, in the list rows and the Add box. */
const stageLabels: Record<CaptureStage, string> = {
  queued: 'Waiting to save',
  fetching: 'Downloading',
  extracting: 'Extracting the article',
  images: 'Saving images',
  saving: 'Saving',
  done: 'Saved'
}

export function stageLabel(stage: CaptureStage | null): string {
  return stage ? stageLabels[stage] : 'Waiting to save'
}
