"""``python -m newsclean``: the same command as ``newsclean``."""

from newsclean.cli import main

if __name__ == "__main__":
    main(prog_name="newsclean")
