"""`python -m ipextract` runs the command line."""

from .cli import main

main()
