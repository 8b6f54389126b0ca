from ecluse.cli import main

# Guarded: a parser process started with "spawn" imports this module again and must not run the CLI.
if __name__ == "__main__":
    main()
