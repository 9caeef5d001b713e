'use strict'

const defaultPort = 8765
const form = document.getElementById('options')
const port = document.getElementById('port')
const token = document.getElementById('token')
const status = document.getElementById('status')

void chrome.storage.local.get(['port', 'token']).then((saved) => {
  port.value = String(saved.port ?? defaultPort)
  token.value = saved.token ?? ''
})

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  await chrome.storage.local.set({ port: Number(port.value), token: token.value.trim() })
  status.textContent = 'Saved. The toolbar button now saves pages to this library.'
})
