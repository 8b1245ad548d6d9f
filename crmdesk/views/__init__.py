"""Everything a user sees: the main window, pages, dialogs and the Qt item models feeding them."""
