"""spaCy pipelines: per-language lexicons, custom components and the loader."""
