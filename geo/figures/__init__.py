"""Figures: quantities, the actors they count, who reports them, and where they apply."""
