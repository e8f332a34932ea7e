"""Text in: reading bytes into articles, cleaning, the matching view, sentences, transliteration."""
