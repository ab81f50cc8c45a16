"""Writing a generated lexicon: the one way the generators in this folder do it."""
import sys


def write(path, header, lines):
    """Writes the header and one entry per line to `path` (UTF-8, LF), or to stdout
    when `path` is empty."""
    text = header + "\n".join(lines) + "\n"
    if path:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
