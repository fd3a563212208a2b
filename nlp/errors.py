"""Errors the engine raises for bad input: each message says what is wrong, for the user."""


class InputError(ValueError):
    """The input cannot be processed (empty, binary, wrong encoding, too large, ...)."""
