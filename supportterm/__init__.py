"""supportterm: a terminal client for helpdesk agents."""

__version__ = "0.1.0"
