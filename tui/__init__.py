"""Pulang's terminal interface: the app, its screens and widgets, and the command line."""
