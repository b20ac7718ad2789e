"""The command-line face: parses arguments, calls the services, prints."""
