"""Widgets of the perspecta TUI, one module per area of the screen."""
