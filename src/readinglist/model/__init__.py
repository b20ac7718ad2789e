"""The shared model: frozen records, errors and pure helpers every layer may use."""
