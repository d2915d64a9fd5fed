"""Getting documents in: reading sources, cleaning them into articles, identifying the language."""
