"""perspecta's Textual interface: a thin layer over core/."""
