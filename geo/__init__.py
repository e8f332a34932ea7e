"""Lagebild: German war reporting on a map: places, figures, sources."""
