"""What every layer of the store uses: the one translation function and its catalogues, the
one clock, and the errors with their exit codes."""
