"""Keeping added articles: uploads and pasted text are written under ``data/uploads/`` so the
dashboard still has them after a restart. Writes go to a temporary file in the same folder and
are moved into place with ``os.replace`` (atomic), so a crash never leaves half an article; the
same bytes added twice are recognised by their sha256 and kept once."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.model import Article
from geo.reading import SUFFIXES, read_bytes

UPLOAD_DIR = Path(__file__).resolve().parent.parent / "data" / "uploads"


@dataclass(frozen=True)
class Saved:
    path: Path | None  # None: a duplicate of an article kept elsewhere (a seed)
    article: Article
    duplicate: bool  # the same bytes were already there (nothing written)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_hashes(folder: Path) -> dict[str, Path]:
    """sha256 -> file for every article already kept in the folder."""
    if not folder.is_dir():
        return {}
    return {sha256(p.read_bytes()): p for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix.lower() in SUFFIXES}


def safe_filename(name: str, digest: str, folder: Path) -> str:
    """A plain file name from an upload's name: no folders, no odd characters, a readable
    suffix; a content hash is added when another file already has the name."""
    base = Path(name.replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    stem = re.sub(r"[^\w-]+", "_", Path(base).stem).strip("_.")[:60] or "article"
    if suffix not in SUFFIXES:
        suffix = ".txt"
    candidate = f"{stem}{suffix}"
    if (folder / candidate).exists():
        candidate = f"{stem}-{digest[:12]}{suffix}"
    return candidate


def atomic_write(path: Path, data: bytes) -> None:
    """Write all or nothing: temp file in the same folder, fsync, then os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(name: str, data: bytes, folder: Path = UPLOAD_DIR,
         known: Iterable[str] = ()) -> Saved:
    """Validate (``geo.reading.read_bytes``; a bad file raises ``ReadError`` and nothing is
    written) and keep one added article. ``known`` holds hashes of articles kept elsewhere
    (the seeds), which count as duplicates too."""
    digest = sha256(data)
    existing = stored_hashes(folder)
    if digest in existing or digest in set(known):
        path = existing.get(digest)
        return Saved(path, read_bytes(path.name if path else name, data), duplicate=True)
    filename = safe_filename(name, digest, folder)
    article = read_bytes(filename, data)
    path = folder / filename
    atomic_write(path, data)
    return Saved(path, article, duplicate=False)


def save_text(text: str, folder: Path = UPLOAD_DIR, known: Iterable[str] = ()) -> Saved:
    """Pasted text, kept as a UTF-8 .txt named after its hash."""
    data = text.encode("utf-8")
    return save(f"pasted-{sha256(data)[:12]}.txt", data, folder, known)
