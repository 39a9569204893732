"""``python -m quoteattr``: the same command as the ``quoteattr`` script."""

from quoteattr.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
