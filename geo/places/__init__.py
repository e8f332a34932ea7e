"""Places: recognising names in sentences, their roles, and resolving them to gazetteer rows."""
