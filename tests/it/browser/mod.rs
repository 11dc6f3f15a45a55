//! Tests that need headless Chromium to check the HTML pages.

mod export_html;
