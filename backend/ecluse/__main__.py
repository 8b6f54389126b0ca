from ecluse.cli import main

main()
