import { startDesktopApp } from './electron/app'

void startDesktopApp()
