'use strict'

const form = document.getElementById('save')
const status = document.getElementById('status')

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const tags = document
    .getElementById('tags')
    .value.split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  if (tab?.id === undefined) return
  status.textContent = 'Saving…'
  form.querySelector('button').disabled = true
  const result = await chrome.runtime.sendMessage({ type: 'folio-save', tabId: tab.id, tags })
  if (result?.ok) {
    status.textContent = 'Saved to Folio.'
    setTimeout(() => window.close(), 800)
  } else {
    status.textContent = result?.message ?? 'Folio could not save this page.'
    status.className = 'failed'
    form.querySelector('button').disabled = false
  }
})
