"""The app's modal dialogs, one a module: each asks something over the screen in front and
answers through `dismiss` (a yes, a reason, a name, the records picked, a file written...).

Dialogs import widgets, never screens.
"""
