"""`python -m chronologist` runs the command line."""

from chronologist.cli import main

main()
