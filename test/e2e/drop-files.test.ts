import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { startUiLibrary } from './ui-library'

describe('dropping files on the window', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('saves a GBK page and a note dropped from the desktop, and says which files it skipped', async () => {
    const library = await startUiLibrary(tempDir(), {})
    try {
      const page = await library.open(browser())
      const gbkPage = iconv.encode(
        `<html><head><meta charset="gbk"><title>拖放保存的文章</title></head><body><article>${'<p>把文件拖进窗口，档案馆就会保存它，每个汉字都完整无缺。</p>'.repeat(6)}</article></body></html>`,
        'gbk'
      )
      // What a drop from the file manager delivers: File objects with bytes and names, no paths.
      await page.evaluate(
        ({ pageBytes }) => {
          const transfer = new DataTransfer()
          transfer.items.add(
            new File([new Uint8Array(pageBytes)], 'saved-page.html', { type: 'text/html' })
          )
          transfer.items.add(
            new File(['Meeting notes\n\nBring the archive drive.'], 'notes.txt', {
              type: 'text/plain'
            })
          )
          transfer.items.add(new File(['binary'], 'photo.jpg', { type: 'image/jpeg' }))
          window.dispatchEvent(
            new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
          )
        },
        { pageBytes: [...gbkPage] }
      )
      await page.getByText('skipped photo.jpg').waitFor()
      const captures = page.getByRole('list', { name: 'Captures' }).getByRole('listitem')
      await expect
        .poll(() => captures.filter({ hasText: 'Saved' }).count(), { timeout: 20_000 })
        .toBe(2)
      await page.getByRole('button', { name: 'Close' }).click()
      const list = page.getByRole('list', { name: 'Articles' })
      await list.locator('.row-title', { hasText: '拖放保存的文章' }).waitFor()
      await list.locator('.row-title', { hasText: 'Meeting notes' }).waitFor()
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })
})
