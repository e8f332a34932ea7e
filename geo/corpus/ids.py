"""Article ids: readable (the file's stem) and unique by construction."""

from __future__ import annotations


def unique_id(stem: str, sha: str, taken: set[str]) -> str:
    """The file's stem, or stem-<hash> when another article already has that id: ids never
    collide (``x.txt`` beside ``x.md``, an upload named like a seed) and stay stable for the
    same bytes. ``taken`` is updated."""
    base = stem or "article"
    candidate = base if base not in taken else f"{base}-{sha[:10]}"
    taken.add(candidate)
    return candidate
