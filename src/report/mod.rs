//! Rendering a Report as terminal text, Markdown, JSON and HTML.
