"""Data for pydoc: the help texts of the language topics (topics.py)."""
