"""Reading event files from other tools and other Eventline stores (no Qt, no SQL)."""
