import { useEffect, useRef, useState } from 'react'
import { stageLabel } from './stages'
import type { CaptureItem, CaptureJobs } from './useCaptureJobs'
import { urlsIn } from './useCaptureJobs'
import { importableExtensions } from '../../../../shared/contract/capture'

interface AddPanelProps {
  jobs: CaptureJobs
  /** Text dropped on the window before the panel opened. */
  initialText: string
  /** Files dropped on the window before the panel opened: saved as the panel opens. */
  initialFiles?: File[]
  onClose(): void
}

/** Only pages and notes: anything else would fail anyway, with a less helpful message. */
/** True for a file Folio reads as an article (the contract lists them). */
const importable = (name: string): boolean =>
  importableExtensions.some((extension) => name.toLowerCase().endsWith(extension))

/** The Add box: paste or drop web addresses, watch each capture, retry the ones that failed. */
export function AddPanel({
  jobs,
  initialText,
  initialFiles,
  onClose
}: AddPanelProps): React.JSX.Element {
  const form = useAddForm(jobs, initialText, initialFiles)
  return (
    <section
      className="add-panel"
      role="dialog"
      aria-label="Add articles"
      onDragOver={(event) => event.preventDefault()}
      onDrop={form.drop}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <header className="add-header">
        <h2>Add articles</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <AddForm form={form} />
      {jobs.items.length > 0 && (
        <>
          <ul className="capture-items" aria-label="Captures">
            {jobs.items.map((item) => (
              <CaptureRow key={item.key} item={item} onRetry={jobs.retry} />
            ))}
          </ul>
          {jobs.items.some((item) => item.status === 'done') && (
            <button type="button" className="text-button" onClick={jobs.clearFinished}>
              Clear finished
            </button>
          )}
        </>
      )}
    </section>
  )
}

interface AddFormState {
  text: string
  setText(text: string): void
  message: string | null
  busy: boolean
  submit(): Promise<void>
  drop(event: React.DragEvent): void
}

/** The addresses typed or dropped, saving them, and files dropped on the box or the window. */
function useAddForm(
  jobs: CaptureJobs,
  initialText: string,
  initialFiles: File[] | undefined
): AddFormState {
  const [text, setText] = useState(initialText)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(): Promise<void> {
    const urls = urlsIn(text)
    if (urls.length === 0) {
      setMessage('Paste at least one web address starting with http:// or https://.')
      return
    }
    setBusy(true)
    const error = await jobs.save(urls)
    setBusy(false)
    setMessage(error)
    if (!error) setText('')
  }

  async function saveFiles(files: File[]): Promise<void> {
    const accepted = files.filter((file) => importable(file.name))
    const skipped = files.filter((file) => !importable(file.name)).map((file) => file.name)
    setMessage(
      skipped.length > 0
        ? `Folio imports .html, .htm, .txt and .md files; skipped ${skipped.join(', ')}.`
        : null
    )
    if (accepted.length > 0) await jobs.saveFiles(accepted)
  }

  const pendingFiles = useRef(initialFiles)
  useEffect(() => {
    const files = pendingFiles.current
    pendingFiles.current = undefined
    if (files && files.length > 0) void saveFiles(files)
    // Once, for the files that opened the panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function drop(event: React.DragEvent): void {
    event.preventDefault()
    // The window's own drop handler would otherwise open the panel again with the same drop.
    event.stopPropagation()
    const dropped =
      event.dataTransfer.getData('text/uri-list') || event.dataTransfer.getData('text')
    if (event.dataTransfer.files.length > 0 && !dropped) {
      void saveFiles([...event.dataTransfer.files])
      return
    }
    setText((previous) => [previous.trim(), ...urlsIn(dropped)].filter(Boolean).join('\n'))
  }

  return { text, setText, message, busy, submit, drop }
}

function AddForm({ form }: { form: AddFormState }): React.JSX.Element {
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => field.current?.focus(), [])
  const count = urlsIn(form.text).length
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void form.submit()
      }}
    >
      <label className="field-label" htmlFor="add-urls">
        Web addresses, one per line (or drop links and .html, .txt, .md files here)
      </label>
      <textarea
        id="add-urls"
        ref={field}
        rows={4}
        value={form.text}
        placeholder="https://example.com/article"
        onChange={(event) => form.setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void form.submit()
        }}
      />
      <div className="add-actions">
        {form.message && (
          <p className="form-message" role="alert">
            {form.message}
          </p>
        )}
        <button type="submit" className="primary-button" disabled={form.busy}>
          Save {count > 1 ? `${count} articles` : ''}
        </button>
      </div>
    </form>
  )
}

function CaptureRow({
  item,
  onRetry
}: {
  item: CaptureItem
  onRetry(jobId: number): Promise<void>
}): React.JSX.Element {
  return (
    <li className="capture-item" data-status={item.status}>
      <span className="capture-input" title={item.input}>
        {item.input}
      </span>
      <span className="capture-status">
        {item.status === 'done' && 'Saved'}
        {item.status === 'cancelled' && 'Cancelled'}
        {(item.status === 'queued' || item.status === 'running') && (
          <>
            <span className="spinner" aria-hidden="true" />
            {stageLabel(item.stage)}…
          </>
        )}
        {item.status === 'failed' && <span className="capture-error">{item.error}</span>}
      </span>
      {item.status === 'failed' && item.jobId !== null && (
        <button
          type="button"
          className="small-button"
          onClick={() => void onRetry(item.jobId as number)}
        >
          Retry
        </button>
      )}
    </li>
  )
}
