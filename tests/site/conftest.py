"""What the browser tests share: one Chromium per module, and fresh contexts."""

from __future__ import annotations

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright (the modules skip without it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_url(browser):
    """Open a URL in a fresh context, closed after the test:
    ``open_url(url, viewport={...}, color_scheme="dark")``."""
    contexts = []

    def open_(url: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        return page

    yield open_
    for context in contexts:
        context.close()
