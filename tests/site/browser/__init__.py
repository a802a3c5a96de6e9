"""The built site in a real browser (Chromium, headless), used the way a reader uses it."""
