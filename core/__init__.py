"""perspecta core: pure logic (no textual, no rich)."""

__version__ = "0.1.0"
