"""The app side: map, popups, filters, exports, basemap. The core never imports from here."""
