"""Turning raw input (bytes, text, HTML, pasted pages) into clean article text and blocks."""
