"""`python -m judgepanel` and the `judgepanel` command."""

from judgepanel.cli import main

if __name__ == "__main__":
    main()
