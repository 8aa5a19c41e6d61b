"""Not used by meshkit: its façades own the transport (see meshkit._core)."""
